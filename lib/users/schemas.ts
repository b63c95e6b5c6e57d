import { z } from "zod";
import { ROLES } from "../auth/policy";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address."));

export const passwordSchema = z
  .string()
  .min(12, "Passwords have at least 12 characters.")
  .max(200, "Passwords have at most 200 characters.");

export const roleSchema = z.enum(ROLES, { error: "Role must be admin, editor or contributor." });

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Name is required.").max(120),
  role: roleSchema,
  password: passwordSchema.optional(),
});

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(320),
  password: z.string().min(1).max(200),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setRoleSchema = z.object({ userId: z.string().min(1).max(64), role: roleSchema });
export const setDisabledSchema = z.object({ userId: z.string().min(1).max(64), disabled: z.preprocess((v) => v === true || v === "true", z.boolean()) });
export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(200),
    next: passwordSchema,
    confirm: z.string().max(200),
  })
  .refine((v) => v.next === v.confirm, { message: "The two new passwords differ.", path: ["confirm"] });
