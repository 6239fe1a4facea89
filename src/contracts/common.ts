import { z } from "./zod";

/** True when the text holds a control character (NUL, which PostgreSQL cannot store, and the like). */
export function hasControlCharacter(s: string, allowLineBreaks = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (allowLineBreaks && (c === 9 || c === 10 || c === 13)) continue;
    if (c < 32 || c === 127) return true;
  }
  return false;
}
const controlCharacterMessage = "Ce champ contient des caractères non autorisés.";

/**
 * A one-line text typed by a person (a name): trimmed, bounded, never empty, no control character and no
 * line break (names end up in mail subjects and headers).
 */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "Ce champ est obligatoire.")
    .max(max)
    .refine((s) => !hasControlCharacter(s), controlCharacterMessage);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasControlCharacter(s), controlCharacterMessage);
/** A text of several lines (a description, a comment): line breaks and tabs allowed. */
export const multilineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasControlCharacter(s, true), controlCharacterMessage);

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email("Adresse e-mail invalide."));

export const uuidParam = z.uuid("Identifiant invalide.");
/** A person's id in a path (ids are UUIDs or the library's random letters and digits). */
export const userIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Identifiant invalide.");
/** A one-time token from a mailed link (random letters, digits, - and _). */
export const linkToken = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, "Ce lien n'est pas valide.");

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const pageQuery = z.object({
  q: optionalText(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const okBody = z.object({ ok: z.literal(true) });
