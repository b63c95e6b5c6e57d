import type { ComponentProps } from "react";
import { cn, focusRing } from "./cn";

/** A styled native <select> (native keeps keyboard, screen reader and mobile behaviour). */
export function Select({ className, invalid, ...props }: ComponentProps<"select"> & { invalid?: boolean }) {
  return (
    <select
      aria-invalid={invalid || undefined}
      className={cn(
        "block w-full rounded border bg-white px-3 py-2 text-stone-900",
        "disabled:cursor-not-allowed disabled:bg-stone-100 disabled:text-stone-600",
        invalid ? "border-red-700" : "border-stone-400",
        focusRing,
        className,
      )}
      {...props}
    />
  );
}
