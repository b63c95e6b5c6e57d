// Each integration test file gets its own database, cloned from the template that
// scripts/test.ts prepared (migrated, seeded, with the test admin), and dropped after.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";

const serverUrl = process.env.SIJILL_TEST_PG_URL;
const template = process.env.SIJILL_TEST_TEMPLATE_DB ?? "sijill_template";
if (!serverUrl) throw new Error("Integration tests run through `npm test` (SIJILL_TEST_PG_URL is not set).");

export function dbUrl(name: string): string {
  const u = new URL(serverUrl!);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function createDatabaseFromTemplate(prefix = "t"): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

// this file is a vitest setupFile of the integration project: point the app's
// DATABASE_URL at a fresh clone before any test module loads lib/db
const name = await createDatabaseFromTemplate();
process.env.DATABASE_URL = dbUrl(name);
process.env.SIJILL_TEST_DB = name;

afterAll(async () => {
  const { disconnectDb } = await import("../../lib/db/client");
  await disconnectDb();
  await dropDatabase(name);
});
