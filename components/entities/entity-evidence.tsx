// The entity's evidence on its studio page (a server component): every relation in
// both directions with its cited passages, every mention with its passage and a
// link to it in the article editor, what the sources say about its date (side by
// side when they disagree), and the annotations on those passages.
import { getTranslations } from "next-intl/server";
import { displayPrecise, parsePreciseDate, toDbDate } from "@/lib/dates";
import { listEntityEvidence, listRelationsForEntity, type DateClaimDto, type EntityMentionDto } from "@/lib/relations/data";
import { Badge, StateBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";

function showDate(value: string | null, locale: string): string | null {
  const p = value ? parsePreciseDate(value) : null;
  return p ? displayPrecise(toDbDate(p), p.precision, locale) : null;
}

/** Line breaks of the context become spaces: the passage reads as one line. */
const flat = (s: string) => s.replace(/\s+/g, " ");

/** A quoted passage: prefix … **exact** … suffix, right to left. */
function Passage({ prefix, exact, suffix }: { prefix: string; exact: string; suffix: string }) {
  const before = flat(prefix.slice(-40)).trimStart();
  const after = flat(suffix.slice(0, 40)).trimEnd();
  return (
    <blockquote dir="rtl" lang="ar" className="border-s-4 border-stone-300 bg-stone-50 px-3 py-1.5 leading-loose">
      {before && <span className="text-stone-600">…{before}</span>}
      <mark className="rounded-sm bg-amber-100 px-0.5 font-semibold text-stone-950">{flat(exact)}</mark>
      {after && <span className="text-stone-600">{after}…</span>}
    </blockquote>
  );
}

export async function EntityEvidence({ locale, entityId }: { locale: string; entityId: string }) {
  const [relations, evidence] = await Promise.all([listRelationsForEntity(entityId), listEntityEvidence(entityId)]);
  const t = await getTranslations({ locale, namespace: "relations.evidence" });
  const tr = await getTranslations({ locale, namespace: "relation" });
  const ts = await getTranslations({ locale, namespace: "studio" });
  const te = await getTranslations({ locale, namespace: "entities" });
  const name = (e: { nameAr: string; nameEn: string }) => (locale === "ar" ? e.nameAr || e.nameEn : e.nameEn || e.nameAr);
  const articleHref = (articleId: string, start?: number) => `/${locale}/studio/articles/${articleId}${start === undefined ? "" : `/passages#p-${start}`}`;

  // mentions grouped by article, in the order the data layer gives
  const byArticle = new Map<string, { title: string; state: string; mentions: EntityMentionDto[] }>();
  for (const m of evidence.mentions) {
    const g = byArticle.get(m.article.id) ?? { title: m.article.title, state: m.article.state, mentions: [] };
    g.mentions.push(m);
    byArticle.set(m.article.id, g);
  }

  const { dateClaims, dateConflict } = evidence;
  const conflicting = new Set(dateConflict.values);
  const claimsOf = (value: string) => dateClaims.filter((c) => c.claim === value);
  const agreeing = dateClaims.filter((c) => !conflicting.has(c.claim));

  const claimItem = (c: DateClaimDto) => (
    <li key={c.id} className="rounded border border-stone-200 bg-white p-2 text-sm" data-testid="date-claim">
      <Passage prefix={c.prefix} exact={c.exact} suffix={c.suffix} />
      <p className="mt-1">
        <a href={articleHref(c.article.id, c.start)} dir="auto">
          {c.article.title}
        </a>
        {c.anchorStatus === "orphaned" && (
          <Badge tone="danger" className="ms-2">
            {t("orphaned")}
          </Badge>
        )}
      </p>
      {c.note && (
        <p className="mt-1 text-stone-700" dir="auto">
          {t("dates.note")}: {c.note}
        </p>
      )}
    </li>
  );

  return (
    <div className="mt-8 space-y-6" data-testid="entity-evidence">
      {/* ───────── relations */}
      <section aria-labelledby="ev-relations" className="rounded border border-stone-200 bg-white p-4" data-testid="entity-relations">
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <h2 id="ev-relations" className="text-lg font-bold">
            {t("relations.heading", { count: relations.length })}
          </h2>
          <a href={`/${locale}/studio/relations/new?source=${entityId}`} className={buttonClasses({ variant: "secondary", size: "sm", className: "ms-auto" })} data-testid="new-relation">
            {t("relations.new")}
          </a>
        </div>
        {relations.length === 0 ? (
          <p className="text-sm text-stone-600">{t("relations.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {relations.map((r) => {
              const role = locale === "ar" ? r.roleAr || r.roleEn : r.roleEn || r.roleAr;
              const when = [showDate(r.start, locale), showDate(r.end, locale)].filter(Boolean).join(" – ");
              const otherLink = (
                <a href={`/${locale}/studio/entities/${r.other.id}`} className="font-semibold">
                  {name(r.other)}
                </a>
              );
              const self = <span>{name(r.direction === "outgoing" ? r.source : r.target)}</span>;
              const orphaned = r.citations.filter((c) => c.anchorStatus === "orphaned").length;
              return (
                <li key={r.id} className="rounded border border-stone-200 p-3" data-testid="entity-relation" data-relation-id={r.id}>
                  <div className="flex flex-wrap items-center gap-2">
                    <p className="min-w-0 flex-1">
                      {r.direction === "outgoing" ? self : otherLink} <em>{tr(r.type)}</em> {r.direction === "outgoing" ? otherLink : self}
                      {role ? <span dir="auto"> ({role})</span> : null}
                      {when ? <span className="text-stone-700"> · {when}</span> : null}
                    </p>
                    <Badge tone="neutral">{te.has(`types.${r.other.type}`) ? te(`types.${r.other.type}`) : r.other.type}</Badge>
                    <StateBadge state={r.state} label={ts(`state.${r.state}`)} />
                    {r.pendingRevisionId && <Badge tone="warning">{ts("flags.pending")}</Badge>}
                    {orphaned > 0 && <Badge tone="danger">{ts("flags.orphaned", { count: String(orphaned) })}</Badge>}
                    <a href={`/${locale}/studio/relations/${r.id}`} className="text-sm" data-testid="open-relation">
                      {t("relations.open")}
                    </a>
                  </div>
                  {r.citations.length === 0 ? (
                    <p className="mt-1 text-sm text-amber-900">{t("relations.noCitations")}</p>
                  ) : (
                    <ul className="mt-2 space-y-2">
                      {r.citations.map((c) => (
                        <li key={c.id} className="text-sm" data-testid="entity-relation-citation">
                          <Passage prefix="" exact={c.exact} suffix="" />
                          <p className="mt-0.5">
                            <a href={articleHref(c.article.id, c.start)} dir="auto">
                              {c.article.title}
                            </a>
                            {c.anchorStatus === "orphaned" && (
                              <Badge tone="danger" className="ms-2">
                                {t("orphaned")}
                              </Badge>
                            )}
                            {c.note && (
                              <span className="ms-2 text-stone-700" dir="auto">
                                — {c.note}
                              </span>
                            )}
                          </p>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {/* ───────── what the sources say about the date */}
      {dateClaims.length > 0 && (
        <section aria-labelledby="ev-dates" className="rounded border border-stone-200 bg-white p-4" data-testid="entity-date-claims">
          <h2 id="ev-dates" className="mb-1 text-lg font-bold">
            {t("dates.heading")}
          </h2>
          {evidence.entityDate && (
            <p className="mb-3 text-sm text-stone-700">
              {t("dates.recorded")}: <time dateTime={evidence.entityDate}>{showDate(evidence.entityDate, locale)}</time>
            </p>
          )}
          {dateConflict.disagree && (
            <div role="note" className="mb-3 rounded border-2 border-amber-400 bg-amber-50 p-3" data-testid="date-conflict">
              <p className="mb-2 font-bold text-amber-950">
                <Badge tone="warning" className="me-2">
                  {t("dates.disagree")}
                </Badge>
                {t("dates.disagreeHint", { count: dateConflict.values.length })}
              </p>
              <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(auto-fit, minmax(14rem, 1fr))` }}>
                {dateConflict.values.map((value) => (
                  <div key={value} className="min-w-0" data-testid="date-conflict-claim" data-claim={value}>
                    <h3 className="mb-1 font-bold">
                      <time dateTime={value}>{showDate(value, locale)}</time>{" "}
                      <span className="text-sm font-normal text-stone-700">({t("dates.sources", { count: claimsOf(value).length })})</span>
                    </h3>
                    <ul className="space-y-2">
                      {claimsOf(value).map(claimItem)}
                    </ul>
                  </div>
                ))}
              </div>
            </div>
          )}
          {agreeing.length > 0 && (
            <div>
              {dateConflict.disagree && <h3 className="mb-1 font-semibold">{t("dates.consistent")}</h3>}
              <ul className="space-y-2">
                {[...new Set(agreeing.map((c) => c.claim))].map((value) => (
                  <li key={value}>
                    <p className="font-semibold">
                      <time dateTime={value}>{showDate(value, locale)}</time>
                    </p>
                    <ul className="mt-1 space-y-2">
                      {claimsOf(value).map(claimItem)}
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}

      {/* ───────── mentions */}
      <section aria-labelledby="ev-mentions" className="rounded border border-stone-200 bg-white p-4" data-testid="entity-mentions">
        <h2 id="ev-mentions" className="mb-3 text-lg font-bold">
          {t("mentions.heading", { count: evidence.mentions.length })}
        </h2>
        {evidence.mentions.length === 0 ? (
          <p className="text-sm text-stone-600">{t("mentions.empty")}</p>
        ) : (
          <ul className="space-y-4">
            {[...byArticle.entries()].map(([articleId, g]) => (
              <li key={articleId}>
                <h3 className="mb-1 flex flex-wrap items-center gap-2 font-semibold">
                  <a href={articleHref(articleId)} dir="auto">
                    {g.title}
                  </a>
                  <span className="text-sm font-normal text-stone-600">{t("mentions.count", { count: g.mentions.length })}</span>
                </h3>
                <ul className="space-y-2">
                  {g.mentions.map((m) => (
                    <li key={m.id} className="text-sm" data-testid="entity-mention" data-state={m.state} data-anchor={m.anchorStatus}>
                      <Passage prefix={m.prefix} exact={m.exact} suffix={m.suffix} />
                      <p className="mt-0.5 flex flex-wrap items-center gap-2">
                        <Badge tone={m.state === "confirmed" ? "success" : "info"}>{t(`mentions.${m.state}`)}</Badge>
                        {m.anchorStatus === "orphaned" && <Badge tone="danger">{t("orphaned")}</Badge>}
                        <a href={articleHref(articleId, m.start)}>{t("mentions.open")}</a>
                      </p>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* ───────── annotations */}
      <section aria-labelledby="ev-annotations" className="rounded border border-stone-200 bg-white p-4" data-testid="entity-annotations">
        <h2 id="ev-annotations" className="mb-1 text-lg font-bold">
          {t("annotations.heading", { count: evidence.annotations.length })}
        </h2>
        <p className="mb-3 text-sm text-stone-600">{t("annotations.hint")}</p>
        {evidence.annotations.length === 0 ? (
          <p className="text-sm text-stone-600">{t("annotations.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {evidence.annotations.map((a) => (
              <li key={a.id} className="rounded border border-stone-200 p-3 text-sm" data-testid="entity-annotation">
                <Passage prefix={a.prefix} exact={a.exact} suffix={a.suffix} />
                {a.text && (
                  <p className="mt-1" dir="auto">
                    {a.text}
                  </p>
                )}
                <p className="mt-1 flex flex-wrap items-center gap-2">
                  <StateBadge state={a.state} label={ts(`state.${a.state}`)} />
                  <Badge tone={a.visibility === "public" ? "info" : "neutral"}>{t(`annotations.${a.visibility}`)}</Badge>
                  {a.anchorStatus === "orphaned" && <Badge tone="danger">{t("orphaned")}</Badge>}
                  <a href={articleHref(a.article.id, a.start)} dir="auto">
                    {a.article.title}
                  </a>
                  <a href={`/${locale}/studio/annotations/${a.id}`}>{t("annotations.open")}</a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
