// TEMP profiling script (not committed)
import path from "node:path";
import { startEmbeddedPostgres, ensureDatabase } from "../lib/db/embedded";
import { prepareDatabase, loadSeed } from "../lib/setup/prepare";
import { generateArticles } from "./bench/corpus";
import { insertEntities, makeEntities } from "./bench/entities";

const n = Number(process.argv[2] ?? 20000);
const server = await startEmbeddedPostgres({ dataDir: "/tmp/prof/pg", port: 54400 });
const url = server.serverUrl("prof");
const created = await ensureDatabase(server.serverUrl(), "prof");
process.env.DATABASE_URL = url;
if (process.argv[3] === "gen") {
  await prepareDatabase({ url, seed: await loadSeed(), adminEmail: "a@b.test", adminPassword: "long-enough-password-1" });
  const entities = makeEntities(Math.min(5000, Math.max(50, Math.round(n / 50))));
  await insertEntities(url, entities);
  const t0 = performance.now();
  await generateArticles(url, n, { entities, onProgress: (d) => d % 10000 === 0 && console.log(d, ((performance.now() - t0) / 1000).toFixed(0), "s") });
  console.log("generated", n, created);
}
console.log(url);
if (process.argv[3] !== "keep") await server.stop();
