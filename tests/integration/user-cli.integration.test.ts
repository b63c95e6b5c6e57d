// `npm run user -- …` from the shell, against the test database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";

const ROOT = path.resolve(import.meta.dirname, "../..");

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/user.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("npm run user", () => {
  it("creates a user, changes the role, disables and resets the password", async () => {
    const email = `cli-${Date.now()}@example.org`;
    const created = cli("create", email, "--name", "Layla", "--role", "editor");
    expect(created.err).toBe("");
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/password: \S{20}/);
    expect(await db().user.findUnique({ where: { email }, select: { role: true } })).toEqual({ role: "editor" });

    expect(cli("set-role", email, "contributor").code).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).role).toBe("contributor");

    expect(cli("disable", email).code).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).disabledAt).not.toBeNull();

    const before = (await db().user.findUniqueOrThrow({ where: { email } })).passwordHash;
    const reset = cli("reset-password", email, "--password", "a-brand-new-password");
    expect(reset.code).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).passwordHash).not.toBe(before);
    expect(await db().auditEvent.count({ where: { action: { in: ["user.create", "user.set_role", "user.disable", "user.reset_password"] }, details: { path: ["email"], equals: email } } })).toBeGreaterThanOrEqual(1);
  });

  it("refuses bad input with a clear one-line error and writes nothing", async () => {
    const count = await db().user.count();
    const badRole = cli("create", "x@example.org", "--name", "X", "--role", "owner");
    expect(badRole.code).toBe(1);
    expect(badRole.err).toMatch(/^error: .*role.*admin, editor or contributor/m);
    const badEmail = cli("create", "not-an-email", "--name", "X", "--role", "editor");
    expect(badEmail.code).toBe(1);
    expect(badEmail.err).toMatch(/valid e-mail/);
    const shortPw = cli("reset-password", "x@example.org", "--password", "short");
    expect(shortPw.code).toBe(1);
    expect(shortPw.err).toMatch(/at least 12/);
    const unknown = cli("disable", "nobody-here@example.org");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No user with the e-mail/);
    expect(cli("frobnicate").code).toBe(1);
    expect(await db().user.count()).toBe(count);
  });

  it("refuses a duplicate e-mail", async () => {
    const email = `dup-${Date.now()}@example.org`;
    expect(cli("create", email, "--name", "A", "--role", "editor").code).toBe(0);
    const again = cli("create", email, "--name", "B", "--role", "admin");
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
  });
});
