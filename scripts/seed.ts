// `npm run seed`: apply migrations and the ICI seed dossier to the database (the
// embedded one, or DATABASE_URL). Idempotent: an existing dossier is left as it is.
import path from "node:path";
import { readEnv } from "../lib/env";
import { ensurePrismaClient, ROOT } from "../lib/setup/generate";

async function main() {
  const env = readEnv();
  ensurePrismaClient();
  const { loadSeed } = await import("../lib/setup/prepare");
  const { openDatabase } = await import("../lib/setup/database");
  const { applyMigrations } = await import("../lib/db/schema-engine");
  const seed = await loadSeed();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(ROOT, env.SIJILL_DATA_DIR), embeddedPort: env.EMBEDDED_PG_PORT, log: () => {} });
  process.env.DATABASE_URL = database.url;
  const { applySeed } = await import("../lib/seed/data");
  const { disconnectDb } = await import("../lib/db/client");
  try {
    await applyMigrations(database.url);
    const r = await applySeed(seed);
    console.log(r.created ? `seeded: ${JSON.stringify(r.counts)}` : "the ICI dossier is already there: nothing changed");
    for (const w of seed.warnings) console.log(`note: ${w}`);
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().catch((e) => {
  console.error(`error: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
