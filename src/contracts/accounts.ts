import { email, linkToken, optionalText, text } from "./common";
import { z } from "./zod";

export const platformRoles = ["admin", "national", "ars"] as const;
export const platformRole = z.enum(platformRoles);
export type PlatformRole = z.infer<typeof platformRole>;

export const clsmRoles = ["coordinator", "member"] as const;
export const clsmRole = z.enum(clsmRoles);
export type ClsmRole = z.infer<typeof clsmRole>;

export const password = z
  .string()
  .min(10, "Le mot de passe doit contenir au moins 10 caractères.")
  .max(128, "Le mot de passe doit contenir au plus 128 caractères.");

export const signInBody = z.object({ email, password: z.string().min(1).max(128) });
export const magicLinkBody = z.object({ email });
export const forgotPasswordBody = z.object({ email });
export const resetPasswordBody = z.object({ token: linkToken, password });

export const membershipSummary = z.object({
  clsmId: z.uuid(),
  clsmName: z.string(),
  role: clsmRole,
  isChair: z.boolean(),
  isColead: z.boolean(),
});

export const me = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  platformRole: platformRole.nullable(),
  arsRegionCode: z.string().nullable(),
  memberships: z.array(membershipSummary),
  can: z.object({
    createClsm: z.boolean(),
    manageUsers: z.boolean(),
    readOutbox: z.boolean(),
    browseClsms: z.boolean(),
  }),
});
export type Me = z.infer<typeof me>;

export const userListItem = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  platformRole: platformRole.nullable(),
  arsRegionCode: z.string().nullable(),
  arsRegionName: z.string().nullable(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  clsmCount: z.number().int(),
});
export type UserListItem = z.infer<typeof userListItem>;

export const userList = z.object({ items: z.array(userListItem), total: z.number().int() });

/** Region codes are two or three digits (INSEE). */
export const regionCode = z.string().regex(/^\d{2,3}$/, "Code région INSEE invalide.");

export const inviteUserBody = z
  .object({
    name: text(120),
    email,
    platformRole: platformRole.nullable().default(null),
    arsRegionCode: regionCode.nullable().default(null),
  })
  .refine((v) => v.platformRole !== "ars" || v.arsRegionCode !== null, {
    message: "Choisissez la région de l'ARS.",
    path: ["arsRegionCode"],
  });

export const updateUserBody = z
  .object({
    name: text(120).optional(),
    platformRole: platformRole.nullable(),
    arsRegionCode: regionCode.nullable().default(null),
  })
  .refine((v) => v.platformRole !== "ars" || v.arsRegionCode !== null, {
    message: "Choisissez la région de l'ARS.",
    path: ["arsRegionCode"],
  });

export const userListQuery = z.object({
  q: optionalText(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
