import { addDays, parisParts } from "../../meetings/dates";

// Opening and closing days as coordinators choose them (Europe/Paris), and the instants the API keeps: a survey
// opens at the start of its opening day and closes at the end of its closing day (the next day's midnight).

/** How far Paris is ahead of UTC at an instant, in ms. */
function parisOffset(instant: number): number {
  const { date, time } = parisParts(new Date(instant));
  return Date.parse(`${date}T${time}:00Z`) - Math.floor(instant / 60_000) * 60_000;
}

/** The instant a day (YYYY-MM-DD) starts in Paris; two passes settle the offset across a clock change. */
function parisMidnight(day: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  let t = wall - parisOffset(wall);
  t = wall - parisOffset(t);
  return new Date(t);
}

export const opensAtOf = (day: string) => parisMidnight(day).toISOString();
export const closesAtOf = (day: string) => parisMidnight(addDays(day, 1)).toISOString();
export const openingDay = (opensAt: string) => parisParts(new Date(opensAt)).date;
/** The last day answers are taken (a closing at midnight belongs to the day before). */
export const closingDay = (closesAt: string) => parisParts(new Date(Date.parse(closesAt) - 1)).date;
