// `npm run export -- …`: a collection of the archive as the versioned JSON export file
// (the format of GET /api/v1/export; schema: lib/export/schema.ts), streamed to a file
// or to standard output with a progress bar on standard error.
//
//   --dossier <slug>                           one dossier with its articles, entities, mentions…
//   --entity-type person|organization|event|place   the entities of one type
//   --all                                      everything
//   --include-drafts                           drafts, pending versions, internal annotations, every
//                                              mention (the shell is trusted, like npm run user)
//   --out <file> | --out -                     where to write ("-": standard output)
//
// Without --include-drafts the file holds exactly what the public site shows.
import { parseArgs } from "node:util";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { readEnv } from "../lib/env";
import { ensurePrismaClient, ROOT } from "../lib/setup/generate";
import { fail, here, progressBar } from "./cli";

const USAGE = `usage: npm run export -- (--dossier <slug> | --entity-type <type> | --all) [--include-drafts] --out <file.json | ->`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        dossier: { type: "string" },
        "entity-type": { type: "string" },
        all: { type: "boolean" },
        "include-drafts": { type: "boolean" },
        out: { type: "string", short: "o" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { ENTITY_TYPES } = await import("../lib/entities/schemas");
  const chosen = [values.dossier !== undefined, values["entity-type"] !== undefined, values.all === true].filter(Boolean).length;
  if (chosen !== 1) fail(`say what to export: one of --dossier <slug>, --entity-type <type> or --all\n${USAGE}`);
  const entityType = values["entity-type"];
  if (entityType !== undefined && !(ENTITY_TYPES as readonly string[]).includes(entityType)) fail(`--entity-type must be ${ENTITY_TYPES.join(", ")}`);
  if (values.dossier !== undefined && !values.dossier.trim()) fail("--dossier needs the slug of a dossier");
  if (!values.out) fail(`say where to write: --out file.json (or --out - for standard output)\n${USAGE}`);
  const scope = values.dossier ? { dossier: values.dossier } : entityType ? { entityType: entityType as (typeof ENTITY_TYPES)[number] } : ("all" as const);
  const toStdout = values.out === "-";
  const target = toStdout ? null : path.resolve(here, values.out);
  if (target && !fs.existsSync(path.dirname(target))) fail(`the folder ${path.dirname(target)} does not exist`);

  let env;
  try {
    env = readEnv();
  } catch (e) {
    fail((e as Error).message);
  }
  // the same bound on the heap's growth as the server's (SIJILL_HEAP_GROWTH)
  (await import("../lib/runtime/heap")).limitHeapGrowth(env.SIJILL_HEAP_GROWTH);
  ensurePrismaClient();
  const { openDatabase } = await import("../lib/setup/database");
  const { applyMigrations } = await import("../lib/db/schema-engine");
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(ROOT, env.SIJILL_DATA_DIR), embeddedPort: env.EMBEDDED_PG_PORT, log: () => {} });
  process.env.DATABASE_URL = database.url;
  const { exportCollection } = await import("../lib/export/data");
  const { disconnectDb } = await import("../lib/db/client");
  const { isAppError } = await import("../lib/errors");

  // a file is written under a temporary name and renamed when complete: a failed export leaves no half file
  const partial = target ? `${target}.partial` : null;
  const out = partial ? fs.createWriteStream(partial) : process.stdout;
  const bar = progressBar("export");
  const totals: Record<string, number> = {};
  try {
    await applyMigrations(database.url);
    const chunks = exportCollection({
      scope,
      includeDrafts: values["include-drafts"] === true,
      actor: "shell",
      onProgress: (p) => {
        totals[p.section] = p.total;
        bar.update(p.overallDone, p.overallTotal, `${p.section} ${p.done}/${p.total}`);
      },
    });
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, "drain");
    }
    if (partial) {
      (out as fs.WriteStream).end();
      await once(out, "finish");
      fs.renameSync(partial, target!);
    }
    bar.end();
    const summary = Object.entries(totals).map(([k, n]) => `${n} ${k}`).join(", ");
    process.stderr.write(`exported ${summary}${values["include-drafts"] ? " (drafts included)" : " (published records only)"}${target ? ` to ${values.out}` : ""}\n`);
  } catch (e) {
    bar.end();
    if (partial) {
      (out as fs.WriteStream).destroy();
      fs.rmSync(partial, { force: true });
    }
    await disconnectDb();
    await database.stop();
    fail(isAppError(e) ? e.userMessage : (e as Error).message);
  }
  await disconnectDb();
  await database.stop();
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
