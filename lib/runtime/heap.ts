// How far V8 lets the heap grow past its live data before a full collection (the server's,
// from instrumentation.ts, and `npm run export`'s).
// Streaming a whole archive allocates ~3 bytes of short-lived objects per byte sent; V8
// lets such garbage pile up to 4× the live heap before collecting. Measured at 100,000
// articles (the whole public export, 1.6 GB): +260 MB resident while exporting with V8's
// choice, +100 MB at 50 %, for ~5 % of the export's speed. From the shell, whose process
// holds nothing else: a peak of 438 MiB with V8's choice, 254–323 MiB at 50 %, and
// 232–275 MiB with its young generation capped too (package.json's `export` script:
// --max-semi-space-size=4, a start-up flag; ~10 % slower, still 26+ MiB/s).
import { setFlagsFromString } from "node:v8";

export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
