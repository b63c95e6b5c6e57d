// The migrations in prisma/migrations must build exactly the schema of prisma/schema.prisma
// (a schema change without its migration fails here), and applyMigrations must behave like
// `prisma migrate deploy`, refusing a database that a newer version of the app migrated.
//
// Needs a PostgreSQL superuser URL in SIJILL_TEST_PG_URL (provided by `npm test`); run alone
// without it, the test starts its own embedded PostgreSQL in a temporary directory.

import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, DatabaseNewerThanAppError, diffMigrationsToSchema } from "../../lib/db/schema-engine";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded";

const root = path.resolve(import.meta.dirname, "..", "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const migrationNames = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

let serverUrl: string;
let stopServer: (() => Promise<void>) | undefined;
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "sijill-drift-"));
fs.chmodSync(tmpDir, 0o755); // as root the embedded server runs as "postgres", which must enter it
const scratchDatabases: string[] = [];

function urlOf(database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function scratchDatabase(label: string): Promise<string> {
  const name = `drift_${label}_${randomBytes(4).toString("hex")}`;
  scratchDatabases.push(name);
  await ensureDatabase(serverUrl, name);
  return urlOf(name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** a copy of prisma/migrations plus extra migration folders */
function migrationsWith(extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmpDir, "migrations-"));
  fs.cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  if (process.env.SIJILL_TEST_PG_URL) {
    serverUrl = process.env.SIJILL_TEST_PG_URL;
  } else {
    const server = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, "pg"), port: await freePort() });
    serverUrl = server.serverUrl();
    stopServer = () => server.stop();
  }
}, 120_000);

afterAll(async () => {
  for (const name of scratchDatabases) {
    await query(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
  await stopServer?.();
  fs.rmSync(tmpDir, { recursive: true, force: true });
}, 60_000);

describe("schema drift", () => {
  it("has migrations", () => {
    expect(migrationNames.length).toBeGreaterThan(0);
  });

  it("the migrations build exactly prisma/schema.prisma", async () => {
    const diff = await diffMigrationsToSchema(await scratchDatabase("clean"));
    expect(diff).toBe("");
  });

  it("reports a schema change that has no migration", async () => {
    const schema = fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
    const changed = schema.replace(/^(model \w+ \{\n)/m, "$1  driftProbeColumn String?\n");
    expect(changed).not.toBe(schema);
    const schemaPath = path.join(tmpDir, "schema.prisma");
    fs.writeFileSync(schemaPath, changed);

    const diff = await diffMigrationsToSchema(await scratchDatabase("changed"), { schemaPath });
    expect(diff).toMatch(/ADD COLUMN\s+"driftProbeColumn"/);
  });
});

describe("applyMigrations", () => {
  it("applies every migration once, recorded like `prisma migrate deploy`; a second run is a no-op", async () => {
    const url = await scratchDatabase("twice");
    expect(await applyMigrations(url)).toEqual({ applied: migrationNames });
    expect(await applyMigrations(url)).toEqual({ applied: [] });

    const rows = await query<{ migration_name: string; finished: boolean; applied_steps_count: number }>(
      url,
      `SELECT migration_name, finished_at IS NOT NULL AS finished, applied_steps_count
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    expect(rows.every((r) => r.finished && r.applied_steps_count === 1)).toBe(true);
    const ext = await query<{ extname: string }>(url, "SELECT extname FROM pg_extension ORDER BY extname");
    expect(ext.map((e) => e.extname)).toEqual(expect.arrayContaining(["fuzzystrmatch", "pg_trgm", "unaccent"]));
  });

  it("refuses a database migrated by a newer version of the app, before applying anything", async () => {
    const url = await scratchDatabase("newer");
    await applyMigrations(url);
    const future = "99991231000000_from_a_newer_version";
    await query(
      url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES (gen_random_uuid()::text, repeat('0', 64), $1, now(), now(), 1)`,
      [future],
    );
    // this version of the app would have one more migration of its own to apply
    const dir = migrationsWith({ "99990101000000_pending_probe": 'CREATE TABLE "pending_probe" (id int);\n' });

    const attempt = applyMigrations(url, { migrationsDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseNewerThanAppError);
    await expect(attempt).rejects.toThrow(/migrated by a newer version of Sijill.*99991231000000_from_a_newer_version.*Nothing was applied/s);

    const [probe] = await query<{ t: string | null }>(url, "SELECT to_regclass('pending_probe')::text AS t");
    expect(probe!.t).toBeNull();
    const rows = await query<{ migration_name: string }>(url, "SELECT migration_name FROM _prisma_migrations ORDER BY 1");
    expect(rows.map((r) => r.migration_name)).toEqual([...migrationNames, future]);
  });

  it("rolls a failing migration back entirely and reports it", async () => {
    const url = await scratchDatabase("failing");
    const dir = migrationsWith({
      "99990101000000_broken": 'CREATE TABLE "broken_probe" (id int);\n-- a ; in a comment\nSELECT 1/0;\n',
    });
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/division by zero/);

    const [probe] = await query<{ t: string | null }>(url, "SELECT to_regclass('broken_probe')::text AS t");
    expect(probe!.t).toBeNull(); // the whole script ran in one transaction
    const failed = await query<{ migration_name: string }>(
      url,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL",
    );
    expect(failed.map((r) => r.migration_name)).toEqual(["99990101000000_broken"]);
    // and the next start refuses to go on until the failure is resolved (P3009)
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/failed migrations/);
  });
});
