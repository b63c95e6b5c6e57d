// What every benchmark section receives and returns. Sections run one after another
// against the same database, corpus and signed-in app.
import type { GenerateResult } from "./corpus";
import type { BenchEntity } from "./entities";
import type { CookieJar } from "./http";

export type BenchContext = {
  /** the app, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** the bench database (also in process.env.DATABASE_URL, so data functions can be called directly) */
  databaseUrl: string;
  /** cookies of the signed-in admin */
  admin: CookieJar;
  corpus: GenerateResult;
  /** the generated entities the articles name */
  entities: BenchEntity[];
  /** pid of the app process (next start) */
  appPid: number;
  articles: number;
  runs: number;
  warmup: number;
  log: (s: string) => void;
  /** throws when the app process died */
  assertAppAlive: () => void;
};

export type BenchSection = {
  /** short name, for --only */
  name: string;
  /** prints its own table; returns its one-line summaries */
  run(ctx: BenchContext): Promise<string[]>;
};
