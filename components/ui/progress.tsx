import { useId } from "react";
import { cn } from "./cn";

export type ProgressProps = {
  /** Current amount, 0…max (clamped). */
  value: number;
  max?: number;
  /** Visible label naming what progresses (also the bar's accessible name). */
  label: string;
  /** Visible and spoken value, e.g. "3 of 5 passages"; defaults to a percentage. */
  valueText?: string;
  tone?: "neutral" | "success";
  className?: string;
};

/** An accessible progress bar (role="progressbar" with its value and a visible label). */
export function Progress({ value, max = 100, label, valueText, tone = "neutral", className }: ProgressProps) {
  const id = useId();
  const safeMax = max > 0 ? max : 100;
  const now = Math.min(Math.max(Number.isFinite(value) ? value : 0, 0), safeMax);
  const percent = Math.round((now / safeMax) * 100);
  const text = valueText ?? `${percent}%`;
  return (
    <div className={cn("w-full", className)}>
      <div className="mb-1 flex items-baseline justify-between gap-3 text-sm">
        <span id={`${id}-label`} className="font-semibold text-stone-900">
          {label}
        </span>
        <span aria-hidden="true" dir="auto" className="text-stone-700 tabular-nums">
          {text}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={safeMax}
        aria-valuenow={now}
        aria-valuetext={text}
        className="h-2.5 w-full overflow-hidden rounded-full bg-stone-200 ring-1 ring-stone-300 ring-inset"
      >
        <div
          className={cn("h-full rounded-full transition-[width]", tone === "success" ? "bg-emerald-700" : "bg-stone-800")}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
