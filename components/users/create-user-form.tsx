"use client";
// Admins add a staff account: name, e-mail, role. The server makes a one-time
// password and returns it once; it is shown here until dismissed, never again.
import { useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createUserAction } from "@/lib/users/actions";
import { ROLES, type Role } from "@/lib/auth/policy";
import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { OneTimePassword } from "./one-time-password";
import { focusFirstInvalid, formErrors, type FormErrors } from "./form-errors";

const FIELDS = ["name", "email", "role"] as const;

export function CreateUserForm() {
  const t = useTranslations("users");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FormErrors>();
  const [created, setCreated] = useState<{ name: string; email: string; password: string }>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { name: String(data.get("name") ?? ""), email: String(data.get("email") ?? ""), role: String(data.get("role") ?? "") as Role };
    setErrors(undefined);
    setCreated(undefined);
    startTransition(async () => {
      const result = await createUserAction(input);
      if (!result.ok) {
        const e = formErrors(result.error, FIELDS, (key) => t(`errors.${key}`));
        // the only conflict on creation: the e-mail is taken
        if (result.error.code === "conflict") e.fieldErrors.email = e.message = t("errors.emailTaken");
        setErrors(e);
        focusFirstInvalid(form);
        return;
      }
      setCreated({ name: result.data.user.name, email: result.data.user.email, password: result.data.password });
      form.reset();
      router.refresh();
    });
  }

  const fe = errors?.fieldErrors ?? {};
  const describedBy = (field: string, ...more: string[]) => [fe[field] ? `new-user-${field}-error` : null, ...more].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="new-user-heading" className="space-y-4 rounded border border-stone-200 bg-white p-4" data-testid="user-create-form">
        <h2 id="new-user-heading" className="text-xl font-semibold">
          {t("create.heading")}
        </h2>
        {errors?.message && (
          <p role="alert" className="rounded bg-red-50 p-3 text-red-900" data-testid="user-create-error">
            {errors.message}
          </p>
        )}
        <div className="grid gap-4 md:grid-cols-3">
          <div>
            <Label htmlFor="new-user-name">{t("create.name")}</Label>
            <Input id="new-user-name" name="name" required maxLength={120} autoComplete="off" dir="auto" invalid={!!fe.name} aria-describedby={describedBy("name")} />
            <FieldError id="new-user-name-error">{fe.name}</FieldError>
          </div>
          <div>
            <Label htmlFor="new-user-email">{t("create.email")}</Label>
            <Input
              id="new-user-email"
              name="email"
              type="email"
              required
              maxLength={320}
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
              className="text-start"
              invalid={!!fe.email}
              aria-describedby={describedBy("email")}
            />
            <FieldError id="new-user-email-error">{fe.email}</FieldError>
          </div>
          <div>
            <Label htmlFor="new-user-role">{t("create.role")}</Label>
            <Select id="new-user-role" name="role" defaultValue="contributor" invalid={!!fe.role} aria-describedby={describedBy("role", "new-user-role-hint")}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </Select>
            <FieldError id="new-user-role-error">{fe.role}</FieldError>
          </div>
        </div>
        <FieldHint id="new-user-role-hint">{t("create.roleHint")}</FieldHint>
        <Button type="submit" disabled={pending} aria-disabled={pending || undefined} data-testid="user-create-submit">
          {pending ? t("create.pending") : t("create.submit")}
        </Button>
      </form>
      {created && (
        <OneTimePassword
          password={created.password}
          heading={t.rich("create.created", {
            name: created.name,
            email: created.email,
            b: (chunks) => <bdi>{chunks}</bdi>,
            ltr: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
          })}
          onDismiss={() => {
            setCreated(undefined);
            formRef.current?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
          }}
        />
      )}
    </div>
  );
}
