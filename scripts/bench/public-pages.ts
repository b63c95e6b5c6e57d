// Public pages: an article page and an entity page (server time, full HTML response),
// over published generated articles and the most named generated entities.
import pg from "pg";
import type { BenchContext, BenchSection } from "./section";
import { timedGet } from "./http";
import { bytes, formatTable, ms, repeat, summarize } from "./stats";

export const publicPages: BenchSection = {
  name: "pages",
  async run(ctx: BenchContext): Promise<string[]> {
    const client = new pg.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    let articles: string[];
    let popular: string[];
    let random: string[];
    try {
      articles = (await client.query<{ slug: string }>(`SELECT slug FROM articles WHERE state = 'published' AND slug LIKE 'bench-%' ORDER BY md5(id) LIMIT 50`)).rows.map((r) => r.slug);
      popular = (
        await client.query<{ slug: string }>(
          `SELECT e.slug FROM entities e JOIN mentions m ON m."entityId" = e.id WHERE e.state = 'published' AND e.slug LIKE 'bench-%' GROUP BY e.slug ORDER BY count(*) DESC LIMIT 10`,
        )
      ).rows.map((r) => r.slug);
      random = (await client.query<{ slug: string }>(`SELECT slug FROM entities WHERE state = 'published' AND slug LIKE 'bench-%' ORDER BY md5(id) LIMIT 40`)).rows.map((r) => r.slug);
    } finally {
      await client.end();
    }
    ctx.log(`public pages: ${ctx.warmup} warm-up + ${ctx.runs} timed requests per page kind, cycling through ${articles.length} articles and ${popular.length + random.length} entities`);
    const rows: string[][] = [];
    const lines: string[] = [];
    const kinds: [string, string[], string][] = [
      ["article page (/ar/articles/…)", articles.map((s) => `/ar/articles/${s}`), "article"],
      ["article page, English", articles.map((s) => `/en/articles/${s}`), "article (en)"],
      ["entity page, most named", popular.map((s) => `/ar/entities/${s}`), "entity (most named)"],
      ["entity page, any", random.map((s) => `/ar/entities/${s}`), "entity"],
    ];
    for (const [label, paths, short] of kinds) {
      let i = 0;
      const http = await repeat(ctx.warmup, Math.max(ctx.runs, paths.length), async () => {
        const url = `${ctx.baseUrl}${encodeURI(paths[i++ % paths.length]!)}`;
        const r = await timedGet(url);
        if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}`);
        return r;
      });
      ctx.assertAppAlive();
      const t = summarize(http.map((r) => r.firstByteMs));
      const f = summarize(http.map((r) => r.totalMs));
      const size = summarize(http.map((r) => r.bytes));
      rows.push([label, String(http.length), bytes(size.p50), ms(t.p50), ms(t.p95), ms(f.p50), ms(f.p95), ms(f.max)]);
      lines.push(`${short} page, ${ctx.articles} articles: p50 ${ms(f.p50)} ms, p95 ${ms(f.p95)} ms (server, full response)`);
    }
    console.log();
    console.log(`Public pages — ${ctx.articles} generated articles, times in ms`);
    console.log(formatTable(["page", "requests", "size", "p50", "p95", "p50", "p95", "max"], rows, [["", 3], ["first byte", 2], ["full response", 3]]));
    console.log();
    return lines;
  },
};
