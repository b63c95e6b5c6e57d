// Runs once when a Next.js server instance starts: the heap's growth limit and the
// scheduled-publishing loop.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  (await import("./lib/runtime/heap")).limitHeapGrowth(env().SIJILL_HEAP_GROWTH);
  if (env().SIJILL_SCHEDULER === "off" || !env().DATABASE_URL) return;
  const { startScheduler } = await import("./lib/workflow/scheduler");
  startScheduler(env().SIJILL_SCHEDULER_INTERVAL * 1000);
}
