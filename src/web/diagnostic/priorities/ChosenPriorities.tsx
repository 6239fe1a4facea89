import { Link } from "react-router";
import { messageOf } from "../../lib/api";
import { Alert } from "../../ui/Alert";
import { useChosenPriorities } from "./api";

/** The priorities the CLSM retained, across consultations: what the action plan will start from. */
export function ChosenPriorities({ clsmId }: { clsmId: string }) {
  const chosen = useChosenPriorities(clsmId);
  const items = chosen.data?.items ?? [];
  return (
    <section className="section" aria-labelledby="priorites-retenues">
      <h2 id="priorites-retenues">Priorités retenues</h2>
      {chosen.isError ? <Alert tone="error">{messageOf(chosen.error)}</Alert> : null}
      {chosen.data && items.length === 0 ? (
        <p className="muted">
          Aucune priorité retenue pour l'instant : elles se choisissent parmi les propositions d'une
          consultation clôturée.
        </p>
      ) : null}
      {items.length > 0 ? (
        <ol className="priority-chosen">
          {items.map((p) => (
            <li key={p.candidateId}>
              <span className="priority-chosen__title">{p.title}</span>
              {p.need ? <span className="muted"> — répond au besoin « {p.need.title} »</span> : null}
              <span className="cell-sub">
                Consultation{" "}
                <Link to={`/clsm/${clsmId}/diagnostic/priorites/${p.consultationId}`}>
                  {p.consultationTitle}
                </Link>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
