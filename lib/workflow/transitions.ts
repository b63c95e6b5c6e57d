// The editorial workflow as data: which transition moves a record from which state to
// which, and which permission it needs. Enforced on the server by lib/workflow/data.ts.
import type { Action } from "../auth/policy";

export const STATES = ["draft", "in_review", "published", "archived"] as const;
export type WorkflowState = (typeof STATES)[number];

export const TRANSITIONS = {
  submit: { from: ["draft"], to: "in_review", permission: "record.submit", needsComment: false },
  request_changes: { from: ["in_review"], to: "draft", permission: "record.request_changes", needsComment: true },
  publish: { from: ["draft", "in_review", "published"], to: "published", permission: "record.publish", needsComment: false },
  unpublish: { from: ["published"], to: "draft", permission: "record.unpublish", needsComment: false },
  archive: { from: ["draft", "in_review", "published"], to: "archived", permission: "record.archive", needsComment: false },
  restore: { from: ["archived"], to: "draft", permission: "record.archive", needsComment: false },
} as const satisfies Record<string, { from: readonly WorkflowState[]; to: WorkflowState; permission: Action; needsComment: boolean }>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

export function canTransition(from: WorkflowState, t: Transition): boolean {
  return (TRANSITIONS[t].from as readonly WorkflowState[]).includes(from);
}

export function nextState(from: WorkflowState, t: Transition): WorkflowState {
  if (!canTransition(from, t)) throw new Error(`Cannot ${t.replace("_", " ")} a record that is ${from.replace("_", " ")}`);
  return TRANSITIONS[t].to;
}

/** Transitions available from a state (the studio shows these as buttons). */
export function transitionsFrom(from: WorkflowState): Transition[] {
  return TRANSITION_NAMES.filter((t) => canTransition(from, t));
}
