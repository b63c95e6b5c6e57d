"use client";
// Per-user controls of the users table: the role select, enable / disable, and
// reset password (which shows the new one-time password in its dialog, once).
// Every call goes through the user actions, which check "user.manage" themselves.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { resetPasswordAction, setDisabledAction, setRoleAction } from "@/lib/users/actions";
import type { ActionError } from "@/lib/action-result";
import { ROLES, type Role } from "@/lib/auth/policy";
import { Link } from "@/lib/i18n/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { OneTimePassword } from "./one-time-password";

export type ManagedUser = { id: string; name: string; email: string; role: Role; disabled: boolean };

function useErrorText() {
  const t = useTranslations("users");
  return (e: ActionError) => (e.code === "unauthenticated" || e.code === "forbidden" || e.code === "internal" ? t(`errors.${e.code}`) : e.message);
}

// Some browsers change a closed <select> on every arrow key press: wait for the
// choice to settle before saving, so stepping through the roles saves only the last.
const SETTLE_MS = 600;

/** The role of a user, saved when changed (not for one's own account: that would sign one out). */
export function RoleSelect({ user, self }: { user: ManagedUser; self: boolean }) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const router = useRouter();
  const [value, setValue] = useState<Role>(user.role);
  const [status, setStatus] = useState<"idle" | "waiting" | "saved">("idle");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saved = useRef<Role>(user.role);

  // the page was refreshed with a new role (here or elsewhere)
  useEffect(() => {
    saved.current = user.role;
    setValue(user.role);
  }, [user.role]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function save(role: Role) {
    if (role === saved.current) return setStatus("idle");
    startTransition(async () => {
      const result = await setRoleAction({ userId: user.id, role });
      if (!result.ok) {
        setValue(saved.current);
        setError(errorText(result.error));
        setStatus("idle");
        return;
      }
      saved.current = role;
      setStatus("saved");
      router.refresh();
    });
  }

  const selectId = `role-${user.id}`;
  const messageId = `${selectId}-message`;
  return (
    <div className="min-w-36">
      <Select
        id={selectId}
        value={value}
        disabled={self}
        aria-label={t("roleOf", { name: user.name })}
        aria-describedby={messageId}
        invalid={!!error}
        onChange={(e) => {
          const role = e.target.value as Role;
          setValue(role);
          setError(undefined);
          setStatus("waiting");
          clearTimeout(timer.current);
          timer.current = setTimeout(() => save(role), SETTLE_MS);
        }}
        className="py-1 text-sm"
        data-testid="user-role"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </Select>
      <div id={messageId} className="mt-1 text-xs">
        {self ? (
          <p className="text-stone-600">{t("roleSelf")}</p>
        ) : error ? (
          <p role="alert" className="font-semibold text-red-800">
            {error}
          </p>
        ) : (
          <p role="status" className="text-stone-700">
            {pending || status === "waiting" ? t("roleSaving") : status === "saved" ? t("roleSaved") : ""}
          </p>
        )}
      </div>
    </div>
  );
}

/** Enable / disable and reset password; for one's own row, a pointer to the Account page. */
export function UserActions({ user, self }: { user: ManagedUser; self: boolean }) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [disableError, setDisableError] = useState<string>();
  const [pending, startTransition] = useTransition();

  if (self) {
    return (
      <p className="text-sm text-stone-700">
        {t("selfHint")} <Link href="/studio/account">{t("accountLink")}</Link>.
      </p>
    );
  }

  function enable() {
    setError(undefined);
    startTransition(async () => {
      const result = await setDisabledAction({ userId: user.id, disabled: false });
      if (!result.ok) return setError(errorText(result.error));
      router.refresh();
    });
  }

  async function disable() {
    const result = await setDisabledAction({ userId: user.id, disabled: true });
    if (!result.ok) {
      setDisableError(errorText(result.error));
      throw new Error(result.error.message); // keeps the dialog open with the reason
    }
    setDisableError(undefined);
    router.refresh();
  }

  return (
    <div role="group" aria-label={t("actionsFor", { name: user.name })} className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        {user.disabled ? (
          <Button type="button" variant="secondary" size="sm" onClick={enable} disabled={pending} data-testid="user-enable">
            {pending ? t("enable.pending") : t("enable.button")}
          </Button>
        ) : (
          <ConfirmDialog
            triggerLabel={t("disable.button")}
            triggerVariant="secondary"
            triggerSize="sm"
            title={t("disable.title", { name: user.name })}
            description={t("disable.description")}
            confirmLabel={t("disable.confirm")}
            cancelLabel={t("disable.cancel")}
            pendingLabel={t("disable.pending")}
            errorLabel={disableError}
            onConfirm={disable}
            testId="user-disable"
          />
        )}
        <ResetPasswordDialog user={user} />
      </div>
      {error && (
        <p role="alert" className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** Confirm, reset, then show the new one-time password inside the same dialog until "Done". */
function ResetPasswordDialog({ user }: { user: ManagedUser }) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function reset() {
    setError(undefined);
    startTransition(async () => {
      const result = await resetPasswordAction(user.id);
      if (!result.ok) return setError(errorText(result.error));
      setPassword(result.data.password);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return; // never close mid-action
        setOpen(next);
        // the password is shown once: closing the dialog forgets it
        setPassword(undefined);
        setError(undefined);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="secondary" size="sm" data-testid="user-reset-password">
          {t("reset.button")}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={password ? t("reset.done", { name: user.name }) : t("reset.title", { name: user.name })}
        description={password ? undefined : t("reset.description")}
        data-testid="user-reset-password-dialog"
      >
        {password ? (
          <OneTimePassword password={password} heading={<bdi dir="ltr">{user.email}</bdi>} onDismiss={() => setOpen(false)} />
        ) : (
          <>
            {error && (
              <p role="alert" className="rounded bg-red-50 p-3 text-red-900">
                {error}
              </p>
            )}
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="secondary" disabled={pending}>
                  {t("reset.cancel")}
                </Button>
              </DialogClose>
              <Button type="button" variant="danger" onClick={reset} disabled={pending} data-testid="user-reset-password-confirm">
                {pending ? t("reset.pending") : t("reset.confirm")}
              </Button>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
