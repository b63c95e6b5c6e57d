"use client";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { cn } from "@/components/ui/cn";

type Item = { href: string; label: string; exact?: boolean };

export function StudioNav({ label, groups }: { label: string; groups: { items: Item[] }[] }) {
  const pathname = usePathname();
  // the most specific item that matches is the current one
  const all = groups.flatMap((g) => g.items);
  const current = all
    .filter((i) => (i.exact ? pathname === i.href : pathname === i.href || pathname.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="px-2 py-1">
      {groups.map((g, gi) => (
        <ul key={gi} className={cn("flex flex-wrap gap-1 lg:block lg:space-y-0.5", gi > 0 && "mt-2 border-t border-stone-300 pt-2")}>
          {g.items.map((i) => (
            <li key={i.href}>
              <Link
                href={i.href}
                aria-current={i.href === current ? "page" : undefined}
                className={cn(
                  "block rounded px-3 py-1.5 text-sm text-stone-800 no-underline hover:bg-stone-200 hover:no-underline",
                  i.href === current && "bg-white font-semibold text-stone-950 shadow-sm",
                )}
              >
                {i.label}
              </Link>
            </li>
          ))}
        </ul>
      ))}
    </nav>
  );
}
