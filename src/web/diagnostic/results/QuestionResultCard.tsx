import { useCallback } from "react";
import { questionTypeLabels } from "../../../contracts/survey-definition";
import type { QuestionResult } from "../../../contracts/survey-results";
import { formatNumber, plural } from "../../lib/format";
import { Button } from "../../ui/Button";
import { type ChartSpec, chartOf, type Groups } from "./charts";
import { PlotChart } from "./PlotChart";
import { ResultTable } from "./ResultTable";

/** One question's results: a figure (chart + caption) and its data table under it, or its texts' count. */
export function QuestionResultCard({
  question: q,
  number,
  groups,
  onShowTexts,
}: {
  question: QuestionResult;
  number: number;
  groups: Groups | null;
  onShowTexts: (questionId: string) => void;
}) {
  const headingId = `question-${q.id}`;
  const make = useCallback((width: number) => chartOf(q, groups, width) as ChartSpec, [q, groups]);
  const hasChart = chartOf(q, groups, 640) !== null;
  const counts = `${plural(q.answered, "réponse")} sur ${formatNumber(q.seen)} ${q.seen > 1 ? "personnes" : "personne"} à qui la question a été posée`;
  return (
    <section className="result-card card" aria-labelledby={headingId}>
      <h3 id={headingId} className="result-card__title">
        <span className="result-card__number">Q{number}.</span> {q.label}
      </h3>
      <p className="muted result-card__meta">
        {questionTypeLabels[q.type]} · {counts}
      </p>
      {q.figures.kind === "text" ? (
        <p>
          <Button size="sm" onPress={() => onShowTexts(q.id)}>
            Lire les {plural(q.answered, "réponse")}
          </Button>
        </p>
      ) : hasChart ? (
        <>
          <figure className="result-chart">
            <PlotChart make={make} />
            <figcaption className="result-chart__caption">
              {groups ? `${q.label} — par groupe` : q.label} ({counts}).
            </figcaption>
          </figure>
          <details className="result-card__data">
            <summary>Voir les données</summary>
            <ResultTable question={q} groups={groups} />
          </details>
        </>
      ) : (
        <p className="muted">Aucune réponse pour l'instant.</p>
      )}
    </section>
  );
}
