// How far V8 lets the heap grow past its live data before a full collection (the server's,
// from instrumentation.ts, and `npm run export`'s).
// Streaming a whole archive allocates ~3 bytes of short-lived objects per byte sent; V8
// lets such garbage pile up to 4× the live heap before collecting. Measured at 100,000
// articles (the whole public export, 1.6 GB): +260 MB resident while exporting with V8's
// choice, +100 MB at 50 %, for ~5 % of the export's speed; from the shell, a peak of
// 438 MiB with V8's choice, 260 MiB at 50 %.
import { setFlagsFromString } from "node:v8";

export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
