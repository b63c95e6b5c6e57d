import type { ComponentProps } from "react";
import { cn, focusRing } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

// Text colours are !important: app/globals.css styles `a` and `a:hover` outside
// any cascade layer, which beats Tailwind's (layered) utilities on link-buttons.
const variants: Record<ButtonVariant, string> = {
  primary: "border border-stone-900 bg-stone-900 text-white! hover:bg-stone-700",
  secondary: "border border-stone-400 bg-white text-stone-900! hover:bg-stone-100",
  danger: "border border-red-700 bg-red-700 text-white! hover:bg-red-800",
  ghost: "border border-transparent bg-transparent text-stone-800! hover:bg-stone-100",
};

const sizes: Record<ButtonSize, string> = {
  sm: "gap-1.5 px-2.5 py-1 text-sm",
  md: "gap-2 px-4 py-2 text-base",
};

/** Button classes, for links and other elements that should look like a button. */
export function buttonClasses({ variant = "primary", size = "md", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  return cn(
    "inline-flex items-center justify-center rounded font-semibold no-underline transition-colors hover:no-underline!",
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    focusRing,
    variants[variant],
    sizes[size],
    className,
  );
}

export type ButtonProps = ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize };

/** A button. `type` keeps the HTML default (submit inside a form): pass type="button" for actions. */
export function Button({ variant = "primary", size = "md", className, ...props }: ButtonProps) {
  return <button className={buttonClasses({ variant, size, className })} {...props} />;
}
