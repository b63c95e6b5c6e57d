// `npm run import -- <file.json> [--replace]`: imports an export file (from
// npm run export or GET /api/v1/export) in one transaction, keeping its ids, with a
// progress bar on standard error.
//
// A malformed file, another format version or a reference to a record that is in
// neither the file nor the database is refused with the place of each problem
// ("entities[3].aliases[0].name: required") and nothing is written. A record whose id is
// already in the database is refused too, unless --replace: then it is overwritten
// with the file's version (its version number goes up; its history keeps the old one).
import { parseArgs } from "node:util";
import fs from "node:fs";
import path from "node:path";
import { readEnv } from "../lib/env";
import { ensurePrismaClient, ROOT } from "../lib/setup/generate";
import { fail, here, progressBar } from "./cli";

const USAGE = "usage: npm run import -- <file.json> [--replace]";

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: { replace: { type: "boolean" }, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) fail(`name one file to import\n${USAGE}`);
  const file = path.resolve(here, positionals[0]!);
  try {
    if (!fs.statSync(file).isFile()) fail(`${positionals[0]} is not a file`);
  } catch {
    fail(`cannot read ${positionals[0]}: no such file`);
  }

  let env;
  try {
    env = readEnv();
  } catch (e) {
    fail((e as Error).message);
  }
  ensurePrismaClient();
  const { openDatabase } = await import("../lib/setup/database");
  const { applyMigrations } = await import("../lib/db/schema-engine");
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(ROOT, env.SIJILL_DATA_DIR), embeddedPort: env.EMBEDDED_PG_PORT, log: () => {} });
  process.env.DATABASE_URL = database.url;
  const { importFile, fileSource } = await import("../lib/import/data");
  const { disconnectDb } = await import("../lib/db/client");
  const { isAppError } = await import("../lib/errors");

  const bar = progressBar("import");
  let phase = "check";
  try {
    await applyMigrations(database.url);
    const result = await importFile(fileSource(file), {
      replace: values.replace === true,
      actorId: null,
      onProgress: (p) => {
        if (p.phase !== phase) {
          phase = p.phase;
          bar.end();
          bar.restart();
        }
        bar.update(p.done, p.total, p.phase === "check" ? `checking ${mb(p.done)} of ${mb(p.total)}` : `writing ${p.done} of ${p.total} records`);
      },
    });
    bar.end();
    const counts = Object.entries(result.counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ");
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    process.stderr.write(`imported ${path.basename(file)}: ${counts || "nothing"} (${sum(result.created)} records created, ${sum(result.replaced)} replaced)\n`);
  } catch (e) {
    bar.end();
    await disconnectDb();
    await database.stop();
    fail(isAppError(e) ? `${e.userMessage}\nnothing was imported` : (e as Error).message);
  }
  await disconnectDb();
  await database.stop();
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
