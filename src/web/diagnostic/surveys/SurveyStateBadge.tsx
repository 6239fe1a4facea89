import { type SurveyState, surveyStateLabels } from "../../../contracts/surveys";
import { Badge, type BadgeTone } from "../../ui/Badge";

const tones: Record<SurveyState, BadgeTone> = {
  draft: "neutral",
  scheduled: "info",
  open: "success",
  closed: "warning",
};

/** Brouillon, Programmé, Ouvert, Clos. */
export function SurveyStateBadge({ state }: { state: SurveyState }) {
  return <Badge tone={tones[state]}>{surveyStateLabels[state]}</Badge>;
}
