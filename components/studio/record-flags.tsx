import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "./format";

/** Small badges beside a record in a list: pending changes, scheduled, possible duplicate, orphaned passages. */
export async function RecordFlags({
  locale,
  row,
  duplicate,
  orphaned,
}: {
  locale: string;
  row: { hasPendingChanges: boolean; publishAt: Date | null };
  duplicate?: boolean;
  orphaned?: number;
}) {
  const t = await getTranslations({ locale, namespace: "studio" });
  if (!row.hasPendingChanges && !row.publishAt && !duplicate && !orphaned) return null;
  return (
    <span className="ms-2 inline-flex flex-wrap gap-1 align-middle">
      {row.hasPendingChanges && <Badge tone="warning">{t("flags.pending")}</Badge>}
      {row.publishAt && <Badge tone="info">{t("flags.scheduled", { at: formatDateTime(row.publishAt, locale) })}</Badge>}
      {duplicate && <Badge tone="danger">{t("flags.duplicate")}</Badge>}
      {!!orphaned && <Badge tone="danger">{t("flags.orphaned", { count: String(orphaned) })}</Badge>}
    </span>
  );
}
