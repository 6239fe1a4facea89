import { useCallback, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { SurveyResults } from "../../../contracts/survey-results";
import { NotFoundPage } from "../../app/NotFoundPage";
import { isApiError, messageOf } from "../../lib/api";
import { formatDate, plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Checkbox } from "../../ui/Checkbox";
import { EmptyState } from "../../ui/EmptyState";
import { Loading } from "../../ui/Loading";
import { Page } from "../../ui/Page";
import { keyToString, SelectField } from "../../ui/SelectField";
import { SurveyStateBadge } from "../surveys/SurveyStateBadge";
import { usePublishResults, useSurveyResults } from "./api";
import { daysChart } from "./charts";
import { ExportButtons } from "./ExportButtons";
import { PlotChart } from "./PlotChart";
import { QuestionResultCard } from "./QuestionResultCard";
import { TextAnswers, type TextFilter } from "./TextAnswers";
import "./results.css";

const NONE = "__none";

/**
 * A survey's results: per question a chart with its data table, crossed by one question if asked ("Croiser
 * par…", kept in the address), the free texts with their tags, the exports, and for the coordination the
 * publication to members. While the survey takes answers, the figures are read again every 30 seconds.
 */
export function SurveyResultsPage() {
  const { clsmId = "", surveyId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const by = params.get("par");
  const results = useSurveyResults(clsmId, surveyId, by);
  const data = results.data;
  const isLive = data?.survey.state === "open";
  const days = data?.days;
  const makeDays = useCallback((width: number) => daysChart(days ?? [], width), [days]);
  const [textFilter, setTextFilter] = useState<TextFilter>({ questionId: null, tag: null });
  const textsRef = useRef<HTMLDivElement>(null);
  const showTexts = useCallback((questionId: string) => {
    setTextFilter({ questionId, tag: null });
    textsRef.current?.querySelector("h2")?.scrollIntoView({ block: "start" });
  }, []);

  if (results.isError && (isApiError(results.error, 404) || (isApiError(results.error, 400) && !by)))
    return <NotFoundPage title="Enquête introuvable" />;
  if (!data) {
    return (
      <Page title="Résultats" busy={results.isPending}>
        {results.isError ? (
          <Alert tone="error">
            {messageOf(results.error)} <Link to="?">Voir les résultats sans croisement</Link>
          </Alert>
        ) : (
          <Loading />
        )}
      </Page>
    );
  }
  const sections = sectionsOf(data);
  const setBy = (id: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set("par", id);
      else next.delete("par");
      return next;
    });
  const back = data.can.manage
    ? { to: `/clsm/${clsmId}/diagnostic/enquetes/${surveyId}`, label: "Retour à l'enquête" }
    : { to: `/clsm/${clsmId}/diagnostic/enquetes`, label: "Retour aux enquêtes" };

  return (
    <Page
      title={`Résultats : ${data.survey.title}`}
      eyebrow={<Link to={back.to}>{back.label}</Link>}
      lead={<Lead results={data} live={isLive} />}
      actions={<ExportButtons clsmId={clsmId} surveyId={surveyId} manage={data.can.manage} />}
    >
      {results.isError ? <Alert tone="error">{messageOf(results.error)}</Alert> : null}
      {data.can.manage ? (
        <Publication clsmId={clsmId} surveyId={surveyId} published={data.survey.resultsPublished} />
      ) : null}
      {data.respondents === 0 ? (
        <EmptyState title="Aucune réponse pour l'instant">
          Les résultats s'affichent ici dès les premières réponses
          {isLive ? " (mis à jour toutes les 30 secondes)" : ""}.
        </EmptyState>
      ) : (
        <>
          {data.days.length > 1 ? (
            <figure className="result-chart result-chart--days">
              <PlotChart make={makeDays} />
              <figcaption className="result-chart__caption">Réponses reçues par jour.</figcaption>
            </figure>
          ) : null}
          <div className="results-filters">
            <SelectField
              label="Croiser par…"
              description={
                data.survey.anonymous
                  ? "Chaque résultat est alors détaillé selon la réponse à cette question."
                  : "Chaque résultat est alors détaillé selon la réponse à cette question, ou selon le collège (dans l'annuaire) des personnes qui ont répondu par leur lien personnel."
              }
              options={[
                { id: NONE, label: "Aucun croisement" },
                ...data.crossTabQuestions.map((q) => ({ id: q.id, label: q.label })),
              ]}
              selectedKey={by ?? NONE}
              onSelectionChange={(key) => {
                const id = keyToString(key);
                setBy(id === NONE ? null : id);
              }}
            />
          </div>
          {data.by ? (
            <p className="muted" role="status">
              Résultats croisés par « {data.by.label} » :{" "}
              {data.by.groups.map((g) => `${g.label} (${g.respondents})`).join(", ")}.
            </p>
          ) : null}
          {sections.map((s) => (
            <section key={s.title || "sans-titre"} className="section" aria-label={s.title || "Questions"}>
              {s.title ? <h2>{s.title}</h2> : null}
              {s.questions.map(({ question, number }) => (
                <QuestionResultCard
                  key={question.id}
                  question={question}
                  number={number}
                  groups={data.by?.groups ?? null}
                  onShowTexts={showTexts}
                />
              ))}
            </section>
          ))}
          <div ref={textsRef}>
            <TextAnswers
              clsmId={clsmId}
              surveyId={surveyId}
              manage={data.can.manage}
              live={isLive}
              filter={textFilter}
              onFilter={setTextFilter}
            />
          </div>
        </>
      )}
    </Page>
  );
}

function sectionsOf(data: SurveyResults) {
  const out: {
    title: string;
    questions: { question: SurveyResults["questions"][number]; number: number }[];
  }[] = [];
  data.questions.forEach((question, i) => {
    const last = out.at(-1);
    if (last && last.title === question.sectionTitle) last.questions.push({ question, number: i + 1 });
    else out.push({ title: question.sectionTitle, questions: [{ question, number: i + 1 }] });
  });
  return out;
}

function Lead({ results: r, live }: { results: SurveyResults; live: boolean }) {
  const first = r.days[0]?.day;
  const last = r.days.at(-1)?.day;
  return (
    <p className="badges">
      <SurveyStateBadge state={r.survey.state} />
      <span>{plural(r.respondents, "répondant")}</span>
      {first && last ? (
        <span>
          {first === last ? `le ${formatDate(first)}` : `du ${formatDate(first)} au ${formatDate(last)}`}
        </span>
      ) : null}
      {r.survey.anonymous ? <span>Réponses anonymes</span> : <span>Réponses nominatives</span>}
      {live ? <span>Mis à jour toutes les 30 secondes</span> : null}
    </p>
  );
}

function Publication({
  clsmId,
  surveyId,
  published,
}: {
  clsmId: string;
  surveyId: string;
  published: boolean;
}) {
  const publish = usePublishResults(clsmId, surveyId);
  return (
    <div className="result-publication">
      <Checkbox isSelected={published} isDisabled={publish.isPending} onChange={(v) => publish.mutate(v)}>
        Résultats visibles par les membres du CLSM
      </Checkbox>
      <p className="muted">
        {published
          ? "Les membres lisent ces résultats et les textes libres (sans les noms) ; seule la coordination exporte les réponses brutes."
          : "Pour l'instant, seule la coordination voit ces résultats."}
      </p>
      {publish.isError ? <Alert tone="error">{messageOf(publish.error)}</Alert> : null}
    </div>
  );
}
