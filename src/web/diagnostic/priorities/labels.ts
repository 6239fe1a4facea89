import type { ConsultationListItem, ConsultationStatus } from "../../../contracts/diagnostic-priorities";
import { formatDateTime, plural } from "../../lib/format";
import type { BadgeTone } from "../../ui/Badge";

export const statusTones: Record<ConsultationStatus, BadgeTone> = {
  draft: "neutral",
  open: "primary",
  closed: "success",
};

/** "5 gommettes par membre" or "Classement de toutes les propositions". */
export function methodLine(c: Pick<ConsultationListItem, "method" | "dotsPerMember">): string {
  return c.method === "dots"
    ? `Vote par gommettes : ${plural(c.dotsPerMember ?? 0, "gommette")} par membre`
    : "Classement de toutes les propositions";
}

/** When the vote closes or closed, if known. */
export function closingLine(
  c: Pick<ConsultationListItem, "status" | "closesAt" | "closedAt">,
): string | null {
  if (c.status === "closed" && c.closedAt) return `Clôturée le ${formatDateTime(c.closedAt)}`;
  if (c.status === "open" && c.closesAt) return `Clôture prévue le ${formatDateTime(c.closesAt)}`;
  return null;
}
