"use client";
// The interactive time axis of the public timeline (vis-timeline, standalone build:
// no peer dependencies). Loaded in the browser only; the page renders the same events
// as an ordered list on the server, which is what works without JavaScript.
import { useLatest } from "./use-latest";
import "vis-timeline/styles/vis-timeline-graph2d.min.css";
import "./timeline.css";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { Timeline as VisTimeline } from "vis-timeline/standalone";
import { axisFormat, fullWindow, utcDay, DAY } from "@/lib/timeline/axis";

export type TimelineItem = {
  id: string;
  label: string;
  /** the date at its precision, as shown in the list */
  dateLabel: string;
  /** ISO days; `end` is exclusive */
  start: string;
  end: string;
  kind: "point" | "range";
  precision: "day" | "month" | "year";
  href: string;
};

type Labels = { canvas: string; loading: string; zoomIn: string; zoomOut: string; earlier: string; later: string; fit: string };

export function Timeline({ items, locale, labels }: { items: TimelineItem[]; locale: string; labels: Labels }) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<VisTimeline | null>(null);
  const [ready, setReady] = useState(false);
  // navigation from inside the canvas' handlers, without re-creating the canvas when the router object changes
  const routerRef = useLatest(useRouter());

  useEffect(() => {
    let disposed = false;
    (async () => {
      const vis = await import("vis-timeline/standalone");
      // the standalone build bundles moment (its types omit it)
      const { moment } = vis as unknown as { moment: (d: Date) => { utc(): unknown } };
      if (disposed || !container.current) return;
      const byId = new Map(items.map((i) => [i.id, i]));
      // one row per event: its name (a link to its page) in the label column, its bar
      // covering the period its precision gives, labelled with that date
      const groups = items.map((i, order) => {
        const a = document.createElement("a");
        a.href = i.href;
        a.textContent = i.label; // text, never HTML
        a.title = i.label;
        return { id: i.id, content: a, order };
      });
      const data = items.map((i) => {
        const content = document.createElement("span");
        content.textContent = i.dateLabel;
        return {
          id: i.id,
          group: i.id,
          content,
          start: utcDay(i.start),
          ...(i.kind === "range" ? { end: utcDay(i.end) } : {}),
          type: i.kind === "point" ? "point" : "range",
          title: `${i.label} — ${i.dateLabel}`,
          className: `precision-${i.precision}`,
        };
      });
      const rtl = locale === "ar";
      const all = fullWindow(items);
      const instance = new vis.Timeline(container.current, data as never, groups as never, {
        rtl,
        locale: "en",
        // every date is a UTC calendar day: draw it so, whatever the visitor's time zone
        moment: ((d: Date) => moment(d).utc()) as never,
        format: axisFormat(locale) as never,
        zoomMin: 14 * DAY,
        zoomMax: 120 * 365 * DAY,
        zoomKey: "ctrlKey",
        showCurrentTime: false,
        selectable: true,
        stack: false,
        groupOrder: "order",
        orientation: "top",
        minHeight: 220,
        maxHeight: 600,
        verticalScroll: true,
        margin: { item: { horizontal: 4, vertical: 6 } },
        tooltip: { followMouse: false, overflowMethod: "cap" },
        ...(all ? { start: all.start, end: all.end } : {}),
      });
      instance.on("click", (props: { item?: string | number | null }) => {
        const item = props.item != null ? byId.get(String(props.item)) : undefined;
        if (item) routerRef.current.push(item.href);
      });
      timeline.current = instance;
      setReady(true);
    })();
    return () => {
      disposed = true;
      timeline.current?.destroy();
      timeline.current = null;
    };
  }, [items, locale]);

  const zoom = (factor: number) => timeline.current?.[factor > 0 ? "zoomIn" : "zoomOut"](Math.abs(factor), { animation: false });
  const move = (fraction: number) => {
    const t = timeline.current;
    if (!t) return;
    const w = t.getWindow();
    const shift = (w.end.getTime() - w.start.getTime()) * fraction;
    t.setWindow(new Date(w.start.getTime() + shift), new Date(w.end.getTime() + shift));
  };
  const button = "rounded border border-stone-400 bg-white px-2 py-1 text-sm text-stone-800 hover:bg-stone-100 disabled:opacity-50";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label={labels.canvas}>
        <button type="button" className={button} onClick={() => move(-0.3)} disabled={!ready}>
          {labels.earlier}
        </button>
        <button type="button" className={button} onClick={() => move(0.3)} disabled={!ready}>
          {labels.later}
        </button>
        <button type="button" className={button} onClick={() => zoom(0.5)} disabled={!ready}>
          {labels.zoomIn}
        </button>
        <button type="button" className={button} onClick={() => zoom(-0.5)} disabled={!ready}>
          {labels.zoomOut}
        </button>
        <button type="button" className={button} onClick={() => {
            const all = fullWindow(items);
            if (all) timeline.current?.setWindow(all.start, all.end);
          }} disabled={!ready}>
          {labels.fit}
        </button>
      </div>
      <div
        ref={container}
        className="sijill-timeline min-h-[220px] w-full overflow-hidden rounded border border-stone-300 bg-white"
        data-testid="timeline-canvas"
        data-ready={ready ? "true" : "false"}
        aria-label={labels.canvas}
        role="region"
      />
      {!ready && <p className="text-sm text-stone-600">{labels.loading}</p>}
    </div>
  );
}
