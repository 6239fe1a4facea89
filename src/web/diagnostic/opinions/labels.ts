import type { OpinionStatus } from "../../../contracts/diagnostic-opinions";
import type { BadgeTone } from "../../ui/Badge";

export const opinionStatusTones: Record<OpinionStatus, BadgeTone> = {
  draft: "neutral",
  adopted: "primary",
  sent: "success",
};
