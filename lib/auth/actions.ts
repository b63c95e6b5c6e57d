"use server";
import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { z } from "zod";
import { signIn, signOut } from "./auth";

export type SignInState = { error?: "invalid" | "throttled" } | undefined;

const formSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(200),
  locale: z.enum(["ar", "en"]).default("ar"),
  returnTo: z.string().max(500).optional(),
});

/** Only same-site paths may be returned to (no open redirects). */
function safeReturnTo(value: string | undefined, locale: string): string {
  if (value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")) return value;
  return `/${locale}/studio`;
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = formSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "invalid" };
  const { email, password, locale, returnTo } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnTo(returnTo, locale) });
    return undefined;
  } catch (e) {
    if (isRedirectError(e)) throw e;
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      return { error: code === "throttled" ? "throttled" : "invalid" };
    }
    throw e;
  }
}

export async function signOutAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale") === "en" ? "en" : "ar";
  await signOut({ redirectTo: `/${locale}/sign-in?signedOut=1` });
}
