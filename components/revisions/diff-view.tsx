// Side-by-side view of a revision diff (lib/revisions/diff.ts): per changed field,
// the "before" column with removed words struck through on red and the "after"
// column with added words underlined on green (colour is never the only cue).
// Unchanged fields wait behind a <details>. A server component: no hooks.
//
// Each line of text is its own block with dir="auto", so an Arabic paragraph and
// an English one (or Arabic and Latin aliases) each read in their own direction.
import type { ReactNode } from "react";
import type { DiffPart, FieldDiff } from "@/lib/revisions/diff";
import { cn } from "@/components/ui/cn";

export type DiffViewProps = {
  diffs: FieldDiff[];
  labelFor: (field: string) => string;
  beforeLabel: string;
  afterLabel: string;
  /** Summary of the <details> holding unchanged fields, e.g. "Show unchanged fields". */
  showUnchangedLabel: string;
  /** Shown instead of the fields when nothing changed. */
  noChangesLabel?: string;
  /** Shown in a column where the field had no value, e.g. "(empty)"; defaults to "—". */
  emptyLabel?: string;
  /** Words read by screen readers around removed/added text, e.g. { removed: "deleted", added: "inserted" }. */
  markLabels?: { removed: string; added: string };
  className?: string;
};

type Segment = { text: string; marked: boolean };

/** The parts one column shows, split into lines (each a list of segments). */
export function columnLines(parts: DiffPart[], side: "before" | "after"): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const part of parts) {
    if (side === "before" ? part.added : part.removed) continue;
    const marked = side === "before" ? !!part.removed : !!part.added;
    part.value.split("\n").forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text !== "") lines[lines.length - 1]!.push({ text, marked });
    });
  }
  // text ending in a newline (array lines) leaves an empty last line: drop it
  if (lines.length > 1 && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}

function Column({
  parts,
  side,
  heading,
  emptyLabel,
  markLabels,
}: {
  parts: DiffPart[];
  side: "before" | "after";
  heading: string;
  emptyLabel: string;
  markLabels?: DiffViewProps["markLabels"];
}) {
  const lines = columnLines(parts, side);
  const empty = lines.every((l) => l.length === 0);
  const Mark = side === "before" ? "del" : "ins";
  const sr = markLabels ? (side === "before" ? markLabels.removed : markLabels.added) : null;
  return (
    <div className={cn("min-w-0 p-3", side === "before" ? "bg-stone-50/60" : "bg-white")} data-side={side}>
      {/* the column headings row is for sighted wide screens; each cell names its column too */}
      <p className="mb-1 text-xs font-semibold text-stone-600 md:sr-only">{heading}</p>
      {empty ? (
        <p className="text-stone-500 italic">{emptyLabel}</p>
      ) : (
        <div className="space-y-1 leading-relaxed break-words">
          {lines.map((segments, i) => (
            <div key={i} dir="auto" className="min-h-[1lh] whitespace-pre-wrap">
              {segments.map((seg, j): ReactNode =>
                seg.marked ? (
                  <Mark
                    key={j}
                    className={cn(
                      "rounded-sm px-0.5",
                      side === "before"
                        ? "bg-red-100 text-red-950 line-through decoration-red-800/70"
                        : "bg-green-100 text-green-950 underline decoration-green-800/70 underline-offset-2",
                    )}
                  >
                    {sr && <span className="sr-only">[{sr}: </span>}
                    {seg.text}
                    {sr && <span className="sr-only">]</span>}
                  </Mark>
                ) : (
                  <span key={j}>{seg.text}</span>
                ),
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export function DiffView({ diffs, labelFor, beforeLabel, afterLabel, showUnchangedLabel, noChangesLabel, emptyLabel = "—", markLabels, className }: DiffViewProps) {
  const changed = diffs.filter((d) => d.kind !== "same");
  const same = diffs.filter((d) => d.kind === "same");
  return (
    <div className={cn("space-y-4", className)} data-testid="diff-view">
      {changed.length === 0 ? (
        noChangesLabel && <p className="text-stone-700">{noChangesLabel}</p>
      ) : (
        <>
          <div aria-hidden="true" className="hidden grid-cols-2 gap-px px-px text-sm font-semibold text-stone-700 md:grid">
            <div className="px-3">{beforeLabel}</div>
            <div className="px-3">{afterLabel}</div>
          </div>
          {changed.map((d) => (
            <section key={d.field} data-field={d.field} data-kind={d.kind} className="overflow-hidden rounded border border-stone-300">
              <h3 className="border-b border-stone-300 bg-stone-100 px-3 py-1.5 text-sm font-semibold text-stone-900">{labelFor(d.field)}</h3>
              <div className="grid divide-y divide-stone-200 md:grid-cols-2 md:divide-x md:divide-y-0">
                <Column parts={d.parts} side="before" heading={beforeLabel} emptyLabel={emptyLabel} markLabels={markLabels} />
                <Column parts={d.parts} side="after" heading={afterLabel} emptyLabel={emptyLabel} markLabels={markLabels} />
              </div>
            </section>
          ))}
        </>
      )}
      {same.length > 0 && (
        <details className="rounded border border-stone-200 bg-white">
          <summary className="cursor-pointer px-3 py-2 text-sm font-semibold text-stone-800">
            {showUnchangedLabel} ({same.length})
          </summary>
          <dl className="divide-y divide-stone-200 border-t border-stone-200">
            {same.map((d) => (
              <div key={d.field} data-field={d.field} className="grid gap-1 px-3 py-2 md:grid-cols-[12rem_1fr] md:gap-4">
                <dt className="text-sm font-semibold text-stone-700">{labelFor(d.field)}</dt>
                <dd dir="auto" className="line-clamp-3 text-sm whitespace-pre-wrap break-words text-stone-800">
                  {d.after === "" ? <span className="text-stone-500 italic">{emptyLabel}</span> : d.after}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}
