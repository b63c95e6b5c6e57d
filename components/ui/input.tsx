import type { ComponentProps, ReactNode } from "react";
import { cn, focusRing } from "./cn";

const field = cn(
  "block w-full rounded border bg-white px-3 py-2 text-stone-900 placeholder:text-stone-500",
  "disabled:cursor-not-allowed disabled:bg-stone-100 disabled:text-stone-600",
  focusRing,
);
const fieldBorder = (invalid?: boolean) => (invalid ? "border-red-700" : "border-stone-400");

type InvalidProp = {
  /** Marks the field invalid (aria-invalid and a red border); pair with a FieldError via aria-describedby. */
  invalid?: boolean;
};

export function Input({ className, invalid, ...props }: ComponentProps<"input"> & InvalidProp) {
  return <input aria-invalid={invalid || undefined} className={cn(field, fieldBorder(invalid), className)} {...props} />;
}

export function Textarea({ className, invalid, rows = 4, ...props }: ComponentProps<"textarea"> & InvalidProp) {
  return <textarea rows={rows} aria-invalid={invalid || undefined} className={cn(field, fieldBorder(invalid), "leading-relaxed", className)} {...props} />;
}

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("mb-1 block text-sm font-semibold text-stone-900", className)} {...props} />;
}

/** A field's error message, announced when it appears; renders nothing without a message. */
export function FieldError({ id, children, className }: { id?: string; children?: ReactNode; className?: string }) {
  if (children == null || children === false || children === "") return null;
  return (
    <p id={id} role="alert" className={cn("mt-1 text-sm font-semibold text-red-800", className)}>
      {children}
    </p>
  );
}

/** Help text under a field (link it with aria-describedby). */
export function FieldHint({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("mt-1 text-sm text-stone-600", className)} {...props} />;
}
