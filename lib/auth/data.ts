import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db/client";

// ───────── sessions (rows in PostgreSQL; the cookie only names one)

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function createSession(input: { userId: string; sessionVersion: number; ip: string | null; userAgent: string | null }) {
  const now = new Date();
  return db().$transaction(async (tx) => {
    const session = await tx.session.create({
      data: {
        userId: input.userId,
        sessionVersion: input.sessionVersion,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      },
      select: { id: true },
    });
    await tx.user.update({ where: { id: input.userId }, data: { lastSignInAt: now } });
    return session;
  });
}

/** The live session's user, or null when the session was revoked, expired, or the
 * user was disabled or had their sessions ended (sessionVersion bumped). */
export async function getActiveSessionUser(sessionId: string) {
  const s = await db().session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      sessionVersion: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true } },
    },
  });
  const now = Date.now();
  if (!s || s.revokedAt || s.expiresAt.getTime() <= now) return null;
  if (s.user.disabledAt || s.user.sessionVersion !== s.sessionVersion) return null;
  if (now - s.lastSeenAt.getTime() > 5 * 60 * 1000) {
    await db().session.update({ where: { id: s.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { disabledAt: _d, sessionVersion: _v, ...user } = s.user;
  return user;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

// ───────── sign-in throttling, shared by every instance

export const THROTTLE = {
  windowMinutes: 15,
  account: { freeFailures: 5 },
  address: { freeFailures: 20 },
  maxDelaySeconds: 15 * 60,
} as const;

export type ThrottleKey = { key: string; freeFailures: number };

export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${email}`, freeFailures: THROTTLE.account.freeFailures }];
  if (ip) keys.push({ key: `address:${ip}`, freeFailures: THROTTLE.address.freeFailures });
  return keys;
}

/** Seconds until any of the keys may try again (0 = not blocked). */
export async function throttleWaitSeconds(keys: ThrottleKey[]): Promise<number> {
  const rows = await db().signInThrottle.findMany({
    where: { key: { in: keys.map((k) => k.key) } },
    select: { blockedUntil: true },
  });
  const now = Date.now();
  let wait = 0;
  for (const r of rows) {
    if (r.blockedUntil && r.blockedUntil.getTime() > now) wait = Math.max(wait, Math.ceil((r.blockedUntil.getTime() - now) / 1000));
  }
  return wait;
}

/** Count a failure for each key, atomically (one statement per key, safe across
 * instances). From the free-failure limit on, each failure doubles the wait. */
export async function recordSignInFailure(keys: ThrottleKey[]): Promise<void> {
  const window = `${THROTTLE.windowMinutes} minutes`;
  for (const k of keys) {
    await db().$executeRaw`
      INSERT INTO sign_in_throttles (key, failures, "firstFailAt", "lastFailAt", "blockedUntil")
      VALUES (${k.key}, 1, now(), now(), NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_throttles."lastFailAt" < now() - ${window}::interval
                        THEN 1 ELSE sign_in_throttles.failures + 1 END,
        "firstFailAt" = CASE WHEN sign_in_throttles."lastFailAt" < now() - ${window}::interval
                        THEN now() ELSE sign_in_throttles."firstFailAt" END,
        "lastFailAt" = now(),
        "blockedUntil" = CASE
          WHEN sign_in_throttles."lastFailAt" >= now() - ${window}::interval
               AND sign_in_throttles.failures + 1 >= ${k.freeFailures}
          THEN now() + least(power(2, sign_in_throttles.failures + 2 - ${k.freeFailures}), ${THROTTLE.maxDelaySeconds}) * interval '1 second'
          ELSE NULL END`;
  }
}

export async function clearSignInFailures(key: string): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { key } });
}

// ───────── the signing secret, shared by every instance through the database

export async function getOrCreateAuthSecret(): Promise<string> {
  const fresh = randomBytes(32).toString("base64url");
  await db().$executeRaw`
    INSERT INTO system_settings (key, value, "updatedAt") VALUES ('auth.secret', to_jsonb(${fresh}::text), now())
    ON CONFLICT (key) DO NOTHING`;
  const row = await db().systemSetting.findUnique({ where: { key: "auth.secret" } });
  return String(row?.value);
}
