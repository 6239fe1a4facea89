// Days and times of meetings as French people read them. Days are "YYYY-MM-DD" and times "HH:MM" in
// Europe/Paris (what the API answers); calendar arithmetic is done on UTC dates, with no time zone involved.

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

const longDate = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const dayMonth = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});
const shortDate = new Intl.DateTimeFormat("fr-FR", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const monthYear = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const parisClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Monday first, as in France. */
export const weekdays = [
  { long: "lundi", short: "lun." },
  { long: "mardi", short: "mar." },
  { long: "mercredi", short: "mer." },
  { long: "jeudi", short: "jeu." },
  { long: "vendredi", short: "ven." },
  { long: "samedi", short: "sam." },
  { long: "dimanche", short: "dim." },
] as const;

export const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase("fr-FR") + s.slice(1);

/** "2026-12-08" → "mardi 8 décembre 2026". */
export const formatLongDate = (date: string) => longDate.format(utc(date));
/** "2026-12-08" → "mardi 8 décembre". */
export const formatDayMonth = (date: string) => dayMonth.format(utc(date));
/** "2026-12-08" → "mar. 8 déc. 2026". */
export const formatShortDate = (date: string) => shortDate.format(utc(date));
/** "14:30" → "14 h 30". */
export const formatTime = (time: string) => {
  const [h = "0", m = "00"] = time.split(":");
  return `${Number(h)} h ${m}`;
};

/** 90 → "1 h 30"; 45 → "45 min"; 120 → "2 h". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}

/** The day and time an instant shows in Paris. */
export function parisParts(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parisClock.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** "mardi 8 décembre 2026, 14 h 30 – 16 h 00" (the end's day is added when it is another day). */
export function formatWhen(m: { startsAt: string; date: string; time: string; durationMinutes: number }) {
  const end = parisParts(new Date(new Date(m.startsAt).getTime() + m.durationMinutes * 60_000));
  const endText =
    end.date === m.date ? formatTime(end.time) : `${formatLongDate(end.date)}, ${formatTime(end.time)}`;
  return `${formatLongDate(m.date)}, ${formatTime(m.time)} – ${endText}`;
}

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** The day of the week, 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (date: string) => (utc(date).getUTCDay() + 6) % 7;

// ─── Months ────────────────────────────────────────────────────────────────────────────────────────────

/** "2026-12-08" → "2026-12". */
export const monthOf = (date: string) => date.slice(0, 7);
export const isMonth = (s: string | null): s is string => s !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return iso(d).slice(0, 7);
}

/** "2026-12" → "décembre 2026". */
export const formatMonth = (month: string) => monthYear.format(utc(`${month}-01`));

/** The weeks (Monday to Sunday) that show a month: from the Monday on or before the 1st to the Sunday after its end. */
export function monthWeeks(month: string): string[][] {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  let day = addDays(first, -weekdayIndex(first));
  const weeks: string[][] = [];
  while (day <= last) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

// ─── Recurrence (the days of a series: occurrences() in contracts/recurrence.ts) ─────────────────────

const ranks = ["1er", "2e", "3e", "4e", "5e"];

/** "le 2e mardi du mois" for a day, as the monthly-by-weekday series reads it. */
export function weekdayRank(date: string): string {
  const rank = Math.floor((utc(date).getUTCDate() - 1) / 7);
  return `le ${ranks[rank]} ${weekdays[weekdayIndex(date)]?.long} du mois`;
}
