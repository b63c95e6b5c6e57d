import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, ROLES, authorize, can } from "./policy";

describe("permissions table", () => {
  it("covers every role for every action", () => {
    let cells = 0;
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        expect(["all", "own", "never"]).toContain(PERMISSIONS[action][role]);
        cells++;
      }
    }
    expect(cells).toBe(ACTIONS.length * ROLES.length);
    expect(cells).toBeGreaterThanOrEqual(45);
  });

  it("contributors create and submit their own drafts but cannot publish", () => {
    const c = { id: "c1", role: "contributor" as const };
    expect(can(c, "record.create")).toBe(true);
    expect(can(c, "record.submit", { createdById: "c1", state: "draft" })).toBe(true);
    expect(can(c, "record.submit", { createdById: "other", state: "draft" })).toBe(false);
    expect(can(c, "record.edit", { createdById: "c1", state: "published" })).toBe(false);
    expect(can(c, "record.publish", { createdById: "c1", state: "in_review" })).toBe(false);
    expect(can(c, "user.manage")).toBe(false);
  });

  it("editors publish but do not manage users; admins do everything", () => {
    const e = { id: "e", role: "editor" as const };
    const a = { id: "a", role: "admin" as const };
    expect(can(e, "record.publish", { createdById: "x", state: "in_review" })).toBe(true);
    expect(can(e, "user.manage")).toBe(false);
    for (const action of ACTIONS) expect(can(a, action, { createdById: "x", state: "draft" })).toBe(true);
  });

  it("authorize throws unauthenticated without a user and forbidden without the right", () => {
    expect(() => authorize(null, "studio.access")).toThrow(/sign in/);
    expect(() => authorize({ id: "c", role: "contributor" }, "audit.view")).toThrow(/not allowed/);
    expect(authorize({ id: "a", role: "admin" }, "audit.view").id).toBe("a");
  });
});
