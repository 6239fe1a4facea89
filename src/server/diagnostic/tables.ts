import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Answers, SurveyDefinition } from "../../contracts/survey-definition";
import { user } from "../accounts/tables";
import { directoryPerson, directoryStructure } from "../directory/tables";
import { meeting } from "../meetings/tables";
import { clsmIdColumn, timestamps } from "../workspaces/columns";

// The shared diagnostic of a CLSM: participatory surveys (questionnaires, invitations, answers, tags on free
// texts), needs and resources, territorial figures, priority consultations, the CLSM's formal opinion (avis) on
// the PTSM, and the diagnostic page that assembles them.

// ── Surveys ──────────────────────────────────────────────────────────────────────────────────────────────────

export const survey = pgTable(
  "survey",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    title: text("title").notNull(),
    /** Shown to respondents above the first question. */
    introduction: text("introduction"),
    /** public (residents, people concerned: plain-language wordings offered) | partners */
    audience: text("audience").notNull(),
    /** Anonymous answers keep no name, no account, no address and only the day; stated to respondents. */
    anonymous: boolean("anonymous").notNull().default(true),
    /** draft (being built, answers refused) | published (answerable between opens_at and closes_at) | closed */
    status: text("status").notNull().default("draft"),
    opensAt: timestamp("opens_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    /** The random part of the public link (/enquetes/<token>); null when the survey has no public link. */
    publicToken: text("public_token"),
    definition: jsonb("definition").$type<SurveyDefinition>().notNull(),
    /** Results shown to the CLSM's members (not only to the coordination). */
    resultsPublished: boolean("results_published").notNull().default(false),
    /** The shipped template it was made from, if any. */
    templateKey: text("template_key"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("survey_clsm_idx").on(t.clsmId, t.createdAt),
    uniqueIndex("survey_public_token_idx").on(t.publicToken),
  ],
);

/** A directory contact asked to answer: one answer each, through a link signed like the meeting answers. */
export const surveyInvitation = pgTable(
  "survey_invitation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => survey.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => directoryPerson.id, { onDelete: "cascade" }),
    /** Drawn at creation; signing the link with it lets a new draw revoke the link. */
    tokenNonce: text("token_nonce").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("survey_invitation_person_idx").on(t.surveyId, t.personId),
    index("survey_invitation_person_fk_idx").on(t.personId),
  ],
);

/**
 * One submitted answer. Deliberately no created_at: an anonymous answer keeps the day it came in and nothing
 * finer (no time, IP, account or browser key). A named answer also points at its invitation or carries the name
 * the respondent gave.
 */
export const surveyResponse = pgTable(
  "survey_response",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => survey.id, { onDelete: "cascade" }),
    submittedOn: date("submitted_on").notNull(),
    invitationId: uuid("invitation_id").references(() => surveyInvitation.id, { onDelete: "set null" }),
    respondentName: text("respondent_name"),
    respondentEmail: text("respondent_email"),
    answers: jsonb("answers").$type<Answers["answers"]>().notNull(),
    others: jsonb("others").$type<Answers["others"]>().notNull().default({}),
  },
  (t) => [
    index("survey_response_survey_idx").on(t.surveyId, t.submittedOn),
    uniqueIndex("survey_response_invitation_idx").on(t.invitationId),
  ],
);

/**
 * "One answer per browser" for anonymous surveys without personal data: the browser keeps a random key, the
 * server keeps a SHA-256 of (survey, key), in a table that does not point at the answer.
 */
export const surveyBrowserMark = pgTable(
  "survey_browser_mark",
  {
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => survey.id, { onDelete: "cascade" }),
    keyHash: text("key_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.keyHash] })],
);

/** A tag the coordination puts on a free-text answer (to group what people wrote). */
export const surveyAnswerTag = pgTable(
  "survey_answer_tag",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => survey.id, { onDelete: "cascade" }),
    responseId: uuid("response_id")
      .notNull()
      .references(() => surveyResponse.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    tag: text("tag").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex("survey_answer_tag_unique_idx").on(t.responseId, t.questionId, t.tag),
    index("survey_answer_tag_survey_idx").on(t.surveyId, t.questionId, t.tag),
  ],
);

// ── Needs and resources ──────────────────────────────────────────────────────────────────────────────────────

/** A constat / need of the territory. `objectives` are keys of contracts/objectives. */
export const diagnosticNeed = pgTable(
  "diagnostic_need",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    title: text("title").notNull(),
    description: text("description"),
    theme: text("theme"),
    /** The public concerned (young people, older people, families…). */
    audience: text("audience"),
    /** Which part of the territory (a commune, a neighbourhood, the whole territory). */
    territoryPart: text("territory_part"),
    source: text("source"),
    evidence: text("evidence"),
    objectives: text("objectives").array().notNull().default(sql`'{}'::text[]`),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("diagnostic_need_clsm_idx").on(t.clsmId, t.createdAt)],
);

/** An existing resource: a service, a structure of the directory, an action already carried out. */
export const diagnosticResource = pgTable(
  "diagnostic_resource",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    title: text("title").notNull(),
    /** service | structure | action | autre */
    kind: text("kind").notNull(),
    structureId: uuid("structure_id").references(() => directoryStructure.id, { onDelete: "set null" }),
    description: text("description"),
    audience: text("audience"),
    territoryPart: text("territory_part"),
    objectives: text("objectives").array().notNull().default(sql`'{}'::text[]`),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("diagnostic_resource_clsm_idx").on(t.clsmId, t.createdAt),
    index("diagnostic_resource_structure_idx").on(t.structureId),
  ],
);

/** What a need or a resource rests on: a survey (or one of its questions) or a meeting. */
export const diagnosticLink = pgTable(
  "diagnostic_link",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    needId: uuid("need_id").references(() => diagnosticNeed.id, { onDelete: "cascade" }),
    resourceId: uuid("resource_id").references(() => diagnosticResource.id, { onDelete: "cascade" }),
    surveyId: uuid("survey_id").references(() => survey.id, { onDelete: "cascade" }),
    /** A question of the survey (its id in the definition); null for the survey as a whole. */
    questionId: text("question_id"),
    meetingId: uuid("meeting_id").references(() => meeting.id, { onDelete: "cascade" }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index("diagnostic_link_need_idx").on(t.needId),
    index("diagnostic_link_resource_idx").on(t.resourceId),
    index("diagnostic_link_survey_idx").on(t.surveyId),
    index("diagnostic_link_meeting_idx").on(t.meetingId),
    check("diagnostic_link_owner", sql`num_nonnulls(${t.needId}, ${t.resourceId}) = 1`),
    check("diagnostic_link_target", sql`num_nonnulls(${t.surveyId}, ${t.meetingId}) = 1`),
  ],
);

// ── Territorial figures ──────────────────────────────────────────────────────────────────────────────────────

/**
 * A figure the CLSM adds, always with its source; the département and national values beside it are entered
 * too (nothing is invented). Populations come from the official data of the territory, not from this table.
 */
export const territorialFigure = pgTable(
  "territorial_figure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    label: text("label").notNull(),
    value: numeric("value", { mode: "number" }).notNull(),
    unit: text("unit"),
    year: integer("year").notNull(),
    source: text("source").notNull(),
    /** commune | territoire | departement */
    level: text("level").notNull(),
    communeCode: text("commune_code"),
    departementCode: text("departement_code"),
    departementValue: numeric("departement_value", { mode: "number" }),
    nationalValue: numeric("national_value", { mode: "number" }),
    /** Where the comparison values come from, when not the same source. */
    comparisonSource: text("comparison_source"),
    theme: text("theme"),
    ...timestamps,
  },
  (t) => [index("territorial_figure_clsm_idx").on(t.clsmId, t.label)],
);

// ── Priorities ───────────────────────────────────────────────────────────────────────────────────────────────

/** Members vote on candidate priorities: a dot vote or a ranking, one ballot each, results once closed. */
export const priorityConsultation = pgTable(
  "priority_consultation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    title: text("title").notNull(),
    description: text("description"),
    /** dots | ranking */
    method: text("method").notNull(),
    /** For a dot vote: how many dots each member spreads. */
    dotsPerMember: integer("dots_per_member"),
    /** draft | open | closed */
    status: text("status").notNull().default("draft"),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("priority_consultation_clsm_idx").on(t.clsmId, t.createdAt)],
);

export const priorityCandidate = pgTable(
  "priority_candidate",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => priorityConsultation.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    needId: uuid("need_id").references(() => diagnosticNeed.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
    /** Retained as a priority of the CLSM once the consultation is closed: the entry point of the action plan. */
    chosen: boolean("chosen").notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index("priority_candidate_consultation_idx").on(t.consultationId, t.position),
    index("priority_candidate_chosen_idx").on(t.clsmId).where(sql`${t.chosen}`),
  ],
);

/** One member's ballot: dots per candidate id, or candidate ids in ranked order. */
export const priorityBallot = pgTable(
  "priority_ballot",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => priorityConsultation.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    choices: jsonb("choices").$type<Record<string, number> | string[]>().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("priority_ballot_member_idx").on(t.consultationId, t.userId)],
);

// ── The avis and the diagnostic page ─────────────────────────────────────────────────────────────────────────

/** The CLSM's formal opinion on the PTSM or the diagnostic territorial partagé: draft → adopted → sent. */
export const diagnosticOpinion = pgTable(
  "diagnostic_opinion",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    /** ptsm | diagnostic_territorial */
    subject: text("subject").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** draft | adopted | sent */
    status: text("status").notNull().default("draft"),
    /** The meeting (usually a COPIL or the plénière) that adopted it. */
    meetingId: uuid("meeting_id").references(() => meeting.id, { onDelete: "set null" }),
    adoptedOn: date("adopted_on"),
    sentOn: date("sent_on"),
    sentTo: text("sent_to"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("diagnostic_opinion_clsm_idx").on(t.clsmId, t.createdAt)],
);

/** The diagnostic page's own text and which surveys it shows; the rest is assembled from the tables above. */
export const diagnosticPage = pgTable("diagnostic_page", {
  clsmId: clsmIdColumn().primaryKey(),
  introduction: text("introduction").notNull().default(""),
  conclusion: text("conclusion").notNull().default(""),
  surveyIds: uuid("survey_ids").array().notNull().default(sql`'{}'::uuid[]`),
  updatedAt: timestamps.updatedAt,
});
