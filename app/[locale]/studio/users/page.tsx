// Staff accounts (admins only): create, change role, disable / enable, reset password.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { isAppError } from "@/lib/errors";
import { listUsers } from "@/lib/users/data";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { CreateUserForm } from "@/components/users/create-user-form";
import { NotAllowed } from "@/components/users/not-allowed";
import { RoleSelect, UserActions, type ManagedUser } from "@/components/users/user-controls";

export const dynamic = "force-dynamic";

type Params = { locale: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "users" });
  return { title: t("title"), robots: { index: false } };
}

export default async function UsersPage({ params }: { params: Promise<Params> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/users`);
  const t = await getTranslations({ locale, namespace: "users" });

  try {
    authorize(user, "user.manage");
  } catch (e) {
    if (isAppError(e) && e.code === "forbidden") {
      return <NotAllowed title={t("notAllowed.title")} message={t("notAllowed.message")} backLabel={t("notAllowed.back")} />;
    }
    throw e;
  }

  const users = await listUsers();
  const dateFmt = new Intl.DateTimeFormat(locale === "ar" ? "ar" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const when = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{dateFmt.format(d)}</time> : <span className="text-stone-600">{t("never")}</span>);

  return (
    <div className="space-y-8" data-testid="users">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("intro")}</p>
      </header>

      <CreateUserForm />

      <Table caption={`${t("caption")} (${new Intl.NumberFormat(locale).format(users.length)})`} captionClassName="text-lg" data-testid="users-table">
        <THead>
          <Tr>
            <Th>{t("col.name")}</Th>
            <Th>{t("col.email")}</Th>
            <Th>{t("col.role")}</Th>
            <Th>{t("col.status")}</Th>
            <Th>{t("col.lastSignIn")}</Th>
            <Th>{t("col.created")}</Th>
            <Th>{t("col.actions")}</Th>
          </Tr>
        </THead>
        <TBody>
          {users.map((u) => {
            const self = u.id === user.id;
            const managed: ManagedUser = { id: u.id, name: u.name, email: u.email, role: u.role, disabled: u.disabledAt !== null };
            return (
              <Tr key={u.id} data-testid={`user-row-${u.email}`} data-disabled={managed.disabled || undefined} className={managed.disabled ? "bg-stone-50 text-stone-700" : undefined}>
                <Th scope="row">
                  <bdi>{u.name}</bdi>
                  {self && (
                    <Badge tone="info" className="ms-2">
                      {t("you")}
                    </Badge>
                  )}
                </Th>
                <Td>
                  <span dir="ltr" className="break-all">
                    {u.email}
                  </span>
                </Td>
                <Td>
                  <RoleSelect user={managed} self={self} />
                </Td>
                <Td>
                  {managed.disabled ? (
                    <Badge tone="muted" data-testid="user-status">
                      {t("status.disabled")}
                    </Badge>
                  ) : (
                    <Badge tone="success" data-testid="user-status">
                      {t("status.active")}
                    </Badge>
                  )}
                </Td>
                <Td className="whitespace-nowrap">{when(u.lastSignInAt)}</Td>
                <Td className="whitespace-nowrap">{when(u.createdAt)}</Td>
                <Td>
                  <UserActions user={managed} self={self} />
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
