import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { ENTITY_TYPES } from "@/lib/entities/schemas";
import { displayPrecise, parsePreciseDate, toDbDate } from "@/lib/dates";
import { parseLenient, type ParamRecord } from "@/lib/explore/params";
import { getNetwork, type NetworkEdgeDto, type NetworkNodeDto } from "@/lib/network/data";
import { networkQuerySchema, toNetworkFilter } from "@/lib/network/schemas";
import { NetworkGraph, type GraphEdge, type GraphNode } from "@/components/site/network-graph";
import { TYPE_STYLE } from "@/components/site/network-style";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<ParamRecord> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "network" });
  return { title: t("title"), description: t("description") };
}

function show(s: string | null, locale: string) {
  const p = s ? parsePreciseDate(s) : null;
  return p ? displayPrecise(toDbDate(p), p.precision, locale) : null;
}

const SWATCH: Record<string, string> = {
  ellipse: "rounded-full",
  "round-rectangle": "rounded-sm",
  diamond: "rotate-45 scale-75",
  triangle: "[clip-path:polygon(50%_0,100%_100%,0_100%)]",
};

export default async function NetworkPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "network" });
  const te = await getTranslations({ locale, namespace: "entity" });
  const tr = await getTranslations({ locale, namespace: "relation" });
  const ar = locale === "ar";
  const name = (x: { nameAr: string; nameEn: string }) => (ar ? x.nameAr : x.nameEn);

  const { query, ignored } = parseLenient(networkQuerySchema, await searchParams);
  const filter = toNetworkFilter(query);
  const graph = await getNetwork(filter);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edgeLabel = (e: NetworkEdgeDto) => (e.kind === "relation" ? tr(e.type) : t("comentionEdge", { count: e.weight }));
  const comentionCount = graph.edges.filter((e) => e.kind === "comention").length;

  const nodes: GraphNode[] = graph.nodes.map((n) => ({ id: n.id, label: name(n), type: n.type, degree: n.degree, href: `/${locale}/entities/${encodeURIComponent(n.slug)}` }));
  const edges: GraphEdge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind, label: edgeLabel(e), weight: e.kind === "comention" ? e.weight : 1 }));

  // the companion list: every entity with its links, grouped by type
  const linksOf = new Map<string, NetworkEdgeDto[]>();
  for (const e of graph.edges) for (const id of [e.source, e.target]) linksOf.set(id, [...(linksOf.get(id) ?? []), e]);
  const collator = new Intl.Collator(locale);
  const groups = ENTITY_TYPES.map((type) => ({ type, nodes: graph.nodes.filter((n) => n.type === type).sort((a, b) => collator.compare(name(a), name(b))) })).filter((g) => g.nodes.length);
  const chosen = new Set(filter.types ?? ENTITY_TYPES);
  const input = "rounded border border-stone-400 bg-white px-2 py-1";
  const entityLink = (n: NetworkNodeDto) => <Link href={`/entities/${n.slug}`}>{name(n)}</Link>;

  return (
    <section className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-stone-700">{t("description")}</p>
      </header>

      <form method="get" className="space-y-3 rounded border border-stone-300 bg-white p-3" data-testid="network-filter" aria-label={t("filters")}>
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
          <legend className="mb-1 text-sm font-semibold">{t("types")}</legend>
          {ENTITY_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="type" value={type} defaultChecked={chosen.has(type)} />
              {te(`type.${type}`)}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            <span className="font-semibold">{t("from")}</span>
            <input name="from" defaultValue={query.from?.value ?? ""} inputMode="numeric" dir="ltr" placeholder="2004" size={10} className={input} aria-describedby="range-hint" />
          </label>
          <label className="flex flex-col text-sm">
            <span className="font-semibold">{t("to")}</span>
            <input name="to" defaultValue={query.to?.value ?? ""} inputMode="numeric" dir="ltr" placeholder="2010" size={10} className={input} aria-describedby="range-hint" />
          </label>
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="comentions" value="1" defaultChecked={filter.comentions} />
            {t("comentions")}
          </label>
        </div>
        <p id="range-hint" className="text-xs text-stone-600">
          {t("rangeHint")}
        </p>
        <div className="flex gap-2">
          <button type="submit" className="rounded border border-stone-500 bg-white px-3 py-1 text-sm text-stone-800 hover:bg-stone-100">
            {t("apply")}
          </button>
          <Link href="/network" className="px-2 py-1 text-sm">
            {t("reset")}
          </Link>
        </div>
      </form>

      {ignored.length > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="network-notice">
          {t("ignored", { params: [...new Set(ignored)].join(", ") })}
        </p>
      )}

      <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm" aria-label={t("legend")} role="group" data-testid="network-legend">
        <span className="font-semibold">{t("legend")}:</span>
        {ENTITY_TYPES.map((type) => (
          <span key={type} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-3 w-3 ${SWATCH[TYPE_STYLE[type].shape]}`} style={{ backgroundColor: TYPE_STYLE[type].color }} />
            {te(`type.${type}`)}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block w-5 border-t-2 border-stone-400" />
          {t("relationLine")}
        </span>
        {filter.comentions && (
          <span className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block w-5 border-t-2 border-dashed border-blue-400" />
            {t("comentionLine")}
          </span>
        )}
      </div>

      <p className="text-sm text-stone-600" data-testid="network-counts">
        {t("counts", { nodes: graph.nodes.length, edges: graph.edges.length })}
        {filter.comentions && graph.comentionPairs > comentionCount && <> · {t("comentionsShown", { shown: comentionCount, total: graph.comentionPairs })}</>}
      </p>

      {nodes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <NetworkGraph
          nodes={nodes}
          edges={edges}
          labels={{ canvas: t("canvasLabel"), loading: t("loading"), zoomIn: t("zoomIn"), zoomOut: t("zoomOut"), fit: t("fit"), tapHint: t("tapHint"), selected: t("selected"), open: t("open") }}
        />
      )}

      <section aria-labelledby="network-list-heading">
        <h2 id="network-list-heading" className="mb-3 text-xl font-semibold">
          {t("listHeading")}
        </h2>
        <div className="grid gap-6 md:grid-cols-2" data-testid="network-list">
          {groups.map((g) => (
            <section key={g.type} aria-labelledby={`network-${g.type}`}>
              <h3 id={`network-${g.type}`} className="mb-2 flex items-center gap-2 font-semibold">
                <span aria-hidden="true" className={`inline-block h-3 w-3 ${SWATCH[TYPE_STYLE[g.type].shape]}`} style={{ backgroundColor: TYPE_STYLE[g.type].color }} />
                {te(`type.${g.type}`)} ({g.nodes.length})
              </h3>
              <ul className="space-y-2">
                {g.nodes.map((n) => {
                  const links = linksOf.get(n.id) ?? [];
                  return (
                    <li key={n.id} data-slug={n.slug}>
                      <Link href={`/entities/${n.slug}`} className="font-semibold" data-testid="network-entity-link">
                        {name(n)}
                      </Link>
                      {links.length > 0 && (
                        <ul className="ms-4 list-disc text-sm text-stone-700">
                          {links.map((e) => {
                            const other = byId.get(e.source === n.id ? e.target : e.source)!;
                            if (e.kind === "comention") {
                              return (
                                <li key={e.id}>
                                  {entityLink(other)} — {edgeLabel(e)}
                                </li>
                              );
                            }
                            const role = ar ? e.roleAr : e.roleEn;
                            const when = [show(e.start, locale), show(e.end, locale)].filter(Boolean).join(" – ");
                            return (
                              <li key={e.id}>
                                {e.source === n.id ? (
                                  <>
                                    {edgeLabel(e)} {entityLink(other)}
                                  </>
                                ) : (
                                  <>
                                    {entityLink(other)} {edgeLabel(e)}
                                  </>
                                )}
                                {role ? ` (${role})` : ""}
                                {when ? ` · ${when}` : ""}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
        {graph.edges.length === 0 && graph.nodes.length > 0 && <p className="mt-2 text-sm">{t("noLinks")}</p>}
      </section>
    </section>
  );
}
