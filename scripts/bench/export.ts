// The public export (GET /api/v1/export): throughput of the whole streamed download (as a
// browser asks for it: gzip accepted, so the server compresses; sizes are of the JSON) and
// the app process's peak memory while it streams (resident set, sampled every 20 ms
// from /proc; Linux). Then the same file from the shell (`npm run export -- --all`), whose
// process holds nothing but the export: its peak is the export's whole footprint.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../../lib/setup/generate";
import type { BenchContext, BenchSection } from "./section";
import { bytes } from "./stats";

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** a process and its children (next start may run the server in a child; tsx runs esbuild in one) */
function treeRss(root: number): number {
  let total = rssOf(root);
  try {
    const children = readFileSync(`/proc/${root}/task/${root}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    for (const c of children) total += treeRss(c);
  } catch {
    // no children file: the process is gone
  }
  return total;
}

export const exportBench: BenchSection = {
  name: "export",
  async run(ctx: BenchContext): Promise<string[]> {
    const pid = ctx.appPid;
    const lines: string[] = [];
    const rows: string[] = [];
    for (const [label, path] of [
      ["everything published", "/api/v1/export"],
      ["one entity type (person)", "/api/v1/export?entityType=person"],
    ] as const) {
      const before = treeRss(pid);
      let peak = before;
      const timer = setInterval(() => {
        peak = Math.max(peak, treeRss(pid));
      }, 20);
      const t0 = performance.now();
      const res = await fetch(`${ctx.baseUrl}${path}`);
      if (res.status !== 200 || !res.body) throw new Error(`GET ${path} answered ${res.status}`);
      let firstByte = 0;
      let size = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!size) firstByte = performance.now() - t0;
        size += value.byteLength;
      }
      const secs = (performance.now() - t0) / 1000;
      clearInterval(timer);
      peak = Math.max(peak, treeRss(pid));
      ctx.assertAppAlive();
      const mbps = size / 1024 / 1024 / secs;
      const encoding = res.headers.get("content-encoding") ?? "identity";
      rows.push(`  ${label.padEnd(28)} ${bytes(size).padStart(10)} (${encoding} on the wire) in ${secs.toFixed(1)} s = ${mbps.toFixed(1)} MiB/s (first byte ${firstByte.toFixed(0)} ms); app memory ${bytes(before)} before, peak ${bytes(peak)} (+${bytes(Math.max(0, peak - before))})`);
      lines.push(`export (${label}), ${ctx.articles} articles: ${bytes(size)} at ${mbps.toFixed(1)} MiB/s, app peak memory ${bytes(peak)} (+${bytes(Math.max(0, peak - before))} while streaming)`);
    }

    // the shell's export of everything published, run as `npm run export` runs it (the
    // command of package.json's script, minus npm)
    const dir = mkdtempSync(path.join(os.tmpdir(), "sijill-bench-export-"));
    try {
      const file = path.join(dir, "all.json");
      const [program, ...args] = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.export!.split(/\s+/);
      if (program !== "node") throw new Error(`package.json's export script no longer starts with node: ${program}`);
      const t0 = performance.now();
      const child = spawn(process.execPath, [...args, "--all", "--out", file], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: ctx.databaseUrl },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      let peak = 0;
      const timer = setInterval(() => {
        if (child.pid) peak = Math.max(peak, treeRss(child.pid));
      }, 20);
      const [code] = (await once(child, "exit")) as [number | null];
      clearInterval(timer);
      if (code !== 0) throw new Error(`npm run export -- --all failed (${code}): ${stderr.split("\r").at(-1)}`);
      const secs = (performance.now() - t0) / 1000;
      const size = statSync(file).size;
      const mbps = size / 1024 / 1024 / secs;
      rows.push(`  ${"from the shell (--all)".padEnd(28)} ${bytes(size).padStart(10)} (a file) in ${secs.toFixed(1)} s = ${mbps.toFixed(1)} MiB/s (start-up included); the process's peak memory ${bytes(peak)}`);
      lines.push(`export from the shell (--all), ${ctx.articles} articles: ${bytes(size)} at ${mbps.toFixed(1)} MiB/s, process peak memory ${bytes(peak)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    console.log();
    console.log(`Export — ${ctx.articles} generated articles`);
    for (const r of rows) console.log(r);
    console.log();
    return lines;
  },
};
