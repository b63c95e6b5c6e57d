/** Joins class names, skipping falsy values (the kit has no tailwind-merge: pass
 *  layout/spacing extras through `className`, not utilities that fight the base ones). */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

/** The kit's keyboard focus ring; the same as the global `:focus-visible` rule in
 *  app/globals.css (which, being unlayered, wins anyway), stated so the kit stands alone. */
export const focusRing = "focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700";
