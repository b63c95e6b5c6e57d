"use client";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/auth/actions";

type Labels = { email: string; password: string; submit: string; invalid: string; throttled: string };

export function SignInForm({ locale, returnTo, labels }: { locale: string; returnTo?: string; labels: Labels }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      {state?.error && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900" data-testid="sign-in-error">
          {state.error === "throttled" ? labels.throttled : labels.invalid}
        </p>
      )}
      <label className="block">
        <span className="mb-1 block text-sm font-semibold">{labels.email}</span>
        <input name="email" type="email" autoComplete="username" required dir="ltr" className="w-full rounded border border-stone-400 bg-white px-3 py-2" />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-semibold">{labels.password}</span>
        <input name="password" type="password" autoComplete="current-password" required dir="ltr" className="w-full rounded border border-stone-400 bg-white px-3 py-2" />
      </label>
      <button type="submit" disabled={pending} className="w-full rounded bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {labels.submit}
      </button>
    </form>
  );
}
