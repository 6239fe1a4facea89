import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from "react-aria-components";
import { Link } from "react-router";
import type { QuestionResult, SurveyResults } from "../../../contracts/survey-results";
import { formatNumber, plural } from "../../lib/format";
import { Badge } from "../../ui/Badge";
import { ResultTable } from "../results/ResultTable";

/** One selected survey: its respondents, and each question's figures as a table, behind a disclosure. */
export function SurveySummary({ clsmId, results: r }: { clsmId: string; results: SurveyResults }) {
  return (
    <Disclosure className="disclosure card diagnostic-survey">
      <Heading level={3} className="disclosure__heading">
        <AriaButton slot="trigger" className="disclosure__trigger">
          <span className="disclosure__chevron" aria-hidden="true">
            ▸
          </span>
          {r.survey.title}
        </AriaButton>
      </Heading>
      <p className="badges">
        <span>{plural(r.respondents, "répondant")}</span>
        {r.survey.anonymous ? <Badge tone="info">Anonyme</Badge> : null}
        {r.survey.resultsPublished ? null : (
          <Badge tone="warning">Résultats réservés à la coordination</Badge>
        )}
        <Link to={`/clsm/${clsmId}/diagnostic/enquetes/${r.survey.id}/resultats`}>Tous les résultats</Link>
      </p>
      <DisclosurePanel className="disclosure__panel stack">
        {r.questions.map((q) => (
          <QuestionTable key={q.id} question={q} />
        ))}
      </DisclosurePanel>
    </Disclosure>
  );
}

/** A question's table with its counts in the caption; free texts are only counted (read them in the results). */
function QuestionTable({ question: q }: { question: QuestionResult }) {
  if (q.figures.kind === "text")
    return (
      <p>
        <strong>{q.label}</strong> : {plural(q.answered, "réponse libre", "réponses libres")}, à lire dans les
        résultats de l'enquête.
      </p>
    );
  const caption = `${q.label} (${formatNumber(q.answered)} réponses sur ${formatNumber(q.seen)})`;
  return <ResultTable question={q} groups={null} caption={caption} />;
}
