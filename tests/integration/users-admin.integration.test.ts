// Staff management from the studio: admins only, sessions end at once, the last
// admin cannot lock everyone out, every change is audited.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getActiveSessionUser } from "@/lib/auth/data";
import { changeOwnPassword, createUserAsAdmin, resetPasswordAsAdmin, setDisabledAsAdmin, setRoleAsAdmin } from "@/lib/users/data";
import { listAuditEvents } from "@/lib/audit/data";
import { AppError } from "@/lib/errors";
import { PASSWORD, staff } from "../helpers/fixtures";

const ctx = { ip: "192.0.2.50", userAgent: "vitest" };

describe("users, from the studio", () => {
  it("an admin creates a user with a one-time password that signs in", async () => {
    const admin = await staff("admin");
    const email = `new-${Date.now()}@example.org`;
    const { user, password } = await createUserAsAdmin(admin, { email: email.toUpperCase(), name: "New Person", role: "editor" });
    expect(user.email).toBe(email);
    expect(password).toHaveLength(20);
    const r = await signInWithPassword({ email, password }, ctx);
    expect(r.ok).toBe(true);
    await expect(createUserAsAdmin(admin, { email, name: "Again", role: "editor" })).rejects.toThrow(/already exists/);
    await expect(createUserAsAdmin(admin, { email: "not-an-email", name: "X", role: "editor" })).rejects.toThrow(/valid e-mail/);
  });

  it("disabling ends the user's sessions at once; re-enabling lets them sign in again", async () => {
    const admin = await staff("admin");
    const ed = await staff("editor");
    const s = await signInWithPassword({ email: ed.email, password: PASSWORD }, ctx);
    if (!s.ok) throw new Error("sign-in failed");
    expect(await getActiveSessionUser(s.sessionId)).not.toBeNull();
    await setDisabledAsAdmin(admin, { userId: ed.id, disabled: true });
    expect(await getActiveSessionUser(s.sessionId)).toBeNull();
    expect((await signInWithPassword({ email: ed.email, password: PASSWORD }, ctx)).ok).toBe(false);
    await setDisabledAsAdmin(admin, { userId: ed.id, disabled: false });
    expect((await signInWithPassword({ email: ed.email, password: PASSWORD }, { ...ctx, ip: "192.0.2.51" })).ok).toBe(true);
    const log = await listAuditEvents(admin, { recordId: ed.id });
    expect(log.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["user.disable", "user.enable"]));
  });

  it("a role change takes effect and ends sessions; the last active admin cannot be demoted or disabled", async () => {
    const admin = await staff("admin");
    // make this the only active admin for the check, then restore the others
    const others = await db().user.findMany({ where: { role: "admin", disabledAt: null, id: { not: admin.id } }, select: { id: true } });
    await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
    try {
      const e1 = await setRoleAsAdmin(admin, { userId: admin.id, role: "editor" }).catch((e) => e);
      expect(e1).toBeInstanceOf(AppError);
      expect((e1 as AppError).userMessage).toMatch(/last active admin/);
      await expect(setDisabledAsAdmin(admin, { userId: admin.id, disabled: true })).rejects.toThrow(/your own account/);
    } finally {
      await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
    }
    const c = await staff("contributor");
    await setRoleAsAdmin(admin, { userId: c.id, role: "editor" });
    expect((await db().user.findUniqueOrThrow({ where: { id: c.id } })).role).toBe("editor");
    await expect(setRoleAsAdmin(admin, { userId: c.id, role: "owner" })).rejects.toThrow(/Role must be/);
  });

  it("editors and contributors cannot manage users", async () => {
    for (const role of ["editor", "contributor"] as const) {
      const u = await staff(role);
      const target = await staff("contributor");
      await expect(setDisabledAsAdmin(u, { userId: target.id, disabled: true })).rejects.toMatchObject({ code: "forbidden" });
      await expect(resetPasswordAsAdmin(u, target.id)).rejects.toMatchObject({ code: "forbidden" });
      expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt).toBeNull();
    }
  });

  it("a user changes their own password: the current one is checked, other sessions end", async () => {
    const u = await staff("contributor");
    const a = await signInWithPassword({ email: u.email, password: PASSWORD }, ctx);
    const b = await signInWithPassword({ email: u.email, password: PASSWORD }, { ...ctx, ip: "192.0.2.52" });
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    await expect(changeOwnPassword(u, { current: "wrong-password-x", next: "a-brand-new-password", confirm: "a-brand-new-password" })).rejects.toThrow(/current password/);
    await expect(changeOwnPassword(u, { current: PASSWORD, next: "short", confirm: "short" })).rejects.toThrow(/at least 12/);
    await expect(changeOwnPassword(u, { current: PASSWORD, next: "a-brand-new-password", confirm: "a-different-password" })).rejects.toThrow(/differ/);
    await changeOwnPassword(u, { current: PASSWORD, next: "a-brand-new-password", confirm: "a-brand-new-password" }, a.sessionId);
    expect(await getActiveSessionUser(a.sessionId)).not.toBeNull();
    expect(await getActiveSessionUser(b.sessionId)).toBeNull();
    expect((await signInWithPassword({ email: u.email, password: "a-brand-new-password" }, { ...ctx, ip: "192.0.2.53" })).ok).toBe(true);
  });
});

describe("audit log", () => {
  it("filters by action prefix, record and date; admins only", async () => {
    const admin = await staff("admin");
    const ed = await staff("editor");
    await setRoleAsAdmin(admin, { userId: ed.id, role: "contributor" });
    const today = new Date().toISOString().slice(0, 10);
    const byPrefix = await listAuditEvents(admin, { action: "user.", from: today, to: today });
    expect(byPrefix.rows.length).toBeGreaterThan(0);
    expect(byPrefix.rows.every((r) => r.action.startsWith("user."))).toBe(true);
    const byRecord = await listAuditEvents(admin, { recordId: ed.id, action: "user.set_role" });
    expect(byRecord.rows).toHaveLength(1);
    expect(byRecord.rows[0]).toMatchObject({ actorId: admin.id, details: { role: "contributor" } });
    const none = await listAuditEvents(admin, { from: "2001-01-01", to: "2001-01-02" });
    expect(none.total).toBe(0);
    await expect(listAuditEvents(ed, {})).rejects.toMatchObject({ code: "forbidden" });
  });
});
