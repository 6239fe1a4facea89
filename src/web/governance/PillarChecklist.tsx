import { type Pillar, pillarLabels, pillars } from "../../contracts/directory";
import { Badge } from "../ui/Badge";

/**
 * The four pillars as badges, each marked present (✓) or missing (⚠) in words as well as by colour and sign.
 * `counts` adds the number of members representing each pillar.
 */
export function PillarChecklist({
  missing,
  counts,
  label,
}: {
  missing: readonly Pillar[];
  counts?: Partial<Record<Pillar, number>>;
  label?: string;
}) {
  return (
    <ul className="pillar-set pillar-checklist" aria-label={label}>
      {pillars.map((p) => {
        const present = !missing.includes(p);
        const count = counts?.[p];
        return (
          <li key={p}>
            <Badge tone={present ? "success" : "warning"}>
              <span aria-hidden="true">{present ? "✓ " : "⚠ "}</span>
              {pillarLabels[p]}
              <span className="visually-hidden">{present ? " : représenté" : " : absent"}</span>
              {present && count !== undefined ? ` (${count})` : null}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
