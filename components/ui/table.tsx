import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/** A table in a horizontally scrollable frame; pass `caption` (visible or sr-only) to name it. */
export function Table({ className, caption, captionClassName, children, ...props }: ComponentProps<"table"> & { caption?: ReactNode; captionClassName?: string }) {
  return (
    <div className="w-full overflow-x-auto rounded border border-stone-200 bg-white">
      <table className={cn("w-full border-collapse text-sm", className)} {...props}>
        {caption != null && <caption className={cn("px-3 py-2 text-start font-semibold", captionClassName)}>{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-stone-50 text-stone-700", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-stone-200", className)} {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("align-top", className)} {...props} />;
}

/** A header cell; `scope` defaults to "col" (pass "row" for row headers). */
export function Th({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return <th scope={scope} className={cn("border-b border-stone-300 px-3 py-2 text-start font-semibold", className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2", className)} {...props} />;
}
