"use client";
// Radix Dialog with the kit's styling. Radix traps focus, closes on Escape and
// returns focus to the trigger; the title names the dialog for screen readers.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import type { ComponentProps, ReactNode } from "react";
import { cn, focusRing } from "./cn";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

export type DialogContentProps = Omit<ComponentProps<typeof DialogPrimitive.Content>, "title"> & {
  /** Heading of the dialog (its accessible name). */
  title: ReactNode;
  /** Optional sentence under the title (its accessible description). */
  description?: ReactNode;
  /** When given, an "×" close button with this accessible label is shown in the corner. */
  closeLabel?: string;
};

export function DialogContent({ title, description, closeLabel, className, children, ...props }: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      {/* The overlay is the scroll container, so tall dialogs scroll on small screens. */}
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 grid place-items-center overflow-y-auto bg-stone-950/50 p-4">
        <DialogPrimitive.Content
          // Without a description, say so explicitly (Radix warns otherwise).
          {...(description ? {} : { "aria-describedby": undefined })}
          className={cn("relative w-full max-w-lg rounded-lg border border-stone-300 bg-white p-6 text-stone-900 shadow-xl", className)}
          {...props}
        >
          <DialogPrimitive.Title className={cn("text-lg font-bold", closeLabel && "pe-8")}>{title}</DialogPrimitive.Title>
          {description && <DialogPrimitive.Description className="mt-2 text-stone-700">{description}</DialogPrimitive.Description>}
          {children && <div className="mt-4">{children}</div>}
          {closeLabel && (
            <DialogPrimitive.Close
              aria-label={closeLabel}
              title={closeLabel}
              className={cn("absolute end-3 top-3 inline-flex size-8 items-center justify-center rounded text-stone-700 hover:bg-stone-100", focusRing)}
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <path d="M3 3l10 10M13 3L3 13" />
              </svg>
            </DialogPrimitive.Close>
          )}
        </DialogPrimitive.Content>
      </DialogPrimitive.Overlay>
    </DialogPrimitive.Portal>
  );
}

/** A row of dialog buttons at the end side (confirm last). */
export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("mt-6 flex flex-wrap justify-end gap-3", className)} {...props} />;
}
