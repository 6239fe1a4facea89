import type { MeetingListItem } from "../../contracts/meetings";
import type { BadgeTone } from "../ui/Badge";

/** Where a meeting stands: cancelled, to come, or held. */
export function meetingState(m: Pick<MeetingListItem, "status" | "startsAt">): {
  label: string;
  tone: BadgeTone;
} {
  if (m.status === "cancelled") return { label: "Annulée", tone: "warning" };
  return new Date(m.startsAt).getTime() > Date.now()
    ? { label: "À venir", tone: "primary" }
    : { label: "Passée", tone: "neutral" };
}

/** "Mairie, salle du conseil · 1 place du Général-de-Gaulle" or "En visioconférence". */
export function placeText(m: Pick<MeetingListItem, "placeName" | "address" | "videoUrl">): string {
  const place = [m.placeName, m.address].filter(Boolean).join(" · ");
  if (place) return m.videoUrl ? `${place} (et en visioconférence)` : place;
  return m.videoUrl ? "En visioconférence" : "Lieu à préciser";
}

/** A message shown on top of a meeting's page after an action. */
export interface Notice {
  tone: "success" | "error";
  text: string;
}
