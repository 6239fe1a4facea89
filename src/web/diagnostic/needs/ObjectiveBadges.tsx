import type { Objective } from "../../../contracts/objectives";
import { objectiveLabels } from "../../../contracts/objectives";
import { Badge } from "../../ui/Badge";
import { objectiveShortLabels } from "./labels";

/** The objectives a need or a resource is tagged with (the full wording for screen readers and on hover). */
export function ObjectiveBadges({ objectives }: { objectives: readonly Objective[] }) {
  if (objectives.length === 0) return <span className="muted">Aucun objectif</span>;
  return (
    <ul className="objective-badges" aria-label="Objectifs">
      {objectives.map((o) => (
        <li key={o} title={objectiveLabels[o]}>
          <Badge tone="info">
            <span aria-hidden="true">{objectiveShortLabels[o]}</span>
            <span className="visually-hidden">{objectiveLabels[o]}</span>
          </Badge>
        </li>
      ))}
    </ul>
  );
}
