import { hasControlCharacter, optionalText, uuidParam } from "./common";
import { isoDate } from "./directory";
import { meetingStatus } from "./meetings";
import { z } from "./zod";

// Minutes of a meeting (a rich-text document), its decisions, and the actions to follow (follow-ups) it creates;
// full-text search over minutes and decisions.

// ─── The minutes document ────────────────────────────────────────────────────────────────────────────────
// ProseMirror JSON as the TipTap editor produces it, restricted to what a compte rendu needs: paragraphs, headings
// (levels 2 to 4: the page holds the level 1), bulleted and numbered lists, line breaks, bold, italic and links
// (http, https, mailto). Anything else (images, HTML, scripts, javascript: links) is refused; unknown attributes
// are dropped.

/** The largest document accepted, in characters of JSON. */
export const MINUTES_MAX_JSON = 200_000;
/** The deepest nesting accepted (lists within lists), counted in nodes from the document down to the text. */
export const MINUTES_MAX_DEPTH = 24;

export const minutesMessages = {
  node: "Élément non autorisé dans un compte rendu (paragraphes, titres, listes, gras, italique et liens seulement).",
  tooLarge: `Le compte rendu est trop long (${MINUTES_MAX_JSON / 1000} ko au plus) : découpez-le ou allégez-le.`,
  tooDeep: "Le compte rendu contient trop de listes imbriquées.",
  link: "Un lien doit commencer par http://, https:// ou mailto: et ne pas contenir d'espace.",
  control: "Ce texte contient des caractères non autorisés.",
} as const;

/** Whether an address may be a link of the minutes (http, https, mailto; no space, no control character). */
export const isSafeHref = (href: string) =>
  /^(https?:\/\/|mailto:)[^\s]+$/i.test(href) && !hasControlCharacter(href) && href.length <= 2000;

const href = z.string().trim().max(2000).refine(isSafeHref, minutesMessages.link);

const mark = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("bold") }),
    z.object({ type: z.literal("italic") }),
    z.object({ type: z.literal("link"), attrs: z.object({ href }) }),
  ],
  { error: minutesMessages.node },
);
export type MinutesMark = z.infer<typeof mark>;

const textNode = z.object({
  type: z.literal("text"),
  text: z
    .string()
    .min(1)
    .max(50_000)
    .refine((s) => !hasControlCharacter(s, true), minutesMessages.control),
  marks: z.array(mark).max(3).optional(),
});
const hardBreak = z.object({ type: z.literal("hardBreak") });
const inline = z.discriminatedUnion("type", [textNode, hardBreak], { error: minutesMessages.node });
export type MinutesInline = z.infer<typeof inline>;

const paragraph = z.object({ type: z.literal("paragraph"), content: z.array(inline).max(5000).optional() });
const heading = z.object({
  type: z.literal("heading"),
  attrs: z.object({
    level: z.union([z.literal(2), z.literal(3), z.literal(4)], {
      error: "Niveau de titre invalide (2, 3 ou 4).",
    }),
  }),
  content: z.array(inline).max(5000).optional(),
});

const listItem = z.object({
  type: z.literal("listItem"),
  get content(): z.ZodArray<typeof block> {
    return z.array(block).min(1).max(500);
  },
});
const bulletList = z.object({
  type: z.literal("bulletList"),
  get content(): z.ZodArray<typeof listItem> {
    return z.array(listItem).min(1).max(1000);
  },
});
const orderedList = z.object({
  type: z.literal("orderedList"),
  attrs: z.object({ start: z.number().int().min(0).max(100_000).optional() }).optional(),
  get content(): z.ZodArray<typeof listItem> {
    return z.array(listItem).min(1).max(1000);
  },
});
const block = z.discriminatedUnion("type", [paragraph, heading, bulletList, orderedList], {
  error: minutesMessages.node,
});
export type MinutesBlock = z.infer<typeof block>;
export type MinutesListItem = z.infer<typeof listItem>;

/** The document's shape alone (used for answers: what the server stored passed the full check). */
export const minutesDoc = z.object({
  type: z.literal("doc"),
  content: z.array(block).max(5000),
});
export type MinutesDoc = z.infer<typeof minutesDoc>;

/** Depth of a JSON value, counted without recursion (a hostile document cannot exhaust the stack). */
function jsonDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (depth > max) max = depth;
    if (max > limit) return max;
    if (v && typeof v === "object")
      for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
  }
  return max;
}

/**
 * A document sent by the editor: its size and depth are checked first (cheaply, without recursion), then its
 * shape. Nodes nest as objects within `content` arrays: two JSON levels per node.
 */
export const minutesDocInput = z
  .unknown()
  .superRefine((value, ctx) => {
    // Depth first: serialising a very deep value to measure it would itself exhaust the stack.
    if (jsonDepth(value, MINUTES_MAX_DEPTH * 2 + 4) > MINUTES_MAX_DEPTH * 2 + 3)
      ctx.addIssue({ code: "custom", message: minutesMessages.tooDeep });
    else if (JSON.stringify(value ?? null).length > MINUTES_MAX_JSON)
      ctx.addIssue({ code: "custom", message: minutesMessages.tooLarge });
  })
  .pipe(minutesDoc);

/** An empty document, as the editor starts. */
export const emptyMinutes: MinutesDoc = { type: "doc", content: [] };

// ─── Minutes ─────────────────────────────────────────────────────────────────────────────────────────────

export const putMinutesBody = z.object({
  doc: minutesDocInput,
  /**
   * The `updatedAt` the editor started from (null: no minutes yet). When given and the minutes changed since,
   * the save is refused (409) rather than overwriting someone else's work.
   */
  expectedUpdatedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type PutMinutesBody = z.infer<typeof putMinutesBody>;

const agendaRef = z.object({ id: z.uuid(), title: z.string() });

export const decision = z.object({
  id: z.uuid(),
  text: z.string(),
  agendaItem: agendaRef.nullable(),
  position: z.number().int(),
});
export type Decision = z.infer<typeof decision>;

const decisionText = z
  .string()
  .trim()
  .min(1, "Ce champ est obligatoire.")
  .max(5000)
  .refine((s) => !hasControlCharacter(s, true), minutesMessages.control);

export const decisionBody = z.object({
  text: decisionText,
  /** The agenda item the decision was taken on. */
  agendaItemId: uuidParam.nullable().optional(),
});
export const updateDecisionBody = decisionBody.partial();
export type DecisionBody = z.infer<typeof updateDecisionBody>;

// ─── Follow-ups (actions à suivre) ───────────────────────────────────────────────────────────────────────

export const followUpStatuses = ["open", "done"] as const;
export const followUpStatus = z.enum(followUpStatuses);
export type FollowUpStatus = z.infer<typeof followUpStatus>;
export const followUpStatusLabels: Record<FollowUpStatus, string> = { open: "À faire", done: "Faite" };

export const followUp = z.object({
  id: z.uuid(),
  meeting: z.object({ id: z.uuid(), title: z.string(), date: z.string() }),
  decisionId: z.uuid().nullable(),
  description: z.string(),
  /** The directory person who carries it (null: nobody named, or the person was erased). */
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  status: followUpStatus,
  /** Open and its due date is past (Europe/Paris). */
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUp>;

const followUpDescription = decisionText.max(2000);

export const followUpBody = z.object({
  description: followUpDescription,
  /** A person of the CLSM's directory. */
  assigneePersonId: uuidParam.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  /** The decision of the same meeting it carries out. */
  decisionId: uuidParam.nullable().optional(),
});
export type FollowUpBody = z.infer<typeof followUpBody>;

export const updateFollowUpBody = followUpBody.partial().extend({
  /** done closes it (who and when are recorded); open reopens it. */
  status: followUpStatus.optional(),
});
export type UpdateFollowUpBody = z.infer<typeof updateFollowUpBody>;

export const followUpListQuery = z.object({
  status: z.enum(["open", "done", "all"]).default("open"),
  assigneePersonId: uuidParam.optional(),
  meetingId: uuidParam.optional(),
  /** Due on this day or before. */
  dueBefore: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type FollowUpListQuery = z.infer<typeof followUpListQuery>;

export const followUpList = z.object({
  items: z.array(followUp),
  total: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});

// ─── The minutes of a meeting, as read and edited ─────────────────────────────────────────────────────────

export const minutesView = z.object({
  meeting: z.object({
    id: z.uuid(),
    title: z.string(),
    date: z.string(),
    time: z.string(),
    status: meetingStatus,
  }),
  /** null until the coordination writes them. */
  doc: minutesDoc.nullable(),
  /** When the minutes were shared with the CLSM's members (null: the coordination only). */
  sharedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  agenda: z.array(agendaRef),
  decisions: z.array(decision),
  followUps: z.array(followUp),
  can: z.object({ edit: z.boolean(), share: z.boolean() }),
});
export type MinutesView = z.infer<typeof minutesView>;

// ─── Search ──────────────────────────────────────────────────────────────────────────────────────────────

export const meetingSearchQuery = z.object({
  /** Words to find (accents and case ignored); "…" for a phrase, -mot to leave a word out, or. */
  q: optionalText(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type MeetingSearchQuery = z.infer<typeof meetingSearchQuery>;

export const searchKinds = ["minutes", "decision"] as const;
export const searchKindLabels: Record<(typeof searchKinds)[number], string> = {
  minutes: "Compte rendu",
  decision: "Décision",
};

export const meetingSearchResult = z.object({
  meeting: z.object({ id: z.uuid(), title: z.string(), date: z.string() }),
  kind: z.enum(searchKinds),
  decisionId: z.uuid().nullable(),
  /** A short excerpt, the words found marked (`match`). */
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
});
export type MeetingSearchResult = z.infer<typeof meetingSearchResult>;
export const meetingSearchResults = z.object({
  items: z.array(meetingSearchResult),
  total: z.number().int(),
});
