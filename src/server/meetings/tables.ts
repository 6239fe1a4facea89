import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "../accounts/tables";
import { directoryPerson } from "../directory/tables";
import { governanceInstance } from "../governance/tables";
import { clsmIdColumn, timestamps } from "../workspaces/columns";
import { clsm } from "../workspaces/tables";

// Meetings of a CLSM: invitees (directory people and guests) with their RSVP and attendance, the agenda, attached
// documents, minutes with decisions, and the follow-ups (actions to follow) they create.

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const meeting = pgTable(
  "meeting",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    /** The instance that meets (its members are invited); null for a meeting of no instance. */
    instanceId: uuid("instance_id").references(() => governanceInstance.id, { onDelete: "set null" }),
    /** Meetings created together by a recurrence share it. */
    seriesId: uuid("series_id"),
    title: text("title").notNull(),
    description: text("description"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    placeName: text("place_name"),
    address: text("address"),
    videoUrl: text("video_url"),
    /** scheduled | cancelled */
    status: text("status").notNull().default("scheduled"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** The iCalendar SEQUENCE: raised by every change sent to invitees, so calendars replace the event. */
    sequence: integer("sequence").notNull().default(0),
    /** Days before the meeting when invitees get a reminder; null = no reminder. */
    reminderDaysBefore: integer("reminder_days_before").default(2),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    /** The minutes: a rich-text document (ProseMirror JSON, validated by the contract), and its plain text. */
    minutes: jsonb("minutes"),
    minutesText: text("minutes_text"),
    /** searchKey (accent-free) of the title and the minutes' text: what full-text search reads. */
    searchText: text("search_text").notNull().default(""),
    minutesUpdatedAt: timestamp("minutes_updated_at", { withTimezone: true }),
    minutesUpdatedBy: text("minutes_updated_by"),
    /** When the minutes were shared with the members (before that, only the coordination reads them). */
    minutesSharedAt: timestamp("minutes_shared_at", { withTimezone: true }),
    createdBy: text("created_by"),
    updatedBy: text("updated_by"),
    ...timestamps,
  },
  (t) => [
    index("meeting_clsm_starts_idx").on(t.clsmId, t.startsAt),
    index("meeting_instance_starts_idx").on(t.instanceId, t.startsAt),
    index("meeting_series_idx").on(t.seriesId),
    index("meeting_search_idx").using("gin", sql`to_tsvector('french', ${t.searchText})`),
  ],
);

export const meetingInvitee = pgTable(
  "meeting_invitee",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    /** The directory person invited; null for a guest outside the directory (or a person since erased). */
    personId: uuid("person_id").references(() => directoryPerson.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email"),
    /** Invited as a member of the meeting's instance (true) or as an extra guest (false). */
    fromInstance: boolean("from_instance").notNull().default(false),
    /** pending | yes | no | maybe */
    rsvp: text("rsvp").notNull().default("pending"),
    /** "I send someone in my place": who. */
    substituteName: text("substitute_name"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    /**
     * Random salt of the invitee's RSVP token. The token is the invitee id with an HMAC of (id, nonce) under the
     * server secret: never stored, the same in every mail (so a reminder does not void the convocation's link),
     * and revoked by drawing a new nonce.
     */
    tokenNonce: text("token_nonce").notNull(),
    convokedAt: timestamp("convoked_at", { withTimezone: true }),
    /** The meeting's sequence last sent to this invitee. */
    convokedSequence: integer("convoked_sequence"),
    lastMailId: uuid("last_mail_id"),
    /** present | excuse | absent | represente; null = not taken yet. */
    attendance: text("attendance"),
    representedBy: text("represented_by"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("meeting_invitee_person_idx")
      .on(t.meetingId, t.personId)
      .where(sql`${t.personId} is not null`),
    index("meeting_invitee_meeting_idx").on(t.meetingId),
    index("meeting_invitee_clsm_person_idx").on(t.clsmId, t.personId),
  ],
);

export const meetingAgendaItem = pgTable(
  "meeting_agenda_item",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    durationMinutes: integer("duration_minutes"),
    presenter: text("presenter"),
    /** pending | treated | postponed (moved to a later meeting) */
    outcome: text("outcome").notNull().default("pending"),
    /** The item of an earlier meeting this one continues (an item not treated, moved here). */
    carriedFromId: uuid("carried_from_id").references((): AnyPgColumn => meetingAgendaItem.id, {
      onDelete: "set null",
    }),
    ...timestamps,
  },
  (t) => [index("meeting_agenda_item_meeting_idx").on(t.meetingId, t.position)],
);

export const meetingDocument = pgTable(
  "meeting_document",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id").references(() => meetingAgendaItem.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    /** Read from the content's signature, never from the name or the client's header. */
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: text("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_document_meeting_idx").on(t.meetingId)],
);

export const meetingDecision = pgTable(
  "meeting_decision",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id").references(() => meetingAgendaItem.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    /** searchKey (accent-free) of the text, for full-text search. */
    searchText: text("search_text").notNull().default(""),
    position: integer("position").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index("meeting_decision_meeting_idx").on(t.meetingId, t.position),
    index("meeting_decision_search_idx").using("gin", sql`to_tsvector('french', ${t.searchText})`),
  ],
);

export const followUp = pgTable(
  "follow_up",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    decisionId: uuid("decision_id").references(() => meetingDecision.id, { onDelete: "set null" }),
    description: text("description").notNull(),
    /** Who carries it: a directory person (null when nobody is named, or the person was erased). */
    assigneePersonId: uuid("assignee_person_id").references(() => directoryPerson.id, {
      onDelete: "set null",
    }),
    dueDate: date("due_date", { mode: "string" }),
    /** open | done */
    status: text("status").notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: text("closed_by"),
    closedByName: text("closed_by_name"),
    lastReminderAt: timestamp("last_reminder_at", { withTimezone: true }),
    createdBy: text("created_by"),
    ...timestamps,
  },
  (t) => [
    index("follow_up_clsm_status_due_idx").on(t.clsmId, t.status, t.dueDate),
    index("follow_up_assignee_idx").on(t.assigneePersonId, t.status),
    index("follow_up_meeting_idx").on(t.meetingId),
  ],
);

/** Private iCalendar feed URLs: a CLSM's meetings, or a person's meetings across their CLSMs. Revocable. */
export const calendarFeed = pgTable(
  "calendar_feed",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** clsm: every meeting of `clsm_id`; personal: the meetings `user_id` is invited to (by e-mail). */
    kind: text("kind").notNull(),
    clsmId: uuid("clsm_id").references(() => clsm.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feed_token_idx").on(t.tokenHash),
    index("calendar_feed_owner_idx").on(t.userId, t.kind, t.clsmId),
  ],
);
