import { multilineText, optionalText, text, uuidParam } from "./common";
import { isoDate, pillar, pillarStatus } from "./directory";
import { z } from "./zod";

// Governance: the instances of a CLSM (COPIL, groupes de travail, plénière, comité technique, free ones)
// and their members, taken from the partner directory.

export const instanceKinds = ["copil", "groupe_travail", "pleniere", "comite_technique", "autre"] as const;
export const instanceKind = z.enum(instanceKinds);
export type InstanceKind = z.infer<typeof instanceKind>;
export const instanceKindLabels: Record<InstanceKind, string> = {
  copil: "Comité de pilotage (COPIL)",
  groupe_travail: "Groupe de travail",
  pleniere: "Assemblée plénière",
  comite_technique: "Comité technique / groupe projet",
  autre: "Autre instance",
};
export const memberRoles = ["president", "coanimateur", "membre", "suppleant", "invite"] as const;
export const memberRole = z.enum(memberRoles);
export type MemberRole = z.infer<typeof memberRole>;
export const memberRoleLabels: Record<MemberRole, string> = {
  president: "Président·e",
  coanimateur: "Co-animateur·rice",
  membre: "Membre",
  suppleant: "Suppléant·e",
  invite: "Invité·e",
};

// ─── Instances ───────────────────────────────────────────────────────────────────────────────────────────

export const instanceListItem = z.object({
  id: z.uuid(),
  kind: instanceKind,
  name: z.string(),
  purpose: z.string().nullable(),
  theme: z.string().nullable(),
  audience: z.string().nullable(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  /** Content reserved to those who need to know (the cellule): only coordinators see its members. */
  confidential: z.boolean(),
  archivedAt: z.string().nullable(),
  /** Current members (null when the reader may not see the members of a confidential instance). */
  memberCount: z.number().int().nullable(),
  /** The pillars no current member represents (empty when complete; null when not shown). */
  missingPillars: z.array(pillar).nullable(),
  updatedAt: z.string(),
});
export type InstanceListItem = z.infer<typeof instanceListItem>;

export const instanceListQuery = z.object({
  kind: instanceKind.optional(),
  archived: z
    .enum(["true", "false"], "Valeur invalide (true ou false).")
    .optional()
    .transform((v) => v === "true"),
});
export const instanceList = z.object({
  items: z.array(instanceListItem),
  can: z.object({ manage: z.boolean() }),
});

export const createInstanceBody = z.object({
  kind: instanceKind,
  name: text(160),
  purpose: multilineText(5000).optional(),
  theme: optionalText(160).optional(),
  audience: optionalText(160).optional(),
  /** The COPIL that created a working group. */
  parentId: uuidParam.nullable().optional(),
  confidential: z.boolean().default(false),
});
export type CreateInstanceBody = z.infer<typeof createInstanceBody>;
export const updateInstanceBody = createInstanceBody
  .omit({ kind: true, confidential: true })
  .partial()
  .extend({
    kind: instanceKind.optional(),
    confidential: z.boolean().optional(),
    archived: z.boolean().optional(),
  });
export type UpdateInstanceBody = z.infer<typeof updateInstanceBody>;

export const membership = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  function: z.string().nullable(),
  structureName: z.string().nullable(),
  collegeName: z.string().nullable(),
  pillar: pillar.nullable(),
  role: memberRole,
  startDate: z.string(),
  /** null = current member. */
  endDate: z.string().nullable(),
});
export type Membership = z.infer<typeof membership>;

export const instanceDetail = instanceListItem.extend({
  createdAt: z.string(),
  /** Current members first (by role then name), then past memberships (most recent end first). */
  members: z.array(membership).nullable(),
  /** The four pillars among the current members (null when the members are not shown). */
  pillars: z.array(pillarStatus).nullable(),
  /** Working groups created by this instance (a COPIL). */
  children: z.array(z.object({ id: z.uuid(), name: z.string(), archived: z.boolean() })),
  can: z.object({ manage: z.boolean() }),
});
export type InstanceDetail = z.infer<typeof instanceDetail>;

// ─── Members ─────────────────────────────────────────────────────────────────────────────────────────────

export const addMembersBody = z.object({
  personIds: z.array(uuidParam).min(1, "Choisissez au moins une personne.").max(1000),
  role: memberRole.default("membre"),
  startDate: isoDate.optional(),
});
export type AddMembersBody = z.infer<typeof addMembersBody>;
export const addMembersResult = z.object({
  added: z.number().int(),
  /** People who were already current members (left as they were). */
  alreadyMembers: z.number().int(),
});

export const updateMembershipBody = z.object({
  role: memberRole.optional(),
  startDate: isoDate.optional(),
  /** Ends the membership (history is kept); null reopens it. */
  endDate: isoDate.nullable().optional(),
});
export type UpdateMembershipBody = z.infer<typeof updateMembershipBody>;

/** The instances a person belongs or belonged to (their page in the directory). */
export const personMemberships = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      instanceId: z.uuid(),
      instanceName: z.string(),
      kind: instanceKind,
      role: memberRole,
      startDate: z.string(),
      endDate: z.string().nullable(),
    }),
  ),
});
