import { type OpinionStatus, opinionStatuses } from "../../../contracts/diagnostic-opinions";

const stepLabels: Record<OpinionStatus, string> = {
  draft: "Rédaction du brouillon",
  adopted: "Adoption en séance",
  sent: "Transmission",
};

/** The three steps of an avis, the current one marked (aria-current) and the done ones said. */
export function StatusSteps({ status }: { status: OpinionStatus }) {
  const current = opinionStatuses.indexOf(status);
  return (
    <ol className="opinion-steps" aria-label="Étapes de l'avis">
      {opinionStatuses.map((s, i) => (
        <li
          key={s}
          className={`opinion-steps__step${i < current ? " opinion-steps__step--done" : ""}${
            i === current ? " opinion-steps__step--current" : ""
          }`}
          aria-current={i === current ? "step" : undefined}
        >
          <span className="opinion-steps__number" aria-hidden="true">
            {i < current ? "✓" : i + 1}
          </span>
          {stepLabels[s]}
          {i < current ? <span className="visually-hidden"> (fait)</span> : null}
          {i === current ? <span className="visually-hidden"> (étape en cours)</span> : null}
        </li>
      ))}
    </ol>
  );
}
