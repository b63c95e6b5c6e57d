"use client";
// A signed-in user changes their own password: the current one, the new one twice.
// The server checks the current password and signs out the user's other sessions.
import { useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { changeOwnPasswordAction } from "@/lib/users/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Input, Label } from "@/components/ui/input";
import { focusFirstInvalid, formErrors, type FormErrors } from "./form-errors";

const FIELDS = ["current", "next", "confirm"] as const;
// the bounds of passwordSchema (lib/users/schemas.ts)
const MIN = 12;
const MAX = 200;

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FormErrors>();
  const [success, setSuccess] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { current: String(data.get("current") ?? ""), next: String(data.get("next") ?? ""), confirm: String(data.get("confirm") ?? "") };
    setErrors(undefined);
    setSuccess(false);
    startTransition(async () => {
      const result = await changeOwnPasswordAction(input);
      if (!result.ok) {
        const e = formErrors(result.error, FIELDS, (key) => t(`errors.${key}`, { min: MIN, max: MAX }));
        // without field errors, a refused request means the current password is wrong
        if (result.error.code === "bad_request" && Object.keys(e.fieldErrors).length === 0) e.fieldErrors.current = e.message = t("errors.wrongCurrent");
        setErrors(e);
        focusFirstInvalid(form);
        return;
      }
      form.reset();
      setSuccess(true);
      router.refresh();
    });
  }

  const fe = errors?.fieldErrors ?? {};
  const describedBy = (field: string, ...more: string[]) => [fe[field] ? `password-${field}-error` : null, ...more].filter(Boolean).join(" ") || undefined;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="change-password-heading" className="max-w-md space-y-4" data-testid="change-password-form">
      <h2 id="change-password-heading" className="text-xl font-semibold">
        {t("password.heading")}
      </h2>
      {errors?.message && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900" data-testid="change-password-error">
          {errors.message}
        </p>
      )}
      <p role="status" className={success ? "rounded bg-emerald-50 p-3 font-semibold text-emerald-900" : undefined} data-testid="change-password-status">
        {success ? t("password.success") : ""}
      </p>
      <div>
        <Label htmlFor="password-current">{t("password.current")}</Label>
        <Input
          id="password-current"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          maxLength={MAX}
          dir="ltr"
          invalid={!!fe.current}
          aria-describedby={describedBy("current")}
        />
        <FieldError id="password-current-error">{fe.current}</FieldError>
      </div>
      <div>
        <Label htmlFor="password-next">{t("password.next")}</Label>
        <Input
          id="password-next"
          name="next"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN}
          maxLength={MAX}
          dir="ltr"
          invalid={!!fe.next}
          aria-describedby={describedBy("next", "password-next-hint")}
        />
        <FieldHint id="password-next-hint">{t("password.nextHint", { min: MIN })}</FieldHint>
        <FieldError id="password-next-error">{fe.next}</FieldError>
      </div>
      <div>
        <Label htmlFor="password-confirm">{t("password.confirm")}</Label>
        <Input
          id="password-confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          maxLength={MAX}
          dir="ltr"
          invalid={!!fe.confirm}
          aria-describedby={describedBy("confirm")}
        />
        <FieldError id="password-confirm-error">{fe.confirm}</FieldError>
      </div>
      <Button type="submit" disabled={pending} data-testid="change-password-submit">
        {pending ? t("password.pending") : t("password.submit")}
      </Button>
    </form>
  );
}
