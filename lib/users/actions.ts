"use server";
import { runAction, type ActionResult } from "../action-result";
import { AppError } from "../errors";
import { currentUser } from "../auth/session";
import { auth } from "../auth/auth";
import { changeOwnPassword, createUserAsAdmin, resetPasswordAsAdmin, setDisabledAsAdmin, setRoleAsAdmin, type UserDto } from "./data";
import { idSchema } from "../validation";

async function actor() {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Your session has ended: sign in again.");
  return user;
}

export async function createUserAction(input: unknown): Promise<ActionResult<{ user: UserDto; password: string }>> {
  return runAction(async () => createUserAsAdmin(await actor(), input));
}
export async function setRoleAction(input: unknown): Promise<ActionResult<UserDto>> {
  return runAction(async () => setRoleAsAdmin(await actor(), input));
}
export async function setDisabledAction(input: unknown): Promise<ActionResult<UserDto>> {
  return runAction(async () => setDisabledAsAdmin(await actor(), input));
}
export async function resetPasswordAction(userId: string): Promise<ActionResult<{ password: string }>> {
  return runAction(async () => resetPasswordAsAdmin(await actor(), idSchema.parse(userId)));
}
export async function changeOwnPasswordAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    const session = await auth();
    await changeOwnPassword(await actor(), input, (session as { sessionId?: string } | null)?.sessionId);
    return null;
  });
}
