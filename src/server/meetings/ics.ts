import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import type { Rsvp } from "../../contracts/meetings";
import { parisParts } from "../platform/dates";

// iCalendar (RFC 5545) for meetings, with ical-generator: invitations and updates (METHOD:REQUEST), cancellations
// (METHOD:CANCEL) and subscription feeds (METHOD:PUBLISH). Conventions (docs/decisions/006):
// - UID `<meetingId>@maillage`, stable for the meeting's whole life, so every mail replaces the same event;
// - SEQUENCE = meeting.sequence, raised by every change sent to invitees (and by the cancellation);
// - times in Europe/Paris (DTSTART;TZID=Europe/Paris) with a real VTIMEZONE, DTSTAMP in UTC;
// - ORGANIZER = the CLSM's name at the platform's sending address; ATTENDEE with RSVP=FALSE: answers go through
//   Maillage's own link (calendar replies would reach a no-reply address).

export const PARIS = "Europe/Paris";

export interface CalendarMeeting {
  id: string;
  title: string;
  description: string | null;
  startsAt: Date;
  durationMinutes: number;
  placeName: string | null;
  address: string | null;
  videoUrl: string | null;
  status: string;
  sequence: number;
  updatedAt: Date;
  agenda?: { title: string; durationMinutes: number | null; presenter: string | null }[];
}

export interface CalendarAttendee {
  name: string;
  email: string;
  rsvp: Rsvp;
}

export const meetingUid = (meetingId: string) => `${meetingId}@maillage`;

const partstat: Record<Rsvp, ICalAttendeeStatus> = {
  pending: ICalAttendeeStatus.NEEDSACTION,
  yes: ICalAttendeeStatus.ACCEPTED,
  no: ICalAttendeeStatus.DECLINED,
  maybe: ICalAttendeeStatus.TENTATIVE,
};

/** The address of "Name <address>" (MAIL_FROM), or the text itself. */
export function mailAddress(from: string): string {
  const match = /<([^>]+)>\s*$/.exec(from);
  return (match?.[1] ?? from).trim();
}

/**
 * A Paris wall-clock time as ical-generator wants it when the event has a time zone: a string without offset,
 * which it reads and prints back in the process's local time — the same digits whatever the server's zone.
 */
const parisWallClock = (instant: Date) => {
  const { date, time } = parisParts(instant);
  return `${date}T${time}:00`;
};

export const endOf = (m: { startsAt: Date; durationMinutes: number }) =>
  new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);

/** The place in one line: name and address. */
export const placeLine = (m: { placeName: string | null; address: string | null }) =>
  [m.placeName, m.address].filter((x): x is string => !!x).join(", ") || null;

/** Minutes as "1 h 30", "45 min". */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  if (!h) return `${min} min`;
  return min ? `${h} h ${String(min).padStart(2, "0")}` : `${h} h`;
}

/** The event's description: the coordination's text, the video link, the agenda, the answer link. */
function describe(m: CalendarMeeting, rsvpUrl?: string): string {
  const parts: string[] = [];
  if (m.description) parts.push(m.description);
  if (m.videoUrl) parts.push(`Visioconférence : ${m.videoUrl}`);
  if (m.agenda?.length) {
    parts.push(
      [
        "Ordre du jour :",
        ...m.agenda.map((item, i) => {
          const extra = [
            item.durationMinutes ? durationText(item.durationMinutes) : null,
            item.presenter,
          ].filter(Boolean);
          return `${i + 1}. ${item.title}${extra.length ? ` (${extra.join(", ")})` : ""}`;
        }),
      ].join("\n"),
    );
  }
  if (rsvpUrl) parts.push(`Répondre à l'invitation : ${rsvpUrl}`);
  return parts.join("\n\n");
}

function calendar(method: ICalCalendarMethod, name?: string) {
  const cal = ical({
    prodId: { company: "Maillage", product: "Reunions", language: "FR" },
    method,
    ...(name ? { name } : {}),
  });
  // No calendar-wide zone (DTSTAMP stays in UTC); events carry TZID=Europe/Paris and the generator writes its
  // VTIMEZONE from the events' zones.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  return cal;
}

function addEvent(
  cal: ReturnType<typeof calendar>,
  m: CalendarMeeting,
  options: {
    organizer: { name: string; email: string };
    attendee?: CalendarAttendee;
    rsvpUrl?: string;
  },
) {
  const cancelled = m.status === "cancelled";
  const event = cal.createEvent({
    id: meetingUid(m.id),
    sequence: m.sequence,
    stamp: new Date(),
    lastModified: m.updatedAt,
    start: parisWallClock(m.startsAt),
    end: parisWallClock(endOf(m)),
    timezone: PARIS,
    summary: cancelled ? `Annulé : ${m.title}` : m.title,
    location: placeLine(m),
    description: describe(m, options.rsvpUrl),
    url: m.videoUrl,
    organizer: options.organizer,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  if (options.attendee)
    event.createAttendee({
      name: options.attendee.name,
      email: options.attendee.email,
      role: ICalAttendeeRole.REQ,
      status: partstat[options.attendee.rsvp],
      rsvp: false,
    });
  return event;
}

/** The calendar part of a convocation (REQUEST) or of a cancellation (CANCEL), for one invitee. */
export function invitationIcs(input: {
  meeting: CalendarMeeting;
  method: "REQUEST" | "CANCEL";
  organizer: { name: string; email: string };
  attendee: CalendarAttendee;
  rsvpUrl?: string;
}): string {
  const cal = calendar(input.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  addEvent(cal, input.meeting, {
    organizer: input.organizer,
    attendee: input.attendee,
    rsvpUrl: input.method === "REQUEST" ? input.rsvpUrl : undefined,
  });
  return cal.toString();
}

/** A subscription feed (PUBLISH): cancelled meetings stay, with STATUS:CANCELLED, so calendars drop them. */
export function feedIcs(input: {
  name: string;
  meetings: CalendarMeeting[];
  organizer: (m: CalendarMeeting) => { name: string; email: string };
}): string {
  const cal = calendar(ICalCalendarMethod.PUBLISH, input.name);
  cal.ttl(60 * 60);
  for (const m of input.meetings) addEvent(cal, m, { organizer: input.organizer(m) });
  return cal.toString();
}
