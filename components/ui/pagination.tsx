// Page links for server-rendered lists. No client code: `hrefFor` builds each
// page's full href (locale prefix included), so it works with plain navigation.
import Link from "next/link";
import { cn, focusRing } from "./cn";

export type PaginationLabels = {
  /** aria-label of the <nav>, e.g. "Pages" */
  navigation: string;
  previous: string;
  next: string;
  /** accessible name of a page link, e.g. (n) => `Page ${n}`; defaults to the number */
  page?: (page: number) => string;
};

export type PaginationProps = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels: PaginationLabels;
  /** Formats page numbers (e.g. Arabic-Indic digits); defaults to String. */
  formatNumber?: (n: number) => string;
  className?: string;
};

/** Pages to show: the first, the last, and a window around the current one; null is a gap. */
export function pageWindow(page: number, pageCount: number, radius = 1): Array<number | null> {
  const pages = new Set<number>([1, pageCount]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const [i, p] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1); // a gap of one page: show it
    else if (prev !== undefined && p - prev > 2) out.push(null);
    out.push(p);
  }
  return out;
}

// Colours and hover are !important: app/globals.css styles `a` / `a:hover`
// outside any cascade layer, which beats Tailwind's layered utilities.
const item = "inline-flex min-w-9 items-center justify-center rounded border px-3 py-1.5 text-sm no-underline hover:no-underline!";

export function Pagination({ page: rawPage, pageCount, hrefFor, labels, formatNumber = String, className }: PaginationProps) {
  if (!(pageCount > 1)) return null;
  const page = Math.min(Math.max(1, Math.trunc(rawPage) || 1), pageCount);
  const chevron = (d: string) => (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 rtl:-scale-x-100" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
  const edge = (target: number, enabled: boolean, label: string, rel: "prev" | "next") => {
    const content =
      rel === "prev" ? (
        <>
          {chevron("M10 3L5 8l5 5")}
          {label}
        </>
      ) : (
        <>
          {label}
          {chevron("M6 3l5 5-5 5")}
        </>
      );
    return enabled ? (
      <Link href={hrefFor(target)} rel={rel} className={cn(item, "gap-1 border-stone-300 bg-white text-stone-900! hover:bg-stone-100", focusRing)}>
        {content}
      </Link>
    ) : (
      <span className={cn(item, "gap-1 border-stone-200 text-stone-600")}>
        {content}
      </span>
    );
  };
  return (
    <nav aria-label={labels.navigation} className={cn("mt-6", className)}>
      <ul className="flex flex-wrap items-center gap-1.5">
        <li>{edge(page - 1, page > 1, labels.previous, "prev")}</li>
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap${i}`} aria-hidden="true" className="px-1 text-stone-500">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={hrefFor(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={labels.page?.(p)}
                className={cn(
                  item,
                  p === page ? "border-stone-900 bg-stone-900 font-semibold text-white!" : "border-stone-300 bg-white text-stone-900! hover:bg-stone-100",
                  focusRing,
                )}
              >
                {formatNumber(p)}
              </Link>
            </li>
          ),
        )}
        <li>{edge(page + 1, page < pageCount, labels.next, "next")}</li>
      </ul>
    </nav>
  );
}
