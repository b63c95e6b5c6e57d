// `npm start` as a user runs it: first start, second start, clean stop, crash
// recovery, and the one-line refusals that write nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const serverUrl = process.env.SIJILL_TEST_PG_URL!;
const tmp = mkdtempSync(path.join(os.tmpdir(), "sijill-start-"));
chmodSync(tmp, 0o755); // as root, PostgreSQL runs as the "postgres" user, which must enter it
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function admin(sql: string, database?: string) {
  const c = new pg.Client({ connectionString: database ? dbUrl(database) : serverUrl });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

function dbUrl(name: string) {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function start(env: Record<string, string | undefined>): Run {
  let out = "";
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: undefined, ADMIN_PASSWORD: undefined, HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitFor(run: Run, pattern: RegExp, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (!pattern.test(run.output())) {
    if (run.child.exitCode !== null) throw new Error(`start exited early:\n${run.output()}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startAndServe(env: Record<string, string | undefined>) {
  const port = await freePort();
  const t = performance.now();
  const run = start({ ...env, PORT: String(port) });
  await waitFor(run, /Serving on http/);
  const seconds = (performance.now() - t) / 1000;
  const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
  const articles = await (await fetch(`http://127.0.0.1:${port}/api/v1/articles?limit=100`)).json();
  return { run, port, seconds, health, articles };
}

async function stop(run: Run): Promise<number | null> {
  run.child.kill("SIGTERM");
  return run.exited;
}

describe("npm start", () => {
  it("on the embedded PostgreSQL: seeds, prints the admin once, reuses the data, stops cleanly, recovers from a crash", async () => {
    const dataDir = path.join(tmp, "data");
    const pgPort = String(await freePort());
    const env = { SIJILL_DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort };

    const first = await startAndServe(env);
    expect(first.health.status).toBe("ok");
    expect(first.articles.data).toHaveLength(5);
    expect(first.run.output()).toMatch(/Admin account created\. E-mail: admin@sijill\.local/);
    expect(first.run.output()).toMatch(/Password: \S{20}/);
    expect(first.run.output()).toMatch(/Seeded the ICI dossier/);
    expect(await stop(first.run)).toBe(0);
    expect(existsSync(path.join(dataDir, "pg", "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

    const second = await startAndServe(env);
    expect(second.articles.data.map((a: { id: string }) => a.id).sort()).toEqual(first.articles.data.map((a: { id: string }) => a.id).sort());
    expect(second.run.output()).not.toMatch(/Admin account created|Seeded the ICI dossier|Applied/);
    console.log(`[figure] npm start on a fresh data dir: ${first.seconds.toFixed(1)} s to serve; second start: ${second.seconds.toFixed(1)} s`);

    // a crash: the whole process group dies at once, PostgreSQL's lock stays behind
    process.kill(-second.run.child.pid!, "SIGKILL");
    await second.run.exited;
    await new Promise((r) => setTimeout(r, 500));
    const pidFile = path.join(dataDir, "pg", "postmaster.pid");
    if (!existsSync(pidFile)) writeFileSync(pidFile, "999999\n" + path.join(dataDir, "pg") + "\n");
    expect(readFileSync(pidFile, "utf8").length).toBeGreaterThan(0);

    const third = await startAndServe(env);
    expect(third.articles.data).toHaveLength(5);
    expect(await stop(third.run)).toBe(0);
  });

  it("on DATABASE_URL: uses it, starts no embedded PostgreSQL", async () => {
    await admin("CREATE DATABASE start_external ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0");
    const dataDir = path.join(tmp, "unused");
    const r = await startAndServe({ DATABASE_URL: dbUrl("start_external"), SIJILL_DATA_DIR: dataDir });
    expect(r.articles.data).toHaveLength(5);
    expect(existsSync(dataDir)).toBe(false);
    expect(await stop(r.run)).toBe(0);
  });

  describe("refuses with one clear line, exit 1, nothing written", () => {
    async function refused(env: Record<string, string | undefined>, pattern: RegExp) {
      const dataDir = path.join(tmp, `refused-${Math.random().toString(36).slice(2)}`);
      const run = start({ SIJILL_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), ...env });
      const code = await run.exited;
      const lines = run.output().trim().split("\n").filter((l) => !/npm warn/.test(l));
      expect(code).toBe(1);
      expect(lines.at(-1)).toMatch(pattern);
      expect(lines.at(-1)).toMatch(/^\[sijill\] error: /);
      expect(existsSync(dataDir)).toBe(false);
    }

    it("port in use", async () => {
      const srv = net.createServer().listen(0, "127.0.0.1");
      await new Promise((r) => srv.once("listening", r));
      const port = (srv.address() as net.AddressInfo).port;
      try {
        await refused({ PORT: String(port) }, new RegExp(`port ${port} is already in use`));
      } finally {
        srv.close();
      }
    });

    it("malformed or unreachable DATABASE_URL", async () => {
      await refused({ DATABASE_URL: "not a url", PORT: String(await freePort()) }, /DATABASE_URL/);
      await refused({ DATABASE_URL: "postgres://nobody:x@127.0.0.1:1/nothing", PORT: String(await freePort()) }, /Cannot reach the database/);
    });

    it("missing seed files", async () => {
      const seeds = path.join(tmp, "empty-seeds");
      mkdirSync(seeds, { recursive: true });
      await refused({ SIJILL_SEED_DIR: seeds, PORT: String(await freePort()) }, /Seed file missing/);
    });

    it("a database whose ctype would break Arabic search", async () => {
      await admin("CREATE DATABASE start_c_ctype ENCODING 'UTF8' LC_CTYPE 'C' LC_COLLATE 'C' TEMPLATE template0");
      await refused({ DATABASE_URL: dbUrl("start_c_ctype"), PORT: String(await freePort()) }, /ctype "C".*Arabic search/);
      expect(await admin("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", "start_c_ctype")).toEqual([]);
    });

    it("a database migrated by a newer version", async () => {
      await admin("CREATE DATABASE start_newer ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0");
      const c = new pg.Client({ connectionString: dbUrl("start_newer") });
      await c.connect();
      await c.query(`CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
      await c.query(`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('x', 'y', now(), '29990101000000_from_the_future', 1)`);
      await c.end();
      await refused({ DATABASE_URL: dbUrl("start_newer"), PORT: String(await freePort()) }, /newer version/);
      const tables = await admin("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", "start_newer");
      expect(tables.map((r) => r.tablename)).toEqual(["_prisma_migrations"]);
    });
  });
});
