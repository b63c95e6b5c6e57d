// `npm run bench`: performance figures (no thresholds) on a generated corpus.
//
//   npm run bench -- --articles 1000 --runs 30 [--only studio-articles]
//
// Starts a throw-away embedded PostgreSQL in a temporary folder, prepares a database
// like `npm start` does (migrations, seed, admin), inserts N generated articles
// (scripts/bench/corpus.ts), builds the app if its sources changed, serves it with
// `next start` on a free port, signs in as the admin through Auth.js's HTTP endpoints,
// then runs every section (scripts/bench/*.ts) and prints their tables and one
// summary line each. Ctrl-C or SIGTERM stops everything and removes the folder.
import { ensurePrismaClient } from "../lib/setup/generate";
import { generateArticles } from "./bench/corpus";
import { BENCH_ADMIN, Harness } from "./bench/harness";
import { signIn } from "./bench/http";
import type { BenchSection } from "./bench/section";
import { seconds } from "./bench/stats";
import { studioArticles } from "./bench/studio-articles";
import { insertEntities, makeEntities } from "./bench/entities";
import { publicSearch } from "./bench/public-search";
import { publicPages } from "./bench/public-pages";
import { exportBench } from "./bench/export";

/** Sections in running order. */
const SECTIONS: BenchSection[] = [publicSearch, publicPages, studioArticles, exportBench];

const WARMUP = 3;
const log = (s: string) => console.log(`[bench] ${s}`);

type Options = { articles: number; runs: number; only: string[] };

function parseArgs(argv: string[]): Options {
  const opts: Options = { articles: 1000, runs: 30, only: [] };
  const positive = (flag: string, v: string | undefined) => {
    const n = Number(v);
    if (!v || !Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number (got ${v ?? "nothing"})`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--articles") opts.articles = positive(flag, value());
    else if (flag === "--runs") opts.runs = positive(flag, value());
    else if (flag === "--only") opts.only.push(...(value() ?? "").split(",").filter(Boolean));
    else if (flag === "--help" || flag === "-h") {
      console.log(`usage: npm run bench -- [--articles N (1000)] [--runs R (30)] [--only ${SECTIONS.map((s) => s.name).join(",")}]`);
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]} (see --help)`);
  }
  const unknown = opts.only.filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(", ")} (sections: ${SECTIONS.map((s) => s.name).join(", ")})`);
  return opts;
}

async function main(opts: Options, harness: Harness): Promise<void> {
  const t0 = performance.now();
  ensurePrismaClient(log);

  await harness.startDatabase();
  // data functions called from this process (db(), env()) use the bench database
  process.env.DATABASE_URL = harness.databaseUrl;
  await harness.prepareDatabase();
  log(`PostgreSQL ready, database prepared (migrations, seed, admin) in ${seconds(performance.now() - t0)}`);

  const tEntities = performance.now();
  const entities = makeEntities(Math.min(5000, Math.max(50, Math.round(opts.articles / 50))));
  await insertEntities(harness.databaseUrl, entities);
  log(`Generated ${entities.length} entities with their spelling variants in ${seconds(performance.now() - tEntities)}`);

  const step = Math.max(1000, Math.ceil(opts.articles / 10 / 1000) * 1000);
  const corpus = await generateArticles(harness.databaseUrl, opts.articles, {
    entities,
    onProgress: (done, total) => done < total && done % step === 0 && log(`  ${done} / ${total} articles…`),
  });
  const s = corpus.states;
  log(
    `Generated ${corpus.inserted} articles in ${seconds(corpus.ms)} (${Math.round(corpus.inserted / (corpus.ms / 1000))} articles/s, ` +
      `${seconds(corpus.waitMs)} of it waiting for PostgreSQL; ` +
      `${s.published} published, ${s.draft} draft, ${s.in_review} in review, ${s.archived} archived)`,
  );

  const tBuild = performance.now();
  const built = await harness.build();
  log(built ? `Built the app in ${seconds(performance.now() - tBuild)}` : "The app build is current");
  const tServe = performance.now();
  await harness.serve();
  log(`Serving at ${harness.baseUrl} (ready in ${seconds(performance.now() - tServe)})`);
  const admin = await signIn(harness.baseUrl, BENCH_ADMIN.email, BENCH_ADMIN.password);
  log(`Signed in as ${BENCH_ADMIN.email}; /ar/studio answers 200`);

  const summaries: string[] = [];
  for (const section of SECTIONS) {
    if (opts.only.length && !opts.only.includes(section.name)) continue;
    summaries.push(
      ...(await section.run({
        baseUrl: harness.baseUrl,
        databaseUrl: harness.databaseUrl,
        admin,
        corpus,
        entities,
        appPid: harness.appPid,
        articles: opts.articles,
        runs: opts.runs,
        warmup: WARMUP,
        log,
        assertAppAlive: () => harness.assertAppAlive(),
      })),
    );
  }
  for (const line of summaries) console.log(line);
  log(`Total ${seconds(performance.now() - t0)} (before cleanup)`);
}

/** The first line of an error, plus its first line that names an error when that is further down (e.g. a failed build's log). */
function oneLine(message: string): string {
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  const cause = lines.slice(1).find((l) => /^⨯|error|failed|cannot|not found/i.test(l));
  return [lines[0] ?? "unknown error", cause].filter(Boolean).join(" ");
}

let opts: Options;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`[bench] error: ${(e as Error).message}`);
  process.exit(2);
}

const harness = new Harness(log);
let interrupted = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (interrupted) return;
  interrupted = true;
  log(`${signal}: stopping…`);
  void harness.stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

main(opts, harness).then(
  async () => {
    await harness.stop();
    if (!interrupted) process.exit(0);
  },
  async (e) => {
    if (interrupted) return; // the signal handler cleans up and exits
    await harness.stop();
    console.error(`[bench] error: ${oneLine(e instanceof Error ? e.message : String(e))}`);
    process.exit(1);
  },
);
