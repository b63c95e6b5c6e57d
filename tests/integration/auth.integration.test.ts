// Sign-in, sessions and throttling against a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getActiveSessionUser, THROTTLE } from "@/lib/auth/data";
import { createUser, setUserDisabled, setUserRole, resetUserPassword } from "@/lib/users/data";
import { db } from "@/lib/db/client";

const ctx = (ip = "203.0.113.7") => ({ ip, userAgent: "vitest" });
let n = 0;
async function newUser(role: "admin" | "editor" | "contributor" = "editor") {
  const email = `user${++n}-${Date.now()}@example.org`;
  await createUser({ email, name: "Test", role, password: "a-long-enough-password" });
  return email;
}

describe("signInWithPassword", () => {
  it("signs in with the right password and creates a session row", async () => {
    const email = await newUser();
    const r = await signInWithPassword({ email: email.toUpperCase(), password: "a-long-enough-password" }, ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await getActiveSessionUser(r.sessionId)).toMatchObject({ email, role: "editor" });
    const audit = await db().auditEvent.findFirst({ where: { action: "auth.sign_in", actorId: r.user.id } });
    expect(audit).not.toBeNull();
  });

  it("answers the same for an unknown account and a wrong password", async () => {
    const email = await newUser();
    const wrong = await signInWithPassword({ email, password: "nope-nope-nope" }, ctx("198.51.100.1"));
    const unknown = await signInWithPassword({ email: "ghost@example.org", password: "nope-nope-nope" }, ctx("198.51.100.1"));
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(await signInWithPassword({ email: 42, password: null }, ctx())).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows an account down after repeated failures, even for the right password, with the state in PostgreSQL", async () => {
    const email = await newUser();
    for (let i = 0; i < THROTTLE.account.freeFailures; i++) {
      // each failure from another address: only the per-account key adds up
      expect((await signInWithPassword({ email, password: "wrong-wrong-wrong" }, ctx(`192.0.2.${i + 1}`))).ok).toBe(false);
    }
    const r = await signInWithPassword({ email, password: "a-long-enough-password" }, ctx("192.0.2.99"));
    expect(r).toMatchObject({ ok: false, reason: "throttled" });
    if (r.ok || r.reason !== "throttled") return;
    expect(r.retryAfterSeconds).toBeGreaterThan(0);
    // the counter lives in the database, where every app instance sees it
    const row = await db().signInThrottle.findUnique({ where: { key: `account:${email}` } });
    expect(row?.failures).toBe(THROTTLE.account.freeFailures);
    expect(row?.blockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it("slows an address down across accounts", async () => {
    const ip = "100.64.0.9";
    for (let i = 0; i < THROTTLE.address.freeFailures; i++) await signInWithPassword({ email: `x${i}@example.org`, password: "wrong-wrong-wrong" }, ctx(ip));
    const email = await newUser();
    expect(await signInWithPassword({ email, password: "a-long-enough-password" }, ctx(ip))).toMatchObject({ reason: "throttled" });
    expect((await signInWithPassword({ email, password: "a-long-enough-password" }, ctx("100.64.0.10"))).ok).toBe(true);
  });
});

describe("sessions end when the account changes", () => {
  async function signedIn() {
    const email = await newUser();
    const r = await signInWithPassword({ email, password: "a-long-enough-password" }, ctx("10.0.0.1"));
    if (!r.ok) throw new Error("sign-in failed");
    return { email, sessionId: r.sessionId };
  }

  it("disabling a user ends their sessions at once and refuses new sign-ins", async () => {
    const { email, sessionId } = await signedIn();
    expect(await getActiveSessionUser(sessionId)).not.toBeNull();
    await setUserDisabled(email, true);
    expect(await getActiveSessionUser(sessionId)).toBeNull();
    expect(await signInWithPassword({ email, password: "a-long-enough-password" }, ctx("10.0.0.2"))).toEqual({ ok: false, reason: "invalid" });
    await setUserDisabled(email, false);
    expect((await signInWithPassword({ email, password: "a-long-enough-password" }, ctx("10.0.0.3"))).ok).toBe(true);
  });

  it("a role change or a password reset ends existing sessions", async () => {
    const a = await signedIn();
    await setUserRole(a.email, "contributor");
    expect(await getActiveSessionUser(a.sessionId)).toBeNull();
    const b = await signedIn();
    await resetUserPassword(b.email, "another-long-password");
    expect(await getActiveSessionUser(b.sessionId)).toBeNull();
    expect((await signInWithPassword({ email: b.email, password: "another-long-password" }, ctx("10.0.0.4"))).ok).toBe(true);
  });

  it("passwords are stored as argon2id hashes", async () => {
    const email = await newUser();
    const u = await db().user.findUniqueOrThrow({ where: { email } });
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
