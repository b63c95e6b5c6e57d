"use client";
// Radix Tabs with the kit's styling. Radix maps the arrow keys from `dir`, and
// without a DirectionProvider it assumes "ltr" (and writes dir="ltr" on the
// root), so `dir` is required: pass dirOf(locale).
import * as TabsPrimitive from "@radix-ui/react-tabs";
import type { ComponentProps } from "react";
import { cn, focusRing } from "./cn";

export function Tabs({ className, dir, ...props }: ComponentProps<typeof TabsPrimitive.Root> & { dir: "rtl" | "ltr" }) {
  return <TabsPrimitive.Root dir={dir} className={cn("w-full", className)} {...props} />;
}

/** The row of tabs; give it an aria-label naming what the tabs switch between. */
export function TabsList({ className, ...props }: ComponentProps<typeof TabsPrimitive.List>) {
  return <TabsPrimitive.List className={cn("flex flex-wrap gap-1 border-b border-stone-300", className)} {...props} />;
}

export function TabsTrigger({ className, ...props }: ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      className={cn(
        "-mb-px rounded-t border border-transparent px-4 py-2 font-semibold text-stone-700 hover:text-stone-950",
        "data-[state=active]:border-stone-300 data-[state=active]:border-b-white data-[state=active]:bg-white data-[state=active]:text-stone-950",
        "disabled:cursor-not-allowed disabled:opacity-60",
        focusRing,
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: ComponentProps<typeof TabsPrimitive.Content>) {
  return <TabsPrimitive.Content className={cn("pt-4", focusRing, className)} {...props} />;
}
