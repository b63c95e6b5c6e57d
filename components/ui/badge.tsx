import type { ComponentProps } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "muted";

// Text is -800/-900 on a -50/-100 fill: at least 7:1 contrast for every tone.
const tones: Record<BadgeTone, string> = {
  neutral: "bg-stone-100 text-stone-900 ring-stone-300",
  info: "bg-sky-50 text-sky-900 ring-sky-300",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
  danger: "bg-red-50 text-red-900 ring-red-300",
  muted: "bg-stone-200 text-stone-800 ring-stone-400",
};

export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn("inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset", tones[tone], className)}
      {...props}
    />
  );
}

export type WorkflowState = "draft" | "in_review" | "published" | "archived";

const stateTone: Record<WorkflowState, BadgeTone> = {
  draft: "info",
  in_review: "warning",
  published: "success",
  archived: "muted",
};

// A distinct shape per state, so the state never depends on colour alone.
const stateDot: Record<WorkflowState, string> = {
  draft: "rounded-full border-2 border-current",
  in_review: "rounded-full border border-current bg-[linear-gradient(90deg,currentColor_50%,transparent_50%)]",
  published: "rounded-full bg-current",
  archived: "rounded-[1px] bg-current",
};

/** A workflow state; `label` is the translated state name. */
export function StateBadge({ state, label, className }: { state: WorkflowState; label: string; className?: string }) {
  return (
    <Badge tone={stateTone[state]} data-state={state} className={className}>
      <span aria-hidden="true" className={cn("inline-block size-2 shrink-0", stateDot[state])} />
      {label}
    </Badge>
  );
}
