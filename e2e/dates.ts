// Dates of the meeting specs, computed from today (in Paris), so the tests run on any day of the year.

export const parisToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

/** A day of next month, as YYYY-MM-DD. */
export function nextMonthDay(day: number): string {
  const [y, m] = parisToday().split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, day)).toISOString().slice(0, 10);
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** « mardi 15 décembre 2026 » */
export const frLong = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(utc(iso));

/** « Décembre 2026 » */
export const frMonth = (iso: string) => {
  const s = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    utc(iso),
  );
  return s.charAt(0).toUpperCase() + s.slice(1);
};
