import { describe, expect, it } from "vitest";
import { STATES, TRANSITIONS, TRANSITION_NAMES, canTransition, effectiveState, refusal, transitionsFrom, type WorkflowView } from "./transitions";
import { PERMISSIONS } from "../auth/policy";

const view = (state: WorkflowView["state"], extra: Partial<WorkflowView> = {}): WorkflowView => ({ state, pendingState: null, hasPendingChanges: false, publishAt: null, ...extra });

describe("workflow transitions", () => {
  it("draft → in review → published, changes requested back to draft, unpublish, archive, restore", () => {
    expect(transitionsFrom(view("draft")).sort()).toEqual(["archive", "publish", "schedule", "submit"]);
    expect(transitionsFrom(view("in_review")).sort()).toEqual(["archive", "publish", "request_changes", "schedule"]);
    expect(transitionsFrom(view("published")).sort()).toEqual(["archive", "unpublish"]);
    expect(transitionsFrom(view("archived"))).toEqual(["restore"]);
  });

  it("runs the review of a published record's next version on its pending state", () => {
    const pendingDraft = view("published", { hasPendingChanges: true, pendingState: "draft" });
    expect(effectiveState(pendingDraft)).toBe("draft");
    expect(transitionsFrom(pendingDraft).sort()).toEqual(["archive", "discard_changes", "publish", "schedule", "submit", "unpublish"]);
    const pendingReview = view("published", { hasPendingChanges: true, pendingState: "in_review" });
    expect(canTransition(pendingReview, "request_changes")).toBe(true);
    expect(canTransition(pendingReview, "submit")).toBe(false);
  });

  it("only a scheduled record can be unscheduled", () => {
    expect(canTransition(view("in_review"), "unschedule")).toBe(false);
    expect(canTransition(view("in_review", { publishAt: new Date() }), "unschedule")).toBe(true);
  });

  it("refuses with a readable message", () => {
    let refused = 0;
    for (const s of STATES)
      for (const t of TRANSITION_NAMES)
        if (!canTransition(view(s), t)) {
          expect(refusal(view(s), t)).toMatch(/^(Cannot |There are no|This record is not)/);
          refused++;
        }
    expect(refused).toBeGreaterThan(10);
    expect(refusal(view("archived"), "publish")).toBe("Cannot publish a record that is archived.");
  });

  it("names a real permission for every transition, and asks a comment only for requesting changes", () => {
    for (const t of TRANSITION_NAMES) expect(PERMISSIONS).toHaveProperty(TRANSITIONS[t].permission);
    expect(TRANSITION_NAMES.filter((t) => TRANSITIONS[t].needsComment)).toEqual(["request_changes"]);
  });
});
