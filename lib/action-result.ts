// What every server action returns: data, or an error the form can show. Expected
// errors (AppError, validation) keep their message; anything else is logged and
// reaches the user as a generic message (HOUSE-STYLE: no internal errors shown).
import { z } from "zod";
import { isAppError, type ErrorCode } from "./errors";

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: Record<string, string>; details?: unknown };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function toActionError(e: unknown): ActionError {
  if (isAppError(e)) return { code: e.code, message: e.userMessage, details: e.details };
  if (e instanceof z.ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of e.issues) {
      const key = issue.path.map(String).join(".") || "_";
      fieldErrors[key] ??= issue.message;
    }
    const first = e.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return { code: "bad_request", message: `${where}${first?.message ?? "Invalid input."}`, fieldErrors };
  }
  console.error("[action] unexpected error", e);
  return { code: "internal", message: "Something went wrong. Nothing was saved; please try again." };
}

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    // Next.js control flow (redirect, notFound) must propagate
    if (e && typeof e === "object" && "digest" in e && typeof (e as { digest: unknown }).digest === "string" && /^NEXT_/.test((e as { digest: string }).digest)) throw e;
    return { ok: false, error: toActionError(e) };
  }
}
