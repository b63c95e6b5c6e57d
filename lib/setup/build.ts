// Builds the Next.js app when its sources changed since the last build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./generate";

const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "proxy.ts", "tsconfig.json", "package-lock.json"];

function walk(p: string, out: string[]) {
  const abs = path.join(ROOT, p);
  if (!existsSync(abs)) return;
  if (statSync(abs).isDirectory()) {
    for (const name of readdirSync(abs).sort()) {
      if (name === "node_modules" || name.startsWith(".") || name.endsWith(".test.ts") || name.endsWith(".test.tsx")) continue;
      walk(path.join(p, name), out);
    }
  } else out.push(p);
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const s of SOURCES) walk(s, files);
  const h = createHash("sha256");
  for (const f of files) h.update(f).update("\0").update(readFileSync(path.join(ROOT, f))).update("\0");
  return h.digest("hex");
}

const stampPath = () => path.join(ROOT, ".next", "sijill-build-stamp");

export function buildIsCurrent(): boolean {
  const stamp = stampPath();
  return existsSync(stamp) && existsSync(path.join(ROOT, ".next", "BUILD_ID")) && readFileSync(stamp, "utf8") === sourceHash();
}

export async function ensureBuild(log: (s: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (buildIsCurrent()) return false;
  log("Building the app (first start, or the sources changed)…");
  const hash = sourceHash();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed:\n${output.split("\n").slice(-40).join("\n")}`))));
  });
  writeFileSync(stampPath(), hash);
  return true;
}
