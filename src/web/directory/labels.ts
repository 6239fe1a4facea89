import { type Pillar, pillarLabels, pillars } from "../../contracts/directory";

export const pillarOptions = pillars.map((id) => ({ id, label: pillarLabels[id] }));

export const isPillar = (value: unknown): value is Pillar =>
  typeof value === "string" && (pillars as readonly string[]).includes(value);

/** "Madame Anne Le Bris" / "Anne Le Bris". */
export const personName = (p: { firstName: string; lastName: string }) =>
  `${p.firstName} ${p.lastName}`.trim();
