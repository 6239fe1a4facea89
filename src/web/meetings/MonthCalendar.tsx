import { Link } from "react-router";
import type { MeetingListItem } from "../../contracts/meetings";
import { messageOf } from "../lib/api";
import { parisToday, plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Loading } from "../ui/Loading";
import {
  addMonths,
  capitalise,
  formatDayMonth,
  formatMonth,
  formatTime,
  monthOf,
  monthWeeks,
  weekdays,
} from "./dates";

/** The range of days a month's grid shows (whole weeks, Monday to Sunday). */
export function monthRange(month: string): { from: string; to: string } {
  const weeks = monthWeeks(month);
  return { from: weeks[0]?.[0] ?? `${month}-01`, to: weeks[weeks.length - 1]?.[6] ?? `${month}-28` };
}

/**
 * A month of meetings: a table of weeks (Monday first) whose cells list the day's meetings as links; on small
 * screens the same month as a list of days. The month changes with buttons; the new month is announced.
 */
export function MonthCalendar({
  clsmId,
  month,
  onMonthChange,
  meetings,
  isPending,
  error,
}: {
  clsmId: string;
  month: string;
  onMonthChange: (month: string) => void;
  meetings: MeetingListItem[] | undefined;
  isPending: boolean;
  error: unknown;
}) {
  const today = parisToday();
  const weeks = monthWeeks(month);
  const label = formatMonth(month);
  const byDay = new Map<string, MeetingListItem[]>();
  for (const m of meetings ?? []) byDay.set(m.date, [...(byDay.get(m.date) ?? []), m]);
  const inMonth = (meetings ?? []).filter((m) => monthOf(m.date) === month);
  const daysWithMeetings = [...new Set(inMonth.map((m) => m.date))];
  const current = monthOf(today);

  return (
    <section className="calendar" aria-labelledby="calendar-month">
      <div className="calendar__header">
        <h2 id="calendar-month" className="calendar__title">
          {capitalise(label)}
        </h2>
        <div className="calendar__nav">
          <Button size="sm" onPress={() => onMonthChange(addMonths(month, -1))}>
            <span aria-hidden="true">←</span> Mois précédent
          </Button>
          <Button size="sm" isDisabled={month === current} onPress={() => onMonthChange(current)}>
            Mois en cours
          </Button>
          <Button size="sm" onPress={() => onMonthChange(addMonths(month, 1))}>
            Mois suivant <span aria-hidden="true">→</span>
          </Button>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {meetings && !isPending
          ? `${capitalise(label)} : ${inMonth.length === 0 ? "aucune réunion" : plural(inMonth.length, "réunion")}.`
          : ""}
      </p>
      {error ? <Alert tone="error">{messageOf(error)}</Alert> : null}
      {isPending && !meetings ? <Loading label="Chargement du calendrier…" /> : null}
      <table className="calendar__grid">
        <caption className="visually-hidden">Réunions de {label}, par semaine du lundi au dimanche</caption>
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d.long} scope="col">
                <span aria-hidden="true">{capitalise(d.short)}</span>
                <span className="visually-hidden">{d.long}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const items = byDay.get(day) ?? [];
                const isToday = day === today;
                const outside = monthOf(day) !== month;
                return (
                  <td
                    key={day}
                    className={[
                      "calendar__cell",
                      outside ? "calendar__cell--outside" : "",
                      isToday ? "calendar__cell--today" : "",
                    ]
                      .filter(Boolean)
                      .join(" ")}
                    aria-current={isToday ? "date" : undefined}
                  >
                    <span className="calendar__day">
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      <span className="visually-hidden">{formatDayMonth(day)}</span>
                      {isToday ? <span className="calendar__today">aujourd'hui</span> : null}
                    </span>
                    {items.length > 0 ? (
                      <ul className="calendar__meetings">
                        {items.map((m) => (
                          <li key={m.id}>
                            <MeetingLink clsmId={clsmId} meeting={m} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calendar__list">
        {daysWithMeetings.length === 0 ? (
          <p className="muted">Aucune réunion en {label}.</p>
        ) : (
          <ul className="calendar__days">
            {daysWithMeetings.map((day) => (
              <li key={day} className={day === today ? "calendar__cell--today" : undefined}>
                <p className="calendar__list-day">
                  {capitalise(formatDayMonth(day))}
                  {day === today ? <span className="calendar__today">aujourd'hui</span> : null}
                </p>
                <ul className="calendar__meetings">
                  {(byDay.get(day) ?? []).map((m) => (
                    <li key={m.id}>
                      <MeetingLink clsmId={clsmId} meeting={m} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** "14 h 30 Comité de pilotage", struck through with "annulée" when cancelled. */
function MeetingLink({ clsmId, meeting: m }: { clsmId: string; meeting: MeetingListItem }) {
  const cancelled = m.status === "cancelled";
  return (
    <Link
      to={`/clsm/${clsmId}/reunions/${m.id}`}
      className={cancelled ? "calendar__meeting calendar__meeting--cancelled" : "calendar__meeting"}
    >
      <span className="calendar__meeting-text">
        <span className="calendar__time">{formatTime(m.time)}</span> {m.title}
      </span>
      {cancelled ? <span className="calendar__status"> annulée</span> : null}
    </Link>
  );
}
