import { describe, expect, it } from "vitest";
import { STATES, TRANSITIONS, TRANSITION_NAMES, canTransition, nextState, transitionsFrom } from "./transitions";
import { PERMISSIONS } from "../auth/policy";

describe("workflow transitions", () => {
  it("follow draft → in review → published, with changes requested back to draft", () => {
    expect(nextState("draft", "submit")).toBe("in_review");
    expect(nextState("in_review", "request_changes")).toBe("draft");
    expect(nextState("in_review", "publish")).toBe("published");
    expect(nextState("published", "unpublish")).toBe("draft");
    expect(nextState("published", "archive")).toBe("archived");
    expect(nextState("archived", "restore")).toBe("draft");
  });

  it("refuses every transition not in the table, with a readable message", () => {
    let refused = 0;
    for (const s of STATES)
      for (const t of TRANSITION_NAMES)
        if (!canTransition(s, t)) {
          expect(() => nextState(s, t)).toThrow(/^Cannot /);
          refused++;
        }
    expect(refused).toBe(STATES.length * TRANSITION_NAMES.length - TRANSITION_NAMES.reduce((n, t) => n + TRANSITIONS[t].from.length, 0));
    expect(() => nextState("archived", "publish")).toThrow("Cannot publish a record that is archived");
  });

  it("names a real permission for every transition", () => {
    for (const t of TRANSITION_NAMES) expect(PERMISSIONS).toHaveProperty(TRANSITIONS[t].permission);
    expect(transitionsFrom("in_review").sort()).toEqual(["archive", "publish", "request_changes"]);
  });
});
