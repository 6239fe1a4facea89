import type { ClsmScale, ClsmStatus } from "../../contracts/workspaces";
import type { BadgeTone } from "../ui/Badge";

export const statusLabels: Record<ClsmStatus, string> = {
  projet: "En projet",
  actif: "Actif",
  sommeil: "En sommeil",
};

export const statusTones: Record<ClsmStatus, BadgeTone> = {
  projet: "info",
  actif: "success",
  sommeil: "neutral",
};

export const scaleLabels: Record<ClsmScale, string> = {
  infracommunal: "Infra-communal",
  communal: "Communal",
  intercommunal: "Intercommunal",
};

export const statusOptions = (Object.keys(statusLabels) as ClsmStatus[]).map((id) => ({
  id,
  label: statusLabels[id],
}));
