import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import ar from "@/lib/i18n/messages/studio-admin.ar.json";
import en from "@/lib/i18n/messages/studio-admin.en.json";
import { formErrors } from "./form-errors";
import { OneTimePassword } from "./one-time-password";
import { CreateUserForm } from "./create-user-form";
import { ChangePasswordForm } from "./change-password-form";
import { RoleSelect, UserActions } from "./user-controls";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock("@/lib/i18n/navigation", () => ({ Link: ({ href, ...props }: { href: string } & Record<string, unknown>) => <a href={`/ar${href}`} {...props} /> }));
vi.mock("@/lib/users/actions", () => ({
  createUserAction: vi.fn(),
  setRoleAction: vi.fn(),
  setDisabledAction: vi.fn(),
  resetPasswordAction: vi.fn(),
  changeOwnPasswordAction: vi.fn(),
}));

const render = (node: ReactNode, locale: "ar" | "en" = "ar") =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "ar" ? ar : en} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );

describe("formErrors", () => {
  const msg = (key: string) => `t:${key}`;
  it("translates the errors of known fields and summarizes them", () => {
    const e = formErrors({ code: "bad_request", message: "email: Enter a valid e-mail address.", fieldErrors: { email: "Enter a valid e-mail address.", other: "x" } }, ["name", "email"], msg);
    expect(e).toEqual({ message: "t:form", fieldErrors: { email: "t:email" } });
  });
  it("translates generic failures and keeps specific messages", () => {
    expect(formErrors({ code: "internal", message: "Something went wrong." }, ["name"], msg).message).toBe("t:internal");
    expect(formErrors({ code: "unauthenticated", message: "Sign in." }, ["name"], msg).message).toBe("t:unauthenticated");
    expect(formErrors({ code: "conflict", message: "This is the last active admin." }, ["name"], msg)).toEqual({ message: "This is the last active admin.", fieldErrors: {} });
  });
  it("maps nested paths to their field", () => {
    expect(formErrors({ code: "bad_request", message: "", fieldErrors: { "name.0": "x" } }, ["name"], msg).fieldErrors).toEqual({ name: "t:name" });
  });
});

describe("user components", () => {
  it("shows a one-time password left-to-right with a copy button and the instructions", () => {
    const html = render(<OneTimePassword password="Abc234DefGh" heading="h" />);
    expect(html).toMatch(/<code[^>]*dir="ltr"[^>]*data-testid="one-time-password"[^>]*>Abc234DefGh<\/code>/);
    expect(html).toContain(ar.users.password.copy);
    expect(html).toContain(ar.users.password.instructions);
    expect(html).toContain('role="status"');
  });

  it("labels every field of the create-user form, with the roles translated", () => {
    const html = render(<CreateUserForm />);
    expect(html).toContain('data-testid="user-create-form"');
    for (const id of ["new-user-name", "new-user-email", "new-user-role"]) expect(html).toContain(`for="${id}"`);
    expect(html).toMatch(/<option value="contributor" selected="">مساهم<\/option>/);
    expect(html).toMatch(/<input[^>]*type="email"[^>]*dir="ltr"/);
  });

  it("labels the change-password fields with the right autocomplete hints", () => {
    const html = render(<ChangePasswordForm />, "en");
    expect(html).toContain('data-testid="change-password-form"');
    expect(html).toMatch(/name="current"[^>]*autoComplete="current-password"|autoComplete="current-password"[^>]*name="current"/i);
    expect(html.match(/autoComplete="new-password"/gi)).toHaveLength(2);
    expect(html).toContain("At least 12 characters");
  });

  it("gives each row's controls accessible names and disables one's own role", () => {
    const user = { id: "u1", name: "سارة", email: "sara@example.org", role: "editor" as const, disabled: false };
    const other = render(
      <>
        <RoleSelect user={user} self={false} />
        <UserActions user={user} self={false} />
      </>,
    );
    expect(other).toContain('aria-label="دور سارة"');
    expect(other).toMatch(/<option value="editor" selected="">محرر<\/option>/);
    expect(other).toContain('data-testid="user-disable"');
    expect(other).toContain('data-testid="user-reset-password"');
    expect(other).toContain('aria-label="إجراءات حساب سارة"');
    const own = render(<RoleSelect user={user} self />);
    expect(own).toMatch(/<select[^>]*disabled=""/);
    expect(own).toContain(ar.users.roleSelf);
    const disabled = render(<UserActions user={{ ...user, disabled: true }} self={false} />);
    expect(disabled).toContain('data-testid="user-enable"');
    expect(disabled).not.toContain('data-testid="user-disable"');
    const ownActions = render(<UserActions user={user} self />);
    expect(ownActions).toContain('href="/ar/studio/account"');
    expect(ownActions).not.toContain('data-testid="user-reset-password"');
  });
});
