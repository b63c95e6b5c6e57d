// The editorial workflow as data: which transition applies to a record in which
// state, where it leads, and which permission it needs. Enforced on the server by
// lib/workflow/data.ts; the studio shows the transitions available as buttons.
//
// A published record can carry a pending next version (edited while the published
// one stays live). Its review runs on the pending version: submit / request changes
// move the pending state; publish applies it; discard drops it.
import { can, type Action, type Actor } from "../auth/policy";

export const STATES = ["draft", "in_review", "published", "archived"] as const;
export type WorkflowState = (typeof STATES)[number];

export type WorkflowView = { state: WorkflowState; pendingState: WorkflowState | null; hasPendingChanges: boolean; publishAt: Date | string | null };

/** The state of the version being worked on: the pending one when there is one. */
export function effectiveState(v: WorkflowView): WorkflowState {
  return v.state === "published" && v.hasPendingChanges ? (v.pendingState ?? "draft") : v.state;
}

const somethingToPublish = (v: WorkflowView) => v.state === "draft" || v.state === "in_review" || (v.state === "published" && v.hasPendingChanges);

export const TRANSITIONS = {
  submit: { permission: "record.submit", needsComment: false, when: (v: WorkflowView) => effectiveState(v) === "draft" },
  request_changes: { permission: "record.request_changes", needsComment: true, when: (v: WorkflowView) => effectiveState(v) === "in_review" },
  publish: { permission: "record.publish", needsComment: false, when: somethingToPublish },
  schedule: { permission: "record.schedule", needsComment: false, when: somethingToPublish },
  unschedule: { permission: "record.schedule", needsComment: false, when: (v: WorkflowView) => v.publishAt !== null },
  discard_changes: { permission: "record.publish", needsComment: false, when: (v: WorkflowView) => v.state === "published" && v.hasPendingChanges },
  unpublish: { permission: "record.unpublish", needsComment: false, when: (v: WorkflowView) => v.state === "published" },
  archive: { permission: "record.archive", needsComment: false, when: (v: WorkflowView) => v.state !== "archived" },
  restore: { permission: "record.archive", needsComment: false, when: (v: WorkflowView) => v.state === "archived" },
} as const satisfies Record<string, { permission: Action; needsComment: boolean; when: (v: WorkflowView) => boolean }>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

export function canTransition(v: WorkflowView, t: Transition): boolean {
  return TRANSITIONS[t].when(v);
}

/** Transitions available from a state (before permissions). */
export function transitionsFrom(v: WorkflowView): Transition[] {
  return TRANSITION_NAMES.filter((t) => canTransition(v, t));
}

const HUMAN: Record<WorkflowState, string> = { draft: "a draft", in_review: "in review", published: "published", archived: "archived" };

/** Why a transition cannot apply, in words for the user. */
export function refusal(v: WorkflowView, t: Transition): string {
  const what = t.replace("_", " ");
  if (t === "discard_changes") return "There are no pending changes to discard.";
  if (t === "unschedule") return "This record is not scheduled.";
  return `Cannot ${what} a record that is ${HUMAN[effectiveState(v)]}${v.state === "published" && v.hasPendingChanges ? " (pending changes)" : ""}.`;
}

/** The transitions this actor may take on this record now (the studio's buttons; the server checks again). */
export function allowedTransitions(actor: Actor, row: WorkflowView & { createdById: string | null }): Transition[] {
  return transitionsFrom(row).filter((t) => can(actor, TRANSITIONS[t].permission, row));
}
