// The public timeline and network on a real PostgreSQL holding the seeded dossier:
// events drawn at their precision with their sources, nothing unpublished (a draft
// event, a published relation to a draft entity, a co-mention from a draft article),
// and the entity, type and time filters — through the data layer and the JSON APIs.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRecord } from "@/lib/records/data";
import { createMention } from "@/lib/mentions/data";
import { transitionRecord } from "@/lib/workflow/data";
import { getTimeline, listTimelineEntityChoices } from "@/lib/timeline/data";
import { getNetwork, type NetworkEdgeDto } from "@/lib/network/data";
import { networkQuerySchema, toNetworkFilter } from "@/lib/network/schemas";
import { GET as timelineApi } from "@/app/api/v1/timeline/route";
import { GET as graphApi } from "@/app/api/v1/graph/route";
import { articleContent, staff } from "../helpers/fixtures";

const t = Math.random().toString(36).slice(2, 7);
const call = async (handler: (req: Request, ctx: never) => Promise<Response>, url: string) => {
  const res = await handler(new Request(`http://test${url}`), { params: Promise.resolve({}) } as never);
  return { status: res.status, body: await res.json() };
};
const filter = (raw: Record<string, string | string[]>) => toNetworkFilter(networkQuerySchema.parse(raw));

type Actor = Awaited<ReturnType<typeof staff>>;
let editor: Actor;
const ids = {} as Record<"p1" | "p2" | "e1" | "e2" | "e3" | "dated" | "half" | "liveArticle" | "draftArticle", string>;
const slugs = {} as Record<"p1" | "p2" | "e1" | "e2", string>;

async function publish(kind: "entity" | "article" | "relation", id: string) {
  const row = await (db()[kind] as unknown as { findUniqueOrThrow: (a: unknown) => Promise<{ version: number }> }).findUniqueOrThrow({ where: { id }, select: { version: true } });
  await transitionRecord(editor, { kind, id, transition: "publish", expectedVersion: row.version });
}

async function mention(articleId: string, entityId: string, words: string) {
  const { plainText } = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { plainText: true } });
  const start = plainText.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the article`);
  return createMention(editor, { articleId, start, end: start + words.length, exact: words, entityId });
}

const relation = (type: string, sourceId: string, targetId: string, start: string | null = null, end: string | null = null) => ({
  type,
  sourceId,
  targetId,
  roleAr: null,
  roleEn: null,
  start,
  end,
  note: null,
  citations: [],
});

beforeAll(async () => {
  editor = await staff("editor");
  const entity = async (type: string, nameAr: string, nameEn: string, start: string | null = null) =>
    (await createRecord(editor, "entity", { type, nameAr, nameEn, start })).id;
  ids.p1 = await entity("person", `مستكشف أول ${t}`, `Explorer One ${t}`);
  ids.p2 = await entity("person", `مستكشف ثان ${t}`, `Explorer Two ${t}`);
  ids.e1 = await entity("event", `حدث منشور ${t}`, `Live Event ${t}`, "1999-05");
  ids.e2 = await entity("event", `حدث مسودة ${t}`, `DRAFT-EVENT ${t}`, "1999-03");
  ids.e3 = await entity("event", `حدث آخر ${t}`, `Other Event ${t}`, "1999");
  for (const k of ["p1", "p2", "e1", "e3"] as const) await publish("entity", ids[k]);

  // P1 took part in E1 (published) and in E2 (a draft event: the relation is published, one end is not)
  const live = await createRecord(editor, "relation", relation("participated_in", ids.p1, ids.e1));
  await publish("relation", live.id);
  ids.half = (await createRecord(editor, "relation", relation("participated_in", ids.p1, ids.e2))).id;
  await db().relation.update({ where: { id: ids.half }, data: { state: "published", publishedAt: new Date() } });
  // a dated relation between the two people: from 2005 until March 2006
  ids.dated = (await createRecord(editor, "relation", relation("partner_of", ids.p1, ids.p2, "2005", "2006-03"))).id;
  await publish("relation", ids.dated);

  // a published article (dated 1999) names P2, E1 and the draft E2; a draft one names P1 and E3
  const a = articleContent(`مقال الاستكشاف ${t}`, `التقى مستكشف ثان ${t} في حدث منشور ${t} وفي حدث مسودة ${t}.`);
  ids.liveArticle = (await createRecord(editor, "article", { ...a, publishedOn: "1999-06" })).id;
  await mention(ids.liveArticle, ids.p2, `مستكشف ثان ${t}`);
  await mention(ids.liveArticle, ids.e1, `حدث منشور ${t}`);
  await mention(ids.liveArticle, ids.e2, `حدث مسودة ${t}`);
  await publish("article", ids.liveArticle);
  const b = articleContent(`مسودة الاستكشاف ${t}`, `حضر مستكشف أول ${t} حدث آخر ${t}.`);
  ids.draftArticle = (await createRecord(editor, "article", { ...b, publishedOn: "1999-07" })).id;
  await mention(ids.draftArticle, ids.p1, `مستكشف أول ${t}`);
  await mention(ids.draftArticle, ids.e3, `حدث آخر ${t}`);

  for (const k of ["p1", "p2", "e1", "e2"] as const) slugs[k] = (await db().entity.findUniqueOrThrow({ where: { id: ids[k] }, select: { slug: true } })).slug;
});

describe("timeline data", () => {
  it("shows the seeded events at their precision, with published sources", async () => {
    const { entity, events } = (await getTimeline())!;
    expect(entity).toBeNull();
    const bySlug = new Map(events.map((e) => [e.slug, e]));
    expect(bySlug.get("istanbul-summit-2004")).toMatchObject({
      start: "2004-06-28",
      end: "2004-06-29",
      startPrecision: "day",
      span: { start: "2004-06-28", end: "2004-06-30", kind: "range" },
    });
    expect(bySlug.get("kuwait-joins-ici-2004")).toMatchObject({ start: "2004-12", startPrecision: "month", end: null, span: { start: "2004-12-01", end: "2005-01-01", kind: "range" } });
    expect(bySlug.get("bahrain-joins-ici-2004")).toMatchObject({ start: "2004", startPrecision: "year", span: { start: "2004-01-01", end: "2005-01-01", kind: "range" } });
    expect(bySlug.get("nato-bahrain-ipcp-meeting-brussels-2016")).toMatchObject({ start: "2016-06-01", span: { start: "2016-06-01", end: "2016-06-02", kind: "point" } });
    expect(events.filter((e) => e.slug.endsWith("-2004") || e.slug.endsWith("-2017")).length).toBeGreaterThanOrEqual(5);
    // oldest first
    const starts = events.map((e) => e.span.start);
    expect(starts).toEqual([...starts].sort());
    // the inauguration's sources disagree on its date: every citing article is a source, each once
    const inauguration = bySlug.get("nato-ici-regional-centre-inauguration-2017")!;
    expect(inauguration.sources.length).toBeGreaterThanOrEqual(2);
    expect(new Set(inauguration.sources.map((s) => s.id)).size).toBe(inauguration.sources.length);
    const states = await db().article.findMany({ where: { id: { in: events.flatMap((e) => e.sources.map((s) => s.id)) } }, select: { state: true } });
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(["published"]));
    // our published event, whose source is the published article
    expect(bySlug.get(slugs.e1)).toMatchObject({ start: "1999-05", sources: [{ id: ids.liveArticle }] });
  });

  it("never shows a draft event, nor one only a draft article links", async () => {
    const { events } = (await getTimeline())!;
    expect(events.map((e) => e.id)).not.toContain(ids.e2);
    expect(JSON.stringify(events)).not.toContain("DRAFT-EVENT");
    // E3 is published: it is on the timeline, but without the draft article as a source
    expect(events.find((e) => e.id === ids.e3)?.sources).toEqual([]);
  });

  it("filters by an entity: events linked by a published relation or co-mentioned in a published article", async () => {
    const p1 = (await getTimeline(slugs.p1))!;
    expect(p1.entity).toMatchObject({ id: ids.p1, type: "person" });
    // E1 by a published relation; not E2 (a draft), not E3 (only co-mentioned in a draft article)
    expect(p1.events.map((e) => e.id)).toEqual([ids.e1]);
    const p2 = (await getTimeline(ids.p2))!;
    // E1 co-mentioned in the published article; E2 is named there too but is a draft
    expect(p2.events.map((e) => e.id)).toEqual([ids.e1]);
    // a seeded organization: its events by relation (hosted) are there, unrelated ones are not
    const kuwait = (await getTimeline("kuwait"))!;
    expect(kuwait.events.map((e) => e.slug)).toEqual(expect.arrayContaining(["nato-ici-regional-centre-inauguration-2017", "kuwait-ici-conference-2006", "ici-15th-anniversary-2019"]));
    expect(kuwait.events.map((e) => e.id)).not.toContain(ids.e1);
    // an event filters to itself (and what it is linked to)
    expect((await getTimeline(slugs.e1))!.events.map((e) => e.id)).toEqual([ids.e1]);
    // a draft entity does not exist for the public
    expect(await getTimeline(slugs.e2)).toBeNull();
    expect(await getTimeline("no-such-entity")).toBeNull();
  });

  it("offers as choices the public entities that have events", async () => {
    const choices = (await listTimelineEntityChoices()).map((c) => c.id);
    expect(choices).toEqual(expect.arrayContaining([ids.p1, ids.p2, ids.e1]));
    expect(choices).not.toContain(ids.e2);
  });

  it("GET /api/v1/timeline: the same data; 404 for a draft entity, 400 for a bad parameter", async () => {
    const all = await call(timelineApi, "/api/v1/timeline");
    expect(all.status).toBe(200);
    expect(all.body.events.length).toBe((await getTimeline())!.events.length);
    expect(all.body.events.map((e: { id: string }) => e.id)).not.toContain(ids.e2);
    const one = await call(timelineApi, `/api/v1/timeline?entity=${encodeURIComponent(slugs.p1)}`);
    expect(one.body).toMatchObject({ entity: { id: ids.p1 }, events: [{ id: ids.e1, start: "1999-05", startPrecision: "month", span: { start: "1999-05-01", end: "1999-06-01", kind: "range" } }] });
    expect((await call(timelineApi, `/api/v1/timeline?entity=${encodeURIComponent(slugs.e2)}`)).status).toBe(404);
    const bad = await call(timelineApi, "/api/v1/timeline?entity=%3Cscript%3E");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_request");
  });
});

describe("network data", () => {
  const has = (edges: NetworkEdgeDto[], a: string, b: string, kind: NetworkEdgeDto["kind"]) =>
    edges.some((e) => e.kind === kind && ((e.source === a && e.target === b) || (e.source === b && e.target === a)));

  it("draws published entities and relations only", async () => {
    const g = await getNetwork(filter({}));
    const nodeIds = new Set(g.nodes.map((n) => n.id));
    expect(g.nodes.length).toBeGreaterThanOrEqual(52);
    expect(nodeIds.has(ids.e2)).toBe(false);
    expect(g.edges.map((e) => e.id)).not.toContain(ids.half);
    expect(g.edges.every((e) => nodeIds.has(e.source) && nodeIds.has(e.target))).toBe(true);
    expect(g.edges.every((e) => e.kind === "relation")).toBe(true);
    expect(has(g.edges, ids.p1, ids.e1, "relation")).toBe(true);
    const states = await db().entity.findMany({ where: { id: { in: [...nodeIds] } }, select: { state: true, mergedIntoId: true } });
    expect(states.every((s) => s.state === "published" && s.mergedIntoId === null)).toBe(true);
    const relStates = await db().relation.findMany({ where: { id: { in: g.edges.map((e) => e.id) } }, select: { state: true } });
    expect(relStates.length).toBe(g.edges.length);
    expect(relStates.every((r) => r.state === "published")).toBe(true);
    expect(g.nodes.find((n) => n.slug === "nato")).toMatchObject({ type: "organization", nameEn: expect.any(String) });
  });

  it("co-mentions: pairs confirmed in the same published article, weighted, bounded; never from a draft article", async () => {
    // the 1999 articles are ours: the range keeps co-mentions to them (and every undated relation)
    const g = await getNetwork(filter({ comentions: "1", from: "1999", to: "1999", limit: "200" }));
    expect(has(g.edges, ids.p2, ids.e1, "comention")).toBe(true);
    expect(g.edges.find((e) => e.kind === "comention" && [e.source, e.target].includes(ids.p2))).toMatchObject({ weight: 1 });
    expect(has(g.edges, ids.p1, ids.e3, "comention")).toBe(false); // only the draft article names both
    expect(g.edges.some((e) => e.source === ids.e2 || e.target === ids.e2)).toBe(false);

    const everything = await getNetwork(filter({ comentions: "1", limit: "5" }));
    const co = everything.edges.filter((e) => e.kind === "comention");
    expect(co).toHaveLength(5);
    expect(everything.comentionPairs).toBeGreaterThan(5);
    const weights = co.map((e) => (e.kind === "comention" ? e.weight : 0));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(weights[0]).toBe(5); // NATO and the initiative, named together in all five seeded articles
  });

  it("filters by entity type: both ends of every edge are of the chosen types", async () => {
    const g = await getNetwork(filter({ type: ["person", "event"] }));
    const types = new Map(g.nodes.map((n) => [n.id, n.type]));
    expect(new Set(types.values())).toEqual(new Set(["person", "event"]));
    expect(g.edges.length).toBeGreaterThan(0);
    expect(g.edges.every((e) => types.has(e.source) && types.has(e.target))).toBe(true);
    expect(has(g.edges, ids.p1, ids.e1, "relation")).toBe(true);
    const people = await getNetwork(filter({ type: "person" }));
    expect(people.nodes.every((n) => n.type === "person")).toBe(true);
    expect(people.edges.map((e) => e.id)).toContain(ids.dated);
  });

  it("filters by time on relation dates, read at their precision; undated relations are kept", async () => {
    const edgeIds = async (raw: Record<string, string>) => (await getNetwork(filter(raw))).edges.map((e) => e.id);
    // partner_of from 2005 until March 2006
    expect(await edgeIds({ from: "2006-03" })).toContain(ids.dated);
    expect(await edgeIds({ from: "2006" })).toContain(ids.dated);
    expect(await edgeIds({ from: "2006-04" })).not.toContain(ids.dated);
    expect(await edgeIds({ to: "2004" })).not.toContain(ids.dated);
    expect(await edgeIds({ from: "2004", to: "2005" })).toContain(ids.dated);
    // seeded: Bahrain member of the IPCP since June 2016 (no end: still running)
    const bahrainIpcp = await db().relation.findFirstOrThrow({ where: { type: "member_of", source: { slug: "bahrain" }, target: { slug: "ipcp" } }, select: { id: true } });
    expect(await edgeIds({ from: "2004", to: "2010" })).not.toContain(bahrainIpcp.id);
    expect(await edgeIds({ from: "2016-06", to: "2016-06" })).toContain(bahrainIpcp.id);
    expect(await edgeIds({ from: "2030" })).toContain(bahrainIpcp.id);
    // undated: Stoltenberg holds a role at NATO
    const undated = await db().relation.findFirstOrThrow({ where: { startDate: null, endDate: null, state: "published", source: { slug: "jens-stoltenberg" } }, select: { id: true } });
    expect(await edgeIds({ from: "1990", to: "1991" })).toContain(undated.id);
    // with a range, only entities touched by a kept edge are drawn
    const g = await getNetwork(filter({ from: "2004", to: "2010" }));
    const touched = new Set(g.edges.flatMap((e) => [e.source, e.target]));
    expect(g.nodes.every((n) => touched.has(n.id))).toBe(true);
  });

  it("GET /api/v1/graph: the same data, 400 for a bad parameter", async () => {
    const r = await call(graphApi, "/api/v1/graph?type=person&type=event&comentions=1&limit=10");
    expect(r.status).toBe(200);
    expect(r.body.nodes.every((n: { type: string }) => ["person", "event"].includes(n.type))).toBe(true);
    expect(r.body.nodes.map((n: { id: string }) => n.id)).not.toContain(ids.e2);
    expect(r.body.edges.filter((e: { kind: string }) => e.kind === "comention").length).toBeLessThanOrEqual(10);
    for (const q of ["type=robot", "from=soon", "from=2010&to=2004", "limit=5000", "comentions=maybe"]) {
      const bad = await call(graphApi, `/api/v1/graph?${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.body.error.code).toBe("bad_request");
    }
  });
});
