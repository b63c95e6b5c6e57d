// Public search (GET /api/v1/search): server time over HTTP and the data function alone,
// for a mix of queries a reader types: a seed name under another spelling, a generated
// name's variant, a name with a typo, very common words, a quoted phrase, a filter, a
// later page.
import type { BenchContext, BenchSection } from "./section";
import { timedGet } from "./http";
import { formatTable, ms, repeat, summarize } from "./stats";

type Query = { label: string; params: Record<string, string> };

function queries(ctx: BenchContext): Query[] {
  const popular = ctx.entities.find((e) => e.state === "published" && e.type === "person" && e.spellings.length > 1) ?? ctx.entities[0];
  const rare = [...ctx.entities].reverse().find((e) => e.state === "published" && e.spellings.length > 1) ?? ctx.entities[0];
  const typo = popular ? popular.spellings[0]!.replace(/ر/, "ل") : "ستولتنبيرغ";
  return [
    { label: "seed name, other spelling (ستولتنبرغ)", params: { q: "ستولتنبرغ" } },
    { label: "popular generated name, variant", params: { q: popular?.spellings[1] ?? "x" } },
    { label: "rare generated name, variant", params: { q: rare?.spellings[1] ?? "x" } },
    { label: "name with a typo", params: { q: typo } },
    { label: "very common word (الناتو)", params: { q: "الناتو" } },
    { label: "two common words (الأمن الإقليمي)", params: { q: "الأمن الإقليمي" } },
    { label: 'quoted phrase ("مبادرة إسطنبول للتعاون")', params: { q: '"مبادرة إسطنبول للتعاون"' } },
    { label: "common title word", params: { q: ctx.corpus.commonTitleWord.word } },
    { label: "الكويت + outlet filter", params: { q: "الكويت", outlet: "القبس" } },
    { label: "الحلف, page 3", params: { q: "الحلف", page: "3" } },
  ];
}

export const publicSearch: BenchSection = {
  name: "search",
  async run(ctx: BenchContext): Promise<string[]> {
    const { searchPublic } = await import("../../lib/search/data");
    const { searchQuerySchema } = await import("../../lib/search/schemas");
    ctx.log(`public search: ${ctx.warmup} warm-up + ${ctx.runs} timed requests per query`);
    const rows: string[][] = [];
    const allHttp: number[] = [];
    const allFn: number[] = [];
    for (const q of queries(ctx)) {
      const query = searchQuerySchema.parse(q.params);
      const data = await repeat(ctx.warmup, ctx.runs, async () => {
        const t0 = performance.now();
        const r = await searchPublic(query);
        return { ms: performance.now() - t0, total: r.total, expanded: r.expandedThrough.length };
      });
      const url = `${ctx.baseUrl}/api/v1/search?${new URLSearchParams(q.params)}`;
      const http = await repeat(ctx.warmup, ctx.runs, async () => {
        const r = await timedGet(url);
        if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}: ${r.text.slice(0, 200)}`);
        return r;
      });
      ctx.assertAppAlive();
      const h = summarize(http.map((r) => r.totalMs));
      const f = summarize(data.map((d) => d.ms));
      allHttp.push(...http.map((r) => r.totalMs));
      allFn.push(...data.map((d) => d.ms));
      rows.push([q.label, String(data[0]!.total), String(data[0]!.expanded), ms(h.p50), ms(h.p95), ms(h.max), ms(f.p50), ms(f.p95), ms(f.max)]);
    }
    const h = summarize(allHttp);
    const f = summarize(allFn);
    rows.push(["all queries", "", "", ms(h.p50), ms(h.p95), ms(h.max), ms(f.p50), ms(f.p95), ms(f.max)]);
    console.log();
    console.log(`Public search — ${ctx.articles} generated articles, ${ctx.entities.length} generated entities, ${ctx.runs} runs per query, times in ms`);
    console.log(formatTable(["query", "articles", "names", "p50", "p95", "max", "p50", "p95", "max"], rows, [["", 3], ["GET /api/v1/search", 3], ["searchPublic()", 3]]));
    console.log("  articles = published articles matched; names = entities the query named (alias expansion)");
    console.log();
    return [`search, ${ctx.articles} articles: p50 ${ms(h.p50)} ms, p95 ${ms(h.p95)} ms over ${allHttp.length} requests (server, full JSON response)`];
  },
};
