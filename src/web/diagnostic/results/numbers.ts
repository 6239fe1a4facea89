// How the results' numbers read in French: decimals with a comma, percentages with a narrow space.

const decimalFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const meanFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** A mean, a median, a rank: two decimals at most; "—" when there is none. */
export const decimal = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : meanFormat.format(v);

/** A percentage with one decimal at most; "—" when nobody answered. */
export const percentText = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : `${decimalFormat.format(v)} %`;

/** `part` of `of` as a percentage with one decimal (0 when `of` is 0). */
export const groupShare = (part: number, of: number) => (of > 0 ? Math.round((part / of) * 1000) / 10 : 0);
