// Migrations and the schema-drift check, in process, through Prisma's WebAssembly
// schema engine (no CLI, no child process, no engine download).
//
//   applyMigrations(url)           = `prisma migrate deploy`: applies the pending folders of
//                                    prisma/migrations and records them in _prisma_migrations
//                                    (the CLI's `migrate status` agrees afterwards). Refuses a
//                                    database migrated by a newer version of the app.
//   diffMigrationsToSchema(url)    = migrates an empty scratch database, then returns the SQL
//                                    that would take it to prisma/schema.prisma ("" when the
//                                    migrations and the schema agree).
//
// The wasm loading and the driver adapter live in scripts/prisma-schema-engine.mjs, shared
// with the stand-in engine the Prisma CLI runs (scripts/prisma.ts).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createSchemaEngine, guardEngineCall, checkConnection } from "../../scripts/prisma-schema-engine.mjs";

export interface ApplyMigrationsOptions {
  /** default: prisma/migrations of the project */
  migrationsDir?: string;
}

export interface DiffOptions {
  /** the schema to compare with; default prisma/schema.prisma of the project */
  schemaPath?: string;
  migrationsDir?: string;
}

/** The database holds migrations this version of the app does not know: it belongs to a newer version. */
export class DatabaseNewerThanAppError extends Error {
  readonly code = "DATABASE_NEWER_THAN_APP";
  constructor(readonly unknownMigrations: string[]) {
    super(
      `The database was migrated by a newer version of Sijill: it has ${unknownMigrations.length === 1 ? "migration" : "migrations"} ` +
        `${unknownMigrations.join(", ")} that this version does not know. Nothing was applied. ` +
        `Run the newer version of the application, or restore a backup made with this version.`,
    );
    this.name = "DatabaseNewerThanAppError";
  }
}

const NO_FILTER = { externalTables: [] as string[], externalEnums: [] as string[] };
/** any constant: serializes concurrent applyMigrations of several app instances */
const MIGRATION_LOCK_KEY = 0x51_6a_11; // "Sijill"

export async function applyMigrations(
  databaseUrl: string,
  opts: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsList = readMigrationsList(opts.migrationsDir ?? defaultPaths().migrationsDir);
  const known = new Set(migrationsList.migrationDirectories.map((d) => d.path));

  await checkConnection(databaseUrl);
  // One applier at a time per database; the check below runs under the same lock.
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);

    const recorded = await recordedMigrations(lock, databaseUrl);
    const unknown = [...new Set(recorded.map((r) => r.name))].filter((name) => !known.has(name));
    if (unknown.length > 0) throw new DatabaseNewerThanAppError(unknown);

    // Up to date (every folder recorded as finished): skip loading the engine. Anything
    // else, failed migrations included, is the engine's to handle and report.
    const finished = new Set(recorded.filter((r) => r.finished).map((r) => r.name));
    const allFinished = recorded.length > 0 && [...known].every((n) => finished.has(n)) && recorded.every((r) => r.finished);
    if (allFinished) return { applied: [] };

    const { engine, close } = await createSchemaEngine({ url: databaseUrl, preflight: false });
    try {
      const out = await guardEngineCall(() => engine.applyMigrations({ migrationsList, filters: NO_FILTER }));
      return { applied: out.appliedMigrationNames };
    } finally {
      await close();
    }
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await lock.end().catch(() => {});
  }
}

/**
 * The schema-drift check. `scratchDatabaseUrl` must name an EMPTY database (it is
 * migrated, not cleaned up: drop it afterwards). Returns the SQL script from the migrated
 * database to the schema: "" when they agree.
 */
export async function diffMigrationsToSchema(scratchDatabaseUrl: string, opts: DiffOptions = {}): Promise<string> {
  const defaults = defaultPaths();
  const schemaPath = path.resolve(opts.schemaPath ?? defaults.schemaPath);
  const files = [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }];

  await assertEmptyDatabase(scratchDatabaseUrl);
  await applyMigrations(scratchDatabaseUrl, { migrationsDir: opts.migrationsDir });

  const { engine, close } = await createSchemaEngine({
    url: scratchDatabaseUrl,
    datamodels: files.map((f) => [f.path, f.content] as [string, string]),
  });
  try {
    const out = await guardEngineCall(() =>
      engine.diff({
        // the database the engine is connected to (the migrated scratch database)…
        from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
        // …to the schema file
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters: NO_FILTER,
      }),
    );
    return meaningfulSql(out.stdout ?? "");
  } finally {
    await close();
  }
}

// ───────────────────────────── helpers

/** "" when the script holds only comments ("-- This is an empty migration.") and blanks. */
function meaningfulSql(script: string): string {
  const body = script
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("--"))
    .join("\n");
  return body.trim() === "" ? "" : script.trim();
}

interface MigrationsList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: {
    path: string;
    migrationFile: { path: string; content: { tag: "ok"; value: string } | { tag: "error"; value: string } };
  }[];
}

/** What the Prisma CLI sends the engine: folders sorted by name, each with its migration.sql. */
function readMigrationsList(migrationsDir: string): MigrationsList {
  const baseDir = path.resolve(migrationsDir);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const lockfile = { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null };
  const entries = fs.existsSync(baseDir) ? fs.readdirSync(baseDir, { withFileTypes: true }) : [];
  const migrationDirectories = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      let content: { tag: "ok"; value: string } | { tag: "error"; value: string };
      try {
        content = { tag: "ok", value: fs.readFileSync(file, "utf8") };
      } catch (e) {
        content = { tag: "error", value: (e as Error).message };
      }
      return { path: name, migrationFile: { path: "migration.sql", content } };
    });
  return { baseDir, lockfile, shadowDbInitScript: "", migrationDirectories };
}

/** Rows of _prisma_migrations that count (not rolled back); [] when the table does not exist. */
async function recordedMigrations(client: pg.Client, databaseUrl: string): Promise<{ name: string; finished: boolean }[]> {
  const table = `${quoteIdent(schemaOf(databaseUrl))}."_prisma_migrations"`;
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [table]);
  if (!exists.rows[0]?.t) return [];
  const rows = await client.query<{ migration_name: string; finished: boolean }>(
    `SELECT migration_name, finished_at IS NOT NULL AS finished FROM ${table}
      WHERE rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.rows.map((r) => ({ name: r.migration_name, finished: r.finished }));
}

async function assertEmptyDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p')`,
      [schemaOf(databaseUrl)],
    );
    if (r.rows[0]?.n !== "0") {
      throw new Error(`diffMigrationsToSchema needs an empty scratch database; ${redact(databaseUrl)} already has tables.`);
    }
  } finally {
    await client.end().catch(() => {});
  }
}

function schemaOf(databaseUrl: string): string {
  try {
    return new URL(databaseUrl).searchParams.get("schema") ?? "public";
  } catch {
    return "public";
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function redact(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<database url>";
  }
}

/** prisma/ of the project: next to this file's ../.. when it can be seen, else the working directory. */
function defaultPaths(): { schemaPath: string; migrationsDir: string } {
  let root = process.cwd();
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const candidate = path.resolve(here, "..", "..");
    if (fs.existsSync(path.join(candidate, "prisma", "schema.prisma"))) root = candidate;
  } catch {
    // bundled: import.meta.url is not a file URL
  }
  return { schemaPath: path.join(root, "prisma", "schema.prisma"), migrationsDir: path.join(root, "prisma", "migrations") };
}
