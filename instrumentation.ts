// Runs once when a Next.js server instance starts: the scheduled-publishing loop.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (env().SIJILL_SCHEDULER === "off" || !env().DATABASE_URL) return;
  const { startScheduler } = await import("./lib/workflow/scheduler");
  startScheduler(env().SIJILL_SCHEDULER_INTERVAL * 1000);
}
