import "server-only";
import { signInSchema } from "../users/schemas";
import { findUserForSignIn } from "../users/data";
import { recordAudit } from "../audit/data";
import { dummyHash, verifyPassword } from "./password";
import { clearSignInFailures, createSession, recordSignInFailure, throttleKeys, throttleWaitSeconds } from "./data";
import type { Role } from "./policy";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role }; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** E-mail + password sign-in. Unknown e-mail, wrong password and disabled account
 * all answer "invalid" (and take the same time), so nothing tells which it was. */
export async function signInWithPassword(
  raw: unknown,
  context: { ip: string | null; userAgent: string | null },
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, context.ip);

  const wait = await throttleWaitSeconds(keys);
  if (wait > 0) {
    await recordAudit({ action: "auth.sign_in_throttled", ip: context.ip, details: { email } });
    return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  }

  const user = await findUserForSignIn(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !valid || user.disabledAt) {
    await recordSignInFailure(keys);
    await recordAudit({ actorId: user?.id ?? null, action: "auth.sign_in_failed", ip: context.ip, details: { email } });
    return { ok: false, reason: "invalid" };
  }

  await clearSignInFailures(keys[0].key);
  const session = await createSession({ userId: user.id, sessionVersion: user.sessionVersion, ip: context.ip, userAgent: context.userAgent });
  await recordAudit({ actorId: user.id, action: "auth.sign_in", recordType: "user", recordId: user.id, ip: context.ip });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, sessionId: session.id };
}

export function clientAddress(headers: Headers): string | null {
  const fwd = headers.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim() || null;
  return headers.get("x-real-ip");
}
