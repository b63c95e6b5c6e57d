// Which PostgreSQL the app runs on: DATABASE_URL when set (checked: reachable, UTF-8
// ctype), else the embedded one in .data/pg.
import pg from "pg";
import fs from "node:fs";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../db/embedded";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

export class SetupError extends Error {}

export async function checkExternalDatabase(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SetupError("DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).");
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new SetupError("DATABASE_URL must start with postgres:// or postgresql://.");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new SetupError(`Cannot reach the database at ${parsed.host}${parsed.pathname}: ${(e as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ ctype: string; encoding: string }>(
      "SELECT datctype AS ctype, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
    );
    const { ctype, encoding } = rows[0];
    if (encoding !== "UTF8" || !/utf-?8/i.test(ctype)) {
      throw new SetupError(
        `The database ${parsed.pathname.slice(1)} has encoding ${encoding} and ctype "${ctype}": Arabic search needs UTF8 with a UTF-8 ctype ` +
          `(create it with: CREATE DATABASE name ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0).`,
      );
    }
  } finally {
    await client.end();
  }
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; embeddedPort: number; log: (s: string) => void }): Promise<Database> {
  if (opts.databaseUrl) {
    await checkExternalDatabase(opts.databaseUrl);
    return { url: opts.databaseUrl, embedded: false, stop: async () => {} };
  }
  // PostgreSQL's own output goes to .data/postgres.log (created on its first line, so a
  // refusal before the server starts writes nothing); failures still reach the console
  // through the error startEmbeddedPostgres throws.
  const logFile = path.join(opts.dataDir, "postgres.log");
  const pgLog = (line: string) => {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.appendFileSync(logFile, line + "\n");
  };
  const pgServer = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, "pg"), port: opts.embeddedPort, log: pgLog });
  opts.log(`Embedded PostgreSQL ${pgServer.reused ? "(already running) " : ""}on 127.0.0.1:${opts.embeddedPort}, data in ${opts.dataDir} (log: ${logFile})`);
  try {
    await ensureDatabase(pgServer.serverUrl(), "sijill");
  } catch (e) {
    await pgServer.stop();
    throw e;
  }
  return { url: pgServer.serverUrl("sijill"), embedded: true, stop: () => pgServer.stop() };
}
