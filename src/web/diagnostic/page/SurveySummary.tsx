import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from "react-aria-components";
import { Link } from "react-router";
import type { QuestionResult, SurveyResults } from "../../../contracts/survey-results";
import { formatNumber, plural } from "../../lib/format";
import { Badge } from "../../ui/Badge";
import { DataTable } from "../../ui/DataTable";

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const n = (v: number | null) => (v === null ? "—" : decimal.format(v));
const pct = (v: number | null) => (v === null ? "—" : `${decimal.format(v)} %`);

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

function QuestionTable({ question: q }: { question: QuestionResult }) {
  const f = q.figures;
  const caption = `${q.label} (${formatNumber(q.answered)} réponses sur ${formatNumber(q.seen)})`;
  switch (f.kind) {
    case "choices":
    case "rating":
      return (
        <DataTable caption={caption}>
          <thead>
            <tr>
              <th scope="col">Réponse</th>
              <th scope="col" className="num">
                Nombre
              </th>
              <th scope="col" className="num">
                Part
              </th>
            </tr>
          </thead>
          <tbody>
            {f.items.map((i) => (
              <tr key={i.key}>
                <th scope="row">{i.label}</th>
                <td className="num">{formatNumber(i.count)}</td>
                <td className="num">{pct(i.percent)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      );
    case "number":
      return (
        <DataTable caption={caption}>
          <thead>
            <tr>
              <th scope="col">Minimum</th>
              <th scope="col">Maximum</th>
              <th scope="col">Moyenne</th>
              <th scope="col">Médiane</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{n(f.min)}</td>
              <td>{n(f.max)}</td>
              <td>{n(f.mean)}</td>
              <td>{n(f.median)}</td>
            </tr>
          </tbody>
        </DataTable>
      );
    case "ranking":
      return (
        <DataTable caption={caption}>
          <thead>
            <tr>
              <th scope="col">Choix</th>
              <th scope="col" className="num">
                Rang moyen
              </th>
              <th scope="col" className="num">
                Classé premier
              </th>
            </tr>
          </thead>
          <tbody>
            {f.items.map((i) => (
              <tr key={i.key}>
                <th scope="row">{i.label}</th>
                <td className="num">{n(i.averageRank)}</td>
                <td className="num">{formatNumber(i.firstPlaces)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      );
    case "matrix":
      return (
        <DataTable caption={caption}>
          <thead>
            <tr>
              <td />
              {f.columns.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {f.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.counts.map((c, i) => (
                  <td key={f.columns[i]?.key ?? i} className="num">
                    {formatNumber(c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      );
    case "text":
      return (
        <p>
          <strong>{q.label}</strong> : {plural(q.answered, "réponse libre", "réponses libres")}, à lire dans
          les résultats de l'enquête.
        </p>
      );
  }
}
