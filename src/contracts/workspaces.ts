import { clsmRole } from "./accounts";
import { email, optionalText, text } from "./common";
import { epciCode, inseeCode } from "./territory";
import { z } from "./zod";

export const clsmStatuses = ["projet", "actif", "sommeil"] as const;
export const clsmStatus = z.enum(clsmStatuses);
export type ClsmStatus = z.infer<typeof clsmStatus>;

export const clsmScale = z.enum(["infracommunal", "communal", "intercommunal"]);
export type ClsmScale = z.infer<typeof clsmScale>;

export const quartierInput = z.object({
  name: text(120),
  communeCode: inseeCode,
  population: z.number().int().min(0).max(10_000_000),
});

/** A territory is given as communes and EPCI: an EPCI brings all its member communes. */
export const territoryInput = z
  .object({
    communeCodes: z.array(inseeCode).max(2000).default([]),
    epciCodes: z.array(epciCode).max(50).default([]),
    quartiers: z.array(quartierInput).max(100).default([]),
  })
  .refine((t) => t.communeCodes.length + t.epciCodes.length > 0, {
    message: "Choisissez au moins une commune ou un EPCI.",
    path: ["communeCodes"],
  });
export type TerritoryInput = z.infer<typeof territoryInput>;

export const createClsmBody = z.object({
  name: text(160),
  status: clsmStatus.default("projet"),
  territory: territoryInput,
});
export const updateClsmBody = z.object({
  name: text(160).optional(),
  status: clsmStatus.optional(),
});

export const territoryCommune = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number().int(),
  departementCode: z.string(),
  epciCode: z.string().nullable(),
});
export const territorySummary = z.object({
  scale: clsmScale,
  population: z.number().int(),
  communes: z.array(territoryCommune),
  epcis: z.array(z.object({ code: z.string(), name: z.string() })),
  quartiers: z.array(quartierInput.extend({ id: z.uuid() })),
  departements: z.array(z.object({ code: z.string(), name: z.string() })),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type TerritorySummary = z.infer<typeof territorySummary>;

export const clsmCapabilities = z.object({
  manage: z.boolean(),
  manageMembers: z.boolean(),
  editTerritory: z.boolean(),
});

export const clsmListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  status: clsmStatus,
  scale: clsmScale,
  population: z.number().int(),
  communeCount: z.number().int(),
  regionNames: z.array(z.string()),
  departementCodes: z.array(z.string()),
  memberCount: z.number().int(),
});
export type ClsmListItem = z.infer<typeof clsmListItem>;
export const clsmList = z.object({ items: z.array(clsmListItem), total: z.number().int() });
export const clsmListQuery = z.object({
  q: optionalText(100).optional(),
  status: clsmStatus.optional(),
  regionCode: z
    .string()
    .regex(/^\d{2,3}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const clsmDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  status: clsmStatus,
  createdAt: z.string(),
  territory: territorySummary,
  memberCount: z.number().int(),
  can: clsmCapabilities,
});
export type ClsmDetail = z.infer<typeof clsmDetail>;

export const member = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: clsmRole,
  isChair: z.boolean(),
  isColead: z.boolean(),
  joinedAt: z.string(),
  /** Invited but has not yet chosen a password nor signed in. */
  invitationPending: z.boolean(),
});
export type Member = z.infer<typeof member>;
export const memberList = z.object({ items: z.array(member), total: z.number().int() });

export const addMemberBody = z.object({
  email,
  name: optionalText(120).optional(),
  role: clsmRole.default("member"),
  isChair: z.boolean().default(false),
  isColead: z.boolean().default(false),
});
export const updateMemberBody = z.object({
  role: clsmRole.optional(),
  isChair: z.boolean().optional(),
  isColead: z.boolean().optional(),
});

/** GeoJSON of the CLSM's communes for the home map, with the communes that have no shape listed apart. */
export const territoryMap = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({ code: z.string(), name: z.string() }),
      geometry: z.unknown(),
    }),
  ),
  missing: z.array(z.object({ code: z.string(), name: z.string() })),
});
