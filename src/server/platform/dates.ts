// Dates as French users mean them: days and times in Europe/Paris, whatever the server's time zone.

const parisFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The day (YYYY-MM-DD) and time (HH:MM) an instant shows in Europe/Paris. */
export function parisParts(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parisFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Today in Europe/Paris, as YYYY-MM-DD. */
export const parisToday = () => parisParts(new Date()).date;

/** How far Paris is ahead of UTC at an instant (1 h in winter, 2 h in summer), in ms. */
function parisOffsetMs(instant: Date): number {
  const { date, time } = parisParts(instant);
  const shown = Date.parse(`${date}T${time}:00Z`);
  return shown - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant of a Paris wall-clock day and time. Two passes settle the offset across daylight-saving changes; a time
 * skipped by the spring change (02:30 on the last Sunday of March) lands one hour later, as calendars do.
 */
export function parisToUtc(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let t = wall - parisOffsetMs(new Date(wall));
  t = wall - parisOffsetMs(new Date(t));
  return new Date(t);
}

/** Adds days to a YYYY-MM-DD day (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
