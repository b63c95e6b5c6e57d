// What a signed-in staff member sees on an admin page their role does not open:
// a plain statement (the page itself stays out of reach; the gate is authorize()).
import { Link } from "@/lib/i18n/navigation";

export function NotAllowed({ title, message, backLabel }: { title: string; message: string; backLabel: string }) {
  return (
    <div className="max-w-2xl space-y-3 rounded border border-red-300 bg-red-50 p-6 text-red-950" data-testid="not-allowed">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{message}</p>
      <p>
        <Link href="/studio" className="font-semibold">
          {backLabel}
        </Link>
      </p>
    </div>
  );
}
