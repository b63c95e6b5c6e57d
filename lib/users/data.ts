import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { recordAudit } from "../audit/data";
import { generatePassword, hashPassword, verifyPassword } from "../auth/password";
import { authorize, type Actor, type Role } from "../auth/policy";
import { createUserSchema, setDisabledSchema, setRoleSchema, changePasswordSchema } from "./schemas";

export const userPublicSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  disabledAt: true,
  lastSignInAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export type UserDto = Prisma.UserGetPayload<{ select: typeof userPublicSelect }>;

export async function findUserForSignIn(email: string) {
  return db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
}

export async function getUserById(id: string): Promise<UserDto | null> {
  return db().user.findUnique({ where: { id }, select: userPublicSelect });
}

export async function listUsers(): Promise<UserDto[]> {
  return db().user.findMany({ select: userPublicSelect, orderBy: { createdAt: "asc" } });
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

export async function createUser(
  input: { email: string; name: string; role: Role; password: string },
  actorId: string | null = null,
): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError("conflict", `A user with the e-mail ${input.email} already exists.`);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: userPublicSelect,
    });
    await recordAudit({ actorId, action: "user.create", recordType: "user", recordId: user.id, details: { email: user.email, role: user.role } }, tx);
    return user;
  });
}

async function updateUserByEmail(
  email: string,
  data: Prisma.UserUpdateInput,
  audit: { action: string; actorId: string | null; details?: Prisma.InputJsonValue },
): Promise<UserDto> {
  return db().$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!found) throw new AppError("not_found", `No user with the e-mail ${email}.`);
    const user = await tx.user.update({ where: { id: found.id }, data, select: userPublicSelect });
    // Ending sessions: the bumped sessionVersion refuses every older session, and the
    // rows are revoked too so lists of active sessions stay true.
    if (data.sessionVersion) {
      await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await recordAudit({ actorId: audit.actorId, action: audit.action, recordType: "user", recordId: user.id, details: audit.details }, tx);
    return user;
  });
}

export function setUserRole(email: string, role: Role, actorId: string | null = null) {
  return updateUserByEmail(email, { role, sessionVersion: { increment: 1 } }, { action: "user.set_role", actorId, details: { role } });
}

export function setUserDisabled(email: string, disabled: boolean, actorId: string | null = null) {
  return updateUserByEmail(
    email,
    disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
    { action: disabled ? "user.disable" : "user.enable", actorId },
  );
}

export async function resetUserPassword(email: string, password: string, actorId: string | null = null) {
  const passwordHash = await hashPassword(password);
  return updateUserByEmail(email, { passwordHash, sessionVersion: { increment: 1 } }, { action: "user.reset_password", actorId });
}

/** On a database with no users: create the first admin. Returns the password only
 * when the account was created now (so it can be shown once). */
export async function ensureFirstAdmin(email: string, password: string): Promise<{ created: boolean }> {
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sijill.first-admin'))`;
    if ((await tx.user.count()) > 0) return { created: false };
    const user = await tx.user.create({ data: { email, name: "Admin", role: "admin", passwordHash }, select: { id: true } });
    await recordAudit({ action: "user.create", recordType: "user", recordId: user.id, details: { email, role: "admin", firstAdmin: true } }, tx);
    return { created: true };
  });
}

// ───────── managed from the studio (admins), every call through the one gate

async function assertAnotherActiveAdmin(tx: Pick<ReturnType<typeof db>, "user">, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("conflict", "This is the last active admin: make someone else an admin first.");
}

/** Creates a staff account with a one-time password shown to the admin once. */
export async function createUserAsAdmin(actor: Actor, raw: unknown): Promise<{ user: UserDto; password: string }> {
  authorize(actor, "user.manage");
  const input = createUserSchema.parse(raw);
  const password = input.password ?? generatePassword();
  const user = await createUser({ email: input.email, name: input.name, role: input.role, password }, actor.id);
  return { user, password };
}

export async function setRoleAsAdmin(actor: Actor, raw: unknown): Promise<UserDto> {
  authorize(actor, "user.manage");
  const { userId, role } = setRoleSchema.parse(raw);
  const target = await db().user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
  if (!target) throw new AppError("not_found", "This user does not exist.");
  if (target.role === "admin" && role !== "admin") await assertAnotherActiveAdmin(db(), userId);
  return setUserRole(target.email, role, actor.id);
}

export async function setDisabledAsAdmin(actor: Actor, raw: unknown): Promise<UserDto> {
  authorize(actor, "user.manage");
  const { userId, disabled } = setDisabledSchema.parse(raw);
  const target = await db().user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
  if (!target) throw new AppError("not_found", "This user does not exist.");
  if (disabled && userId === actor.id) throw new AppError("conflict", "You cannot disable your own account.");
  if (disabled && target.role === "admin") await assertAnotherActiveAdmin(db(), userId);
  return setUserDisabled(target.email, disabled, actor.id);
}

export async function resetPasswordAsAdmin(actor: Actor, userId: string): Promise<{ password: string }> {
  authorize(actor, "user.manage");
  const target = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!target) throw new AppError("not_found", "This user does not exist.");
  const password = generatePassword();
  await resetUserPassword(target.email, password, actor.id);
  return { password };
}

/** A user changes their own password (the current one is checked); their other sessions end. */
export async function changeOwnPassword(actor: Actor, raw: unknown, keepSessionId?: string): Promise<void> {
  authorize(actor, "user.change_own_password");
  const { current, next } = changePasswordSchema.parse(raw);
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, sessionVersion: true } });
  if (!user || !(await verifyPassword(user.passwordHash, current))) throw new AppError("bad_request", "Your current password is not right.");
  const passwordHash = await hashPassword(next);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await tx.session.updateMany({ where: { userId: actor.id, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) }, data: { revokedAt: new Date() } });
    await recordAudit({ actorId: actor.id, action: "user.change_password", recordType: "user", recordId: actor.id }, tx);
  });
}

/** Names of staff, for "author" filters (every signed-in staff member may see them). */
export async function listStaffNames(): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
