import { pillarLabels } from "../../contracts/directory";
import { isPillar } from "./labels";

/** One pillar as a badge with its French label; "—" when there is none. */
export function PillarBadge({ pillar }: { pillar: string | null | undefined }) {
  if (!isPillar(pillar)) return <span className="muted">Autres partenaires</span>;
  return (
    <span className={`badge badge--primary pillar-badge pillar-badge--${pillar}`}>
      {pillarLabels[pillar]}
    </span>
  );
}
