// TEMP
import { startEmbeddedPostgres } from "../lib/db/embedded";
import pg from "pg";
const server = await startEmbeddedPostgres({ dataDir: "/tmp/prof/pg", port: 54400 });
const url = server.serverUrl("prof");
process.env.DATABASE_URL = url;
const c = new pg.Client({ connectionString: url });
await c.connect();
const sqls = process.argv.slice(2);
for (const s of sqls) {
  if (s.startsWith("search:")) {
    const { searchPublic } = await import("../lib/search/data");
    const { searchQuerySchema } = await import("../lib/search/schemas");
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const r = await searchPublic(searchQuerySchema.parse(JSON.parse(s.slice(7))));
      console.log("search", (performance.now() - t0).toFixed(1), "ms total", r.total);
    }
    continue;
  }
  const t0 = performance.now();
  const r = await c.query(s);
  console.log(`-- ${(performance.now() - t0).toFixed(1)} ms`);
  for (const row of (r.rows ?? []).slice(0, 60)) console.log(Object.values(row).join(" | "));
}
await c.end();
const { disconnectDb } = await import("../lib/db/client");
await disconnectDb();
try { await server.stop(); } catch {}
process.exit(0);
