import { optionalText } from "./common";
import { z } from "./zod";

export const inseeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, "Code INSEE de commune invalide.");
export const epciCode = z.string().regex(/^\d{9}$/, "Code SIREN d'EPCI invalide.");

export const communeHit = z.object({
  kind: z.literal("commune"),
  code: z.string(),
  name: z.string(),
  departementCode: z.string(),
  departementName: z.string(),
  population: z.number().int(),
  postalCodes: z.array(z.string()),
});
export const epciHit = z.object({
  kind: z.literal("epci"),
  code: z.string(),
  name: z.string(),
  population: z.number().int(),
  communeCount: z.number().int(),
  departementCodes: z.array(z.string()),
});
export const territoryHit = z.discriminatedUnion("kind", [communeHit, epciHit]);
export type TerritoryHit = z.infer<typeof territoryHit>;

export const territorySearchQuery = z.object({
  q: optionalText(100).pipe(z.string().min(2, "Tapez au moins deux caractères.")),
  limit: z.coerce.number().int().min(1).max(50).default(15),
});
export const territorySearchResult = z.object({ items: z.array(territoryHit) });

export const epciDetail = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number().int(),
  communes: z.array(communeHit),
});

export const regionItem = z.object({ code: z.string(), name: z.string() });
export const regionList = z.object({ items: z.array(regionItem) });
