// Turns a failed action's error into what a form shows, in the page's language:
// a translated message per invalid field the form knows, and one summary. Field
// errors come from the shared zod schemas, whose messages are English; each field
// of these forms fails for one reason only, so its translated message says it.
import type { ActionError } from "@/lib/action-result";

export type FormErrors = { message: string; fieldErrors: Partial<Record<string, string>> };

/** `msg(key)` translates `errors.<key>`: one key per field, plus "form", "unauthenticated", "forbidden", "internal". */
export function formErrors(error: ActionError, fields: readonly string[], msg: (key: string) => string): FormErrors {
  const fieldErrors: Partial<Record<string, string>> = {};
  for (const key of Object.keys(error.fieldErrors ?? {})) {
    const field = key.split(".")[0]!;
    if (fields.includes(field)) fieldErrors[field] ??= msg(field);
  }
  if (Object.keys(fieldErrors).length > 0) return { message: msg("form"), fieldErrors };
  if (error.code === "unauthenticated" || error.code === "forbidden" || error.code === "internal") return { message: msg(error.code), fieldErrors };
  return { message: error.message, fieldErrors };
}

/** Focuses the first invalid field of a form (after React has rendered the errors). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
