export interface Recurrence {
  frequency: "weekly" | "monthly_day" | "monthly_weekday";
  interval: number;
  /** How many meetings in all, the first included. */
  count: number;
}

// Shared by the server (which creates the series) and the web app (which previews its days): pure calendar
// arithmetic on YYYY-MM-DD days, no time zone involved.

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};

/**
 * The days of a recurring meeting, the first one included. Monthly on a day that a month lacks (the 31st) falls on
 * the month's last day; "the same weekday" keeps the rank (the 2nd Tuesday), and a 5th weekday falls on the last one.
 */
export function occurrences(first: string, r: Recurrence): string[] {
  const start = utc(first);
  const days: string[] = [];
  for (let i = 0; i < r.count; i++) {
    if (r.frequency === "weekly") {
      days.push(addDays(first, 7 * r.interval * i));
      continue;
    }
    const year = start.getUTCFullYear();
    const month = start.getUTCMonth() + r.interval * i;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    if (r.frequency === "monthly_day") {
      days.push(iso(new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)))));
      continue;
    }
    const weekday = start.getUTCDay();
    const rank = Math.floor((start.getUTCDate() - 1) / 7); // 0 = first such weekday of the month
    const firstOfMonth = new Date(Date.UTC(year, month, 1)).getUTCDay();
    let day = 1 + ((weekday - firstOfMonth + 7) % 7) + 7 * rank;
    while (day > lastDay) day -= 7;
    days.push(iso(new Date(Date.UTC(year, month, day))));
  }
  return days;
}
