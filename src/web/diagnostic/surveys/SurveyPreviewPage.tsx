import { Link, useParams } from "react-router";
import { anonymitySentence } from "../../../contracts/survey-answers";
import { NotFoundPage } from "../../app/NotFoundPage";
import { isApiError, messageOf } from "../../lib/api";
import { Alert } from "../../ui/Alert";
import { Loading } from "../../ui/Loading";
import { Page } from "../../ui/Page";
import { useClsm } from "../../workspaces/api";
import { SurveyForm } from "../answering/SurveyForm";
import { useSurvey } from "./api";
import "./surveys.css";

/**
 * The questionnaire as respondents will see it (introduction, anonymity, conditions, FALC), with the answering
 * form itself in preview mode: answers are checked, never sent.
 */
export function SurveyPreviewPage() {
  const { clsmId = "", surveyId = "" } = useParams();
  const survey = useSurvey(clsmId, surveyId);
  const clsm = useClsm(clsmId);

  if (survey.isError && (isApiError(survey.error, 404) || isApiError(survey.error, 400)))
    return <NotFoundPage title="Enquête introuvable" />;

  const s = survey.data;
  const back = `/clsm/${clsmId}/diagnostic/enquetes${s?.can.manage ? `/${surveyId}` : ""}`;
  return (
    <Page
      title={s ? `Aperçu : ${s.title}` : "Aperçu du questionnaire"}
      eyebrow={<Link to={back}>{s?.can.manage ? "Retour à l'enquête" : "Enquêtes"}</Link>}
      busy={survey.isPending}
      width="narrow"
      lead={s?.introduction ? <p className="survey-introduction">{s.introduction}</p> : null}
    >
      {survey.isPending ? <Loading label="Chargement du questionnaire…" /> : null}
      {survey.isError ? <Alert tone="error">{messageOf(survey.error)}</Alert> : null}
      {s ? (
        <>
          <Alert tone="info">
            Aperçu : le questionnaire tel que les répondants le verront. Vous pouvez le remplir pour essayer
            les conditions ; rien n'est enregistré.
          </Alert>
          <section aria-labelledby="preview-anonymity" className="card stack">
            <h2 id="preview-anonymity">
              {s.anonymous ? "Vos réponses sont anonymes" : "Vos réponses sont nominatives"}
            </h2>
            <p>{anonymitySentence(s.anonymous, false)}</p>
          </section>
          {s.questionCount === 0 ? (
            <p className="muted">Ce questionnaire n'a pas encore de question.</p>
          ) : (
            <SurveyForm
              definition={s.definition}
              communes={clsm.data?.territory.communes ?? []}
              falc={s.audience === "public"}
              preview
            />
          )}
        </>
      ) : null}
    </Page>
  );
}
