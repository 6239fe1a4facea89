import { Link } from "react-router";
import { messageOf } from "../lib/api";
import { formatNumber } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { useYearlyCheck } from "./api";

/**
 * The year's record: whether the plénière met (at least once a year) and how often the COPIL met, in the API's
 * own sentences, then the meetings held and planned per instance.
 */
export function YearlyCheckCard({ clsmId }: { clsmId: string }) {
  const check = useYearlyCheck(clsmId);
  if (check.isPending) return null;
  if (check.isError) return <Alert tone="error">{messageOf(check.error)}</Alert>;
  const y = check.data;
  return (
    <section className="card yearly-check" aria-labelledby="bilan-annuel">
      <div className="yearly-check__header">
        <h2 id="bilan-annuel">Bilan {y.year}</h2>
        <p className="badges">
          {y.pleniereHeld ? (
            <Badge tone="success">Plénière tenue</Badge>
          ) : (
            <Badge tone="warning">Plénière à tenir</Badge>
          )}
          <Badge tone={y.copilMeetings > 0 ? "success" : "warning"}>
            {y.copilMeetings === 0
              ? "COPIL pas encore réuni"
              : `COPIL réuni ${formatNumber(y.copilMeetings)} fois`}
          </Badge>
        </p>
      </div>
      <ul className="yearly-check__notes">
        {y.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {y.instances.length > 0 ? (
        <table className="yearly-check__table">
          <caption className="visually-hidden">Réunions par instance en {y.year}</caption>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col" className="num">
                Tenues
              </th>
              <th scope="col" className="num">
                Programmées
              </th>
            </tr>
          </thead>
          <tbody>
            {y.instances.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <Link to={`/clsm/${clsmId}/instances/${i.id}`}>{i.name}</Link>
                </th>
                <td className="num">{formatNumber(i.held)}</td>
                <td className="num">{formatNumber(i.planned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
