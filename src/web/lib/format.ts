const TIME_ZONE = "Europe/Paris";

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const dateOnly = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: TIME_ZONE });
const dateTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: TIME_ZONE,
});

/** 154167 → "154 167" (French grouping, narrow no-break spaces). */
export const formatNumber = (n: number) => integer.format(n);

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 6 });
/** 12.5 → "12,5", 41000 → "41 000": a figure as it was entered, the French way. */
export const formatDecimal = (n: number) => decimal.format(n);

/** 154167 → "154 167 habitants"; 1 → "1 habitant". */
export const formatPopulation = (n: number) => `${formatNumber(n)} ${n > 1 ? "habitants" : "habitant"}`;

/** A count with its noun in singular or plural: plural(3, "commune") → "3 communes". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(n)} ${n > 1 ? pluralForm : singular}`;
}

export const formatDate = (iso: string) => dateOnly.format(new Date(iso));
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** "a, b et c" */
export const listFormat = new Intl.ListFormat("fr-FR", { style: "long", type: "conjunction" });

/** Today in Europe/Paris as YYYY-MM-DD (the value of a date field). */
export const parisToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
