import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { StudioListQuery } from "@/lib/records/schemas";

/** The filter bar of a studio list: a GET form, so every filtered view has a URL. */
export async function ListFilters({
  locale,
  action,
  query,
  authors,
  extra,
  searchPlaceholder,
}: {
  locale: string;
  action: string;
  query: StudioListQuery;
  authors: { id: string; name: string }[];
  extra?: ReactNode;
  searchPlaceholder?: string;
}) {
  const t = await getTranslations({ locale, namespace: "studio" });
  const states = ["draft", "in_review", "published", "archived", "pending", "scheduled"] as const;
  return (
    <form method="get" action={action} className="mb-4 grid gap-3 rounded border border-stone-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-6" role="search" aria-label={t("list.filters")} data-testid="list-filters">
      <div className="lg:col-span-2">
        <Label htmlFor="f-q">{t("list.search")}</Label>
        <Input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={searchPlaceholder ?? t("list.searchPlaceholder")} dir="auto" />
      </div>
      <div>
        <Label htmlFor="f-state">{t("list.state")}</Label>
        <Select id="f-state" name="state" defaultValue={query.state ?? ""}>
          <option value="">{t("list.anyState")}</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {t(`state.${s}`)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="f-author">{t("list.author")}</Label>
        <Select id="f-author" name="author" defaultValue={query.author ?? ""}>
          <option value="">{t("list.anyAuthor")}</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="f-from">{t("list.updatedFrom")}</Label>
        <Input id="f-from" name="from" type="date" defaultValue={query.from ?? ""} dir="ltr" />
      </div>
      <div>
        <Label htmlFor="f-to">{t("list.updatedTo")}</Label>
        <Input id="f-to" name="to" type="date" defaultValue={query.to ?? ""} dir="ltr" />
      </div>
      {extra}
      <div>
        <Label htmlFor="f-sort">{t("list.sort")}</Label>
        <Select id="f-sort" name="sort" defaultValue={query.sort}>
          <option value="updated_desc">{t("list.sortUpdatedDesc")}</option>
          <option value="updated_asc">{t("list.sortUpdatedAsc")}</option>
          <option value="title_asc">{t("list.sortTitle")}</option>
          <option value="created_desc">{t("list.sortCreated")}</option>
        </Select>
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses({ size: "md" })}>
          {t("list.apply")}
        </button>
        <a href={action} className={buttonClasses({ variant: "ghost", className: "whitespace-nowrap" })}>
          {t("list.reset")}
        </a>
      </div>
    </form>
  );
}

/** A list URL with the current filters and one change (page, state…). */
export function listHref(base: string, query: Record<string, unknown>, change: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) {
    if (v === undefined || v === null || v === "") continue;
    if (k === "page" && Number(v) === 1) continue;
    if (k === "pageSize" && Number(v) === 50) continue;
    if (k === "sort" && v === "updated_desc") continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}
