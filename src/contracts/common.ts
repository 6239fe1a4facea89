import { z } from "./zod";

/** Free text typed by a person: trimmed, bounded, never empty when required. */
export const text = (max: number) => z.string().trim().min(1, "Ce champ est obligatoire.").max(max);
export const optionalText = (max: number) => z.string().trim().max(max);

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email("Adresse e-mail invalide."));

export const uuidParam = z.uuid("Identifiant invalide.");

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
