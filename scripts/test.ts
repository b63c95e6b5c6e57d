// `npm test`: every suite (unit, integration on a real PostgreSQL, browser tests in
// Debian's Chromium) with one runner (vitest) and one summary line.
//
// It starts a throw-away embedded PostgreSQL in a temporary folder, prepares a
// template database (migrations + seed + admin) that each integration test file
// clones, builds the app if needed and serves it on a free port for the browser
// tests, then removes everything.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensurePrismaClient, ROOT } from "../lib/setup/generate";

const log = (s: string) => console.log(`[test] ${s}`);
const args = process.argv.slice(2);
/** The browser suite needs the app built and served: only when it is part of this run. */
function wantsE2eSuite(argv: string[]): boolean {
  const projects: string[] = [];
  const filters: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--project") projects.push(argv[++i] ?? "");
    else if (a.startsWith("--project=")) projects.push(a.slice("--project=".length));
    else if (!a.startsWith("-")) filters.push(a);
  }
  if (projects.length) return projects.includes("e2e");
  if (filters.length) return filters.some((f) => f.includes("e2e"));
  return true;
}
const wantsE2e = wantsE2eSuite(args);

export const TEST_ADMIN = { email: "admin@sijill.test", password: "correct-horse-battery-staple" };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function chromiumPath(): string | null {
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(p)) return p;
  return null;
}

function ensureChromium(): string {
  const found = chromiumPath();
  if (found) return found;
  log("Chromium is missing: installing Debian's chromium package (apt-get)…");
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }) : update;
  const after = chromiumPath();
  if (install.status !== 0 || !after) throw new Error("Could not install Chromium with apt-get (run: apt-get install -y chromium)");
  return after;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app server did not answer at ${url}`);
}

async function main(): Promise<number> {
  const t0 = performance.now();
  ensurePrismaClient(log);
  const { startEmbeddedPostgres, ensureDatabase } = await import("../lib/db/embedded");
  const { loadSeed, prepareDatabase } = await import("../lib/setup/prepare");
  const { disconnectDb } = await import("../lib/db/client");
  const { ensureBuild } = await import("../lib/setup/build");

  const tmp = mkdtempSync(path.join(os.tmpdir(), "sijill-test-"));
  chmodSync(tmp, 0o755); // as root, PostgreSQL runs as the "postgres" user, which must enter it
  const pgPort = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: pgPort });
  let app: ChildProcess | null = null;
  let vitest: ChildProcess | null = null;
  // Ctrl-C / SIGTERM: stop the runner and the app, then the finally below cleans up
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    for (const child of [vitest, app]) if (child && child.exitCode === null) child.kill("SIGTERM");
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  try {
    const template = "sijill_template";
    await ensureDatabase(server.serverUrl(), template);
    const templateUrl = server.serverUrl(template);
    process.env.DATABASE_URL = templateUrl;
    await prepareDatabase({ url: templateUrl, seed: await loadSeed(), adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password });
    await disconnectDb();
    log(`PostgreSQL ready on port ${pgPort}, template database prepared (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SIJILL_TEST_PG_URL: server.serverUrl(),
      SIJILL_TEST_TEMPLATE_DB: template,
      SIJILL_TEST_ADMIN_EMAIL: TEST_ADMIN.email,
      SIJILL_TEST_ADMIN_PASSWORD: TEST_ADMIN.password,
      NEXT_TELEMETRY_DISABLED: "1",
    };

    if (wantsE2e) {
      env.SIJILL_CHROMIUM = ensureChromium();
      const e2eDb = "sijill_e2e";
      const admin = new (await import("pg")).default.Client({ connectionString: server.serverUrl() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${e2eDb} TEMPLATE ${template}`);
      await admin.end();
      env.SIJILL_E2E_DATABASE_URL = server.serverUrl(e2eDb);
      await ensureBuild(log, { ...process.env, DATABASE_URL: env.SIJILL_E2E_DATABASE_URL });
      const appPort = await freePort();
      app = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(appPort), "-H", "127.0.0.1"], {
        cwd: ROOT,
        // the scheduler looks for due records every second, so a scheduled publish shows quickly
        env: { ...env, DATABASE_URL: env.SIJILL_E2E_DATABASE_URL, PORT: String(appPort), SIJILL_SCHEDULER_INTERVAL: "1" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      env.SIJILL_E2E_BASE_URL = `http://127.0.0.1:${appPort}`;
      await waitForHttp(`${env.SIJILL_E2E_BASE_URL}/api/health`, app);
      log(`App serving for browser tests at ${env.SIJILL_E2E_BASE_URL}`);
    }

    if (interrupted) return 130;
    vitest = spawn(process.execPath, [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run", ...args], {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: "" },
      stdio: "inherit",
    });
    const runner = vitest;
    return await new Promise<number>((resolve) => runner.on("exit", (code) => resolve(interrupted ? 130 : (code ?? 1))));
  } finally {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => app!.once("exit", r));
    }
    await server.stop().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[test] error: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
