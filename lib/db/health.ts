import "server-only";
import { db } from "./client";

export async function checkDatabase(): Promise<{ ok: boolean; latencyMs: number }> {
  const t = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return { ok: true, latencyMs: Math.round(performance.now() - t) };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - t) };
  }
}
