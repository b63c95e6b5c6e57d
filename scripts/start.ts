// `npm start`: embedded PostgreSQL (or DATABASE_URL), migrations, the seeded ICI
// dossier, the first admin, a production build if needed, then the server.
import net from "node:net";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { readEnv } from "../lib/env";
import { ensurePrismaClient, ROOT } from "../lib/setup/generate";

const log = (s: string) => console.log(`[sijill] ${s}`);

function fail(message: string): never {
  console.error(`[sijill] error: ${message}`);
  process.exit(1);
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.once("listening", () => srv.close(() => resolve(true)));
    srv.listen(port, host);
  });
}

async function main() {
  const started = performance.now();
  let env;
  try {
    env = readEnv();
  } catch (e) {
    fail((e as Error).message);
  }
  if (!(await portFree(env.PORT, env.HOST))) fail(`port ${env.PORT} is already in use (set PORT to another port).`);

  ensurePrismaClient(log);
  // modules that load the Prisma client are imported once it exists
  const { loadSeed, prepareDatabase } = await import("../lib/setup/prepare");
  const { openDatabase } = await import("../lib/setup/database");
  const { ensureBuild } = await import("../lib/setup/build");

  let seed;
  try {
    seed = await loadSeed(env.SIJILL_SEED_DIR ? path.resolve(env.SIJILL_SEED_DIR) : undefined);
  } catch (e) {
    fail((e as Error).message);
  }

  const dataDir = path.resolve(ROOT, env.SIJILL_DATA_DIR);
  let database;
  try {
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, embeddedPort: env.EMBEDDED_PG_PORT, log });
  } catch (e) {
    fail((e as Error).message);
  }
  process.env.DATABASE_URL = database.url;

  let child: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    const { disconnectDb } = await import("../lib/db/client");
    await disconnectDb().catch(() => {});
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const result = await prepareDatabase({ url: database.url, seed, adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD });
    if (result.migrations.length) log(`Applied ${result.migrations.length} migration(s).`);
    if (result.seed.created) log(`Seeded the ICI dossier: ${Object.entries(result.seed.counts).map(([k, v]) => `${v} ${k}`).join(", ")}.`);
    for (const w of seed.warnings) log(`seed note: ${w}`);
    if (result.admin) {
      log("──────────────────────────────────────────────");
      log(`Admin account created. E-mail: ${result.admin.email}`);
      log(`Password: ${result.admin.password}`);
      log("(shown once; change it with: npm run user -- reset-password <email>)");
      log("──────────────────────────────────────────────");
    }
    await ensureBuild(log, { ...process.env, DATABASE_URL: database.url });
  } catch (e) {
    console.error(`[sijill] error: ${(e as Error).message}`);
    await stop(1);
    return;
  }

  child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(env.PORT), "-H", env.HOST], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout!.on("data", (d: Buffer) => {
    const text = d.toString();
    if (/Ready in|ready/i.test(text)) {
      const host = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
      log(`Serving on http://${host}:${env.PORT}/ (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  });
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`[sijill] the server stopped (exit ${code}).`);
      void stop(code ?? 1);
    }
  });
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
