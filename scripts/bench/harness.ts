// The benchmark's world: a throw-away embedded PostgreSQL in a temporary folder, a
// database prepared like production (migrations, seed, admin), the production build
// served by `next start` on a free port. `stop()` undoes all of it and may be called
// at any moment (Ctrl-C) and more than once.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { EmbeddedPostgres } from "../../lib/db/embedded";
import { ROOT } from "../../lib/setup/generate";

export const BENCH_ADMIN = { email: "admin@bench.test", password: "bench-admin-password-1234" };
const DATABASE = "sijill_bench";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export class Harness {
  private tmp: string | null = null;
  private pg: EmbeddedPostgres | null = null;
  private app: ChildProcess | null = null;
  private appStderr: string[] = [];
  private stopping: Promise<void> | null = null;
  databaseUrl = "";
  baseUrl = "";

  constructor(private readonly log: (s: string) => void) {}

  /** Starts PostgreSQL in a temporary folder and creates the bench database (UTF-8, C.UTF-8). */
  async startDatabase(): Promise<string> {
    const { startEmbeddedPostgres, ensureDatabase } = await import("../../lib/db/embedded");
    this.tmp = mkdtempSync(path.join(os.tmpdir(), "sijill-bench-"));
    chmodSync(this.tmp, 0o755); // as root, PostgreSQL runs as the "postgres" user, which must enter it
    this.pg = await startEmbeddedPostgres({ dataDir: path.join(this.tmp, "pg"), port: await freePort() });
    await ensureDatabase(this.pg.serverUrl(), DATABASE);
    this.databaseUrl = this.pg.serverUrl(DATABASE);
    return this.databaseUrl;
  }

  /** Migrations, the seeded dossier and the admin, exactly as `npm start` does. */
  async prepareDatabase(): Promise<void> {
    const { loadSeed, prepareDatabase } = await import("../../lib/setup/prepare");
    await prepareDatabase({ url: this.databaseUrl, seed: await loadSeed(), adminEmail: BENCH_ADMIN.email, adminPassword: BENCH_ADMIN.password });
  }

  /**
   * Builds the app when its sources changed; true when it did. Another `next build` of
   * this folder (someone's `npm test` or `npm start`) holds Next's build lock: wait for
   * it, after which the build is usually current.
   */
  async build(): Promise<boolean> {
    const { ensureBuild } = await import("../../lib/setup/build");
    const until = Date.now() + 15 * 60_000;
    for (let waited = false; ; ) {
      try {
        return await ensureBuild(this.log, { ...process.env, DATABASE_URL: this.databaseUrl });
      } catch (e) {
        if (!/Another next build process is already running/i.test((e as Error).message) || Date.now() > until) throw e;
        if (!waited) this.log("Another `next build` of this folder is running: waiting for it…");
        waited = true;
        await new Promise((r) => setTimeout(r, 5_000));
      }
    }
  }

  /** `next start` on a free port, scheduler off; resolves once /api/health answers. */
  async serve(): Promise<string> {
    const port = await freePort();
    const app = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: this.databaseUrl, PORT: String(port), SIJILL_SCHEDULER: "off", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    this.app = app;
    app.stderr!.on("data", (d: Buffer) => {
      this.appStderr.push(...d.toString().split("\n").filter(Boolean));
      this.appStderr.splice(0, Math.max(0, this.appStderr.length - 20));
    });
    this.baseUrl = `http://127.0.0.1:${port}`;
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      if (app.exitCode !== null || app.signalCode !== null) {
        throw new Error(`next start exited (${app.signalCode ?? `code ${app.exitCode}`})${this.appStderr.length ? `: ${this.appStderr.at(-1)}` : ""}`);
      }
      try {
        const r = await fetch(`${this.baseUrl}/api/health`);
        await r.arrayBuffer();
        if (r.ok) return this.baseUrl;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the app did not answer at ${this.baseUrl}/api/health within 120 s`);
  }

  get appPid(): number {
    if (!this.app?.pid) throw new Error("the app is not running");
    return this.app.pid;
  }

  /** Fails when the app died since it started (a crash would otherwise look like slow requests). */
  assertAppAlive(): void {
    if (this.app && (this.app.exitCode !== null || this.app.signalCode !== null)) {
      throw new Error(`the app stopped during the benchmark${this.appStderr.length ? `: ${this.appStderr.at(-1)}` : ""}`);
    }
  }

  /** Stops the app, the Prisma client of this process and PostgreSQL; removes the temporary folder. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const app = this.app;
      if (app && app.exitCode === null && app.signalCode === null) {
        const exited = new Promise((r) => app.once("exit", r));
        app.kill("SIGTERM");
        const killTimer = setTimeout(() => app.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(killTimer);
      }
      await import("../../lib/db/client").then((m) => m.disconnectDb()).catch(() => {});
      await this.pg?.stop().catch(() => {});
      killChildren(); // e.g. a `next build` interrupted by SIGTERM sent to this process only
      if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
    })();
    return this.stopping;
  }
}

/** SIGTERM to this process's remaining child processes (by pid, from /proc; Linux only). */
function killChildren(): void {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid) process.kill(Number(pid), "SIGTERM");
    } catch {
      // gone meanwhile
    }
  }
}
