// Generates the Prisma client when the schema changed since the last generation.
// `prisma generate` needs no engine binary; PRISMA_SCHEMA_ENGINE_BINARY points at the
// project's WebAssembly stand-in so the CLI never tries to download one.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const ENGINE_STAND_IN = path.join(ROOT, "scripts/prisma-schema-engine.mjs");

export function prismaCliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: ENGINE_STAND_IN,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_DISABLE_WARNINGS: "1",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}

export function ensurePrismaClient(log: (s: string) => void = () => {}): void {
  const schema = readFileSync(path.join(ROOT, "prisma/schema.prisma"));
  const hash = createHash("sha256").update(schema).digest("hex");
  const stamp = path.join(ROOT, "lib/db/generated/.schema-hash");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  log("Generating the Prisma client…");
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: ROOT,
    env: prismaCliEnv(),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`prisma generate failed: ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" ")}`);
  writeFileSync(stamp, hash);
}
