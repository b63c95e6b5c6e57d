// The editorial studio's article list (/ar/studio/articles): the whole server round
// trip as the signed-in admin (first byte, full response, size), and the data
// function behind it (listArticlesForStudio) alone, for the same queries.
import type { BenchContext, BenchSection } from "./section";
import { timedGet } from "./http";
import { bytes, formatTable, ms, repeat, summarize } from "./stats";

type Query = { label: string; params: Record<string, string> };

function queries(searchWord: string): Query[] {
  return [
    { label: "default: 50/page, updated desc", params: {} },
    { label: "state=published sort=title_asc page=5", params: { state: "published", sort: "title_asc", page: "5" } },
    { label: "q=<common title word>", params: { q: searchWord } },
    { label: "pageSize=200", params: { pageSize: "200" } },
  ];
}

const ROW_MARKER = 'data-testid="article-row"';
const count = (text: string, needle: string) => text.split(needle).length - 1;

export const studioArticles: BenchSection = {
  name: "studio-articles",
  async run(ctx: BenchContext): Promise<string[]> {
    // imported here: these modules need the generated Prisma client and DATABASE_URL
    const { listArticlesForStudio } = await import("../../lib/articles/data");
    const { studioListQuerySchema } = await import("../../lib/records/schemas");

    const word = ctx.corpus.commonTitleWord.word;
    ctx.log(`studio article list: ${ctx.warmup} warm-up + ${ctx.runs} timed requests per query; search word "${word}" (in ${ctx.corpus.commonTitleWord.titles} generated titles)`);

    const rows: string[][] = [];
    let headline = "";
    for (const q of queries(word)) {
      const search = new URLSearchParams(q.params).toString();
      const url = `${ctx.baseUrl}/ar/studio/articles${search ? `?${search}` : ""}`;

      // the data function alone (same parsing of the URL's parameters as the page)
      const query = studioListQuerySchema.parse(q.params);
      const data = await repeat(ctx.warmup, ctx.runs, async () => {
        const t0 = performance.now();
        const result = await listArticlesForStudio(query);
        return { ms: performance.now() - t0, rows: result.rows.length, total: result.total };
      });
      const expectedRows = data[0]!.rows;

      // the page over HTTP, signed in
      const http = await repeat(ctx.warmup, ctx.runs, async () => {
        const r = await timedGet(url, ctx.admin);
        if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status} (expected 200)`);
        const shown = count(r.text, ROW_MARKER);
        if (shown !== expectedRows) throw new Error(`GET ${url} shows ${shown} article rows, the data function returns ${expectedRows}`);
        return r;
      });
      ctx.assertAppAlive();

      const ttfb = summarize(http.map((r) => r.firstByteMs));
      const full = summarize(http.map((r) => r.totalMs));
      const fn = summarize(data.map((d) => d.ms));
      rows.push([
        q.label,
        String(expectedRows),
        String(data[0]!.total),
        bytes(http[0]!.bytes),
        ms(ttfb.p50),
        ms(ttfb.p95),
        ms(ttfb.max),
        ms(full.p50),
        ms(full.p95),
        ms(full.max),
        ms(fn.p50),
        ms(fn.p95),
        ms(fn.max),
      ]);
      if (!headline) {
        headline = `studio article list, ${ctx.articles} articles: p50 ${ms(full.p50)} ms, p95 ${ms(full.p95)} ms (server, full response)`;
      }
    }

    console.log();
    console.log(`Studio article list — ${ctx.articles} generated articles (+ the seed dossier), ${ctx.runs} runs per query, times in ms`);
    console.log(
      formatTable(
        ["query", "rows", "matches", "size", "p50", "p95", "max", "p50", "p95", "max", "p50", "p95", "max"],
        rows,
        [["", 4], ["first byte (HTTP)", 3], ["full response (HTTP)", 3], ["listArticlesForStudio", 3]],
      ),
    );
    console.log(`  q = "${word}"; rows = rows on the page; matches = total the filter matches; size = HTML bytes of one response`);
    console.log();
    return [headline];
  },
};
