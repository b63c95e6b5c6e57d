"use client";
// "Are you sure?" before a destructive or irreversible step. Either calls
// `onConfirm`, or submits its own small form to `formAction` (a server action),
// with `fields` as hidden inputs. The dialog stays open while the work runs and
// closes when it succeeds; a failure keeps it open and shows `errorLabel`.
import { useRef, useState, useTransition, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "./dialog";

export type ConfirmDialogProps = {
  /** Text of the button that opens the dialog. */
  triggerLabel: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  triggerDisabled?: boolean;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Shown on the confirm button while the action runs. */
  pendingLabel?: string;
  /** Shown (role="alert") when the action throws; the dialog then stays open. */
  errorLabel?: string;
  /** Variant of the confirm button; "danger" by default. */
  confirmVariant?: ButtonVariant;
  /** Called on confirm; return false to keep the dialog open. */
  onConfirm?: () => void | boolean | Promise<void | boolean>;
  /** Server action (or URL) the confirm button submits a form to. */
  formAction?: string | ((formData: FormData) => void | Promise<void>);
  /** Hidden inputs of that form (ids and such; the server must still check them). */
  fields?: Record<string, string>;
  testId?: string;
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { triggerLabel, triggerVariant = "danger", triggerSize = "md", triggerDisabled, title, description, testId, formAction, onConfirm, fields } = props;
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  // State set inside an action only shows when it ends, so "busy" for the
  // close guard is a ref; the buttons show `pending` / useFormStatus.
  const busy = useRef(false);

  async function attempt(work: () => Promise<void | boolean> | void | boolean) {
    setFailed(false);
    busy.current = true;
    try {
      const result = await work();
      if (result !== false) setOpen(false);
    } catch (error) {
      // Next.js redirect()/notFound() arrive as thrown errors that must propagate;
      // anything else keeps the dialog open with the error message.
      if (isNavigationError(error)) throw error;
      console.error(error);
      setFailed(true);
    } finally {
      busy.current = false;
    }
  }

  const footer = (onClick?: () => void) => <Footer {...props} busy={pending} onClick={onClick} />;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (busy.current) return; // never close mid-action
        setOpen(next);
        if (next) setFailed(false);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant={triggerVariant} size={triggerSize} disabled={triggerDisabled} data-testid={testId}>
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} description={description} data-testid={testId ? `${testId}-dialog` : undefined}>
        {failed && props.errorLabel && (
          <p role="alert" className="rounded bg-red-50 p-3 text-red-900">
            {props.errorLabel}
          </p>
        )}
        {typeof formAction === "string" ? (
          <form action={formAction} method="post">
            <HiddenFields fields={fields} />
            {footer()}
          </form>
        ) : formAction ? (
          <form action={(formData) => attempt(() => formAction(formData))}>
            <HiddenFields fields={fields} />
            {footer()}
          </form>
        ) : (
          footer(() => startTransition(() => attempt(() => onConfirm?.())))
        )}
      </DialogContent>
    </Dialog>
  );
}

function HiddenFields({ fields }: { fields?: Record<string, string> }) {
  return Object.entries(fields ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

function Footer({
  confirmLabel,
  cancelLabel,
  pendingLabel,
  confirmVariant = "danger",
  busy: working,
  onClick,
  testId,
}: Pick<ConfirmDialogProps, "confirmLabel" | "cancelLabel" | "pendingLabel" | "confirmVariant" | "testId"> & { busy: boolean; onClick?: () => void }) {
  const form = useFormStatus(); // pending while the surrounding <form> submits
  const busy = working || form.pending;
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button type="button" variant="secondary" disabled={busy}>
          {cancelLabel}
        </Button>
      </DialogClose>
      <Button
        type={onClick ? "button" : "submit"}
        variant={confirmVariant}
        onClick={onClick}
        disabled={busy}
        data-testid={testId ? `${testId}-confirm` : undefined}
      >
        {busy && pendingLabel ? pendingLabel : confirmLabel}
      </Button>
    </DialogFooter>
  );
}

function isNavigationError(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
