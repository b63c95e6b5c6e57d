import "server-only";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import type { Actor, Role } from "./policy";

export type SessionUser = Actor & { email: string; name: string };

/** The signed-in staff member, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const u = session?.user as { id?: string; role?: Role; email?: string | null; name?: string | null } | undefined;
  if (!u?.id || !u.role) return null;
  return { id: u.id, role: u.role, email: u.email ?? "", name: u.name ?? "" };
}

/** For studio pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(locale: string, returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`);
  return user;
}
