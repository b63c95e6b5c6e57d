// The scheduled-publishing loop each app instance runs (instrumentation.ts starts
// it). Instances need no coordination: publishDue claims due rows with SKIP LOCKED,
// and the schedule itself lives in PostgreSQL, so a restart publishes what fell due
// while the app was down on its first tick.
import "server-only";
import { publishDue } from "./data";

let timer: NodeJS.Timeout | undefined;
let running = false;

export async function schedulerTick(log: (s: string) => void = console.log): Promise<number> {
  if (running) return 0; // a slow tick is still going: skip, never overlap
  running = true;
  try {
    const { published } = await publishDue();
    for (const p of published) log(`[scheduler] published ${p.kind} ${p.id}`);
    return published.length;
  } catch (e) {
    console.error("[scheduler] publishing due records failed:", e);
    return 0;
  } finally {
    running = false;
  }
}

export function startScheduler(intervalMs: number): void {
  if (timer) return;
  void schedulerTick();
  timer = setInterval(() => void schedulerTick(), intervalMs);
  timer.unref();
}

export function stopScheduler(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
