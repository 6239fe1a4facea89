import { useCallback, useEffect, useState } from "react";
import { Link, useBlocker, useLocation, useParams } from "react-router";
import { surveyAudienceLabels } from "../../../contracts/surveys";
import { NotFoundPage } from "../../app/NotFoundPage";
import { isApiError, messageOf } from "../../lib/api";
import { plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button, ButtonLink } from "../../ui/Button";
import { ModalDialog } from "../../ui/Dialog";
import { Loading } from "../../ui/Loading";
import { Page } from "../../ui/Page";
import { useSurvey } from "./api";
import { QuestionnaireEditor } from "./QuestionnaireEditor";
import { SurveyLifecycle } from "./SurveyLifecycle";
import { SurveySettingsForm } from "./SurveySettingsForm";
import { SurveyStateBadge } from "./SurveyStateBadge";
import "./surveys.css";

/** The survey builder: settings, publication, and the questionnaire's sections and questions. */
export function SurveyEditorPage() {
  const { clsmId = "", surveyId = "" } = useParams();
  const survey = useSurvey(clsmId, surveyId);
  const initialNotice = (useLocation().state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState(initialNotice);
  const [settingsDirty, setSettingsDirty] = useState(false);
  const [questionsDirty, setQuestionsDirty] = useState(false);
  const dirty = settingsDirty || questionsDirty;
  useUnsavedWarning(dirty);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  if (survey.isError && (isApiError(survey.error, 404) || isApiError(survey.error, 400)))
    return <NotFoundPage title="Enquête introuvable" />;

  const s = survey.data;
  const base = `/clsm/${clsmId}/diagnostic/enquetes`;
  return (
    <Page
      title={s?.title ?? "Enquête"}
      eyebrow={<Link to={base}>Enquêtes</Link>}
      busy={survey.isPending}
      lead={
        s ? (
          <p className="survey-lead">
            <SurveyStateBadge state={s.state} /> {surveyAudienceLabels[s.audience]} ·{" "}
            {s.anonymous ? "anonyme" : "nominative"} · {plural(s.responseCount, "réponse")}
          </p>
        ) : null
      }
      actions={
        s ? (
          <>
            <ButtonLink href={`${base}/${s.id}/apercu`}>Aperçu</ButtonLink>
            {s.can.manage ? <ButtonLink href={`${base}/${s.id}/diffusion`}>Diffusion</ButtonLink> : null}
            {s.state !== "draft" ? (
              <ButtonLink href={`${base}/${s.id}/resultats`}>Résultats</ButtonLink>
            ) : null}
          </>
        ) : null
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {survey.isPending ? <Loading label="Chargement de l'enquête…" /> : null}
      {survey.isError ? <Alert tone="error">{messageOf(survey.error)}</Alert> : null}
      {s && !s.can.manage ? (
        <Alert tone="info">
          Seule la coordination modifie les enquêtes.{" "}
          <Link to={`${base}/${s.id}/apercu`}>Voir le questionnaire</Link>
        </Alert>
      ) : null}
      {s?.can.manage ? (
        <>
          <section className="section" aria-labelledby="survey-settings">
            <h2 id="survey-settings">Réglages</h2>
            <SurveySettingsForm
              clsmId={clsmId}
              survey={s}
              onDirtyChange={setSettingsDirty}
              onSaved={setNotice}
            />
          </section>
          <section className="section" aria-labelledby="survey-publication">
            <h2 id="survey-publication">Publication</h2>
            <SurveyLifecycle clsmId={clsmId} survey={s} dirty={dirty} onDone={setNotice} />
          </section>
          <section className="section" aria-labelledby="survey-questionnaire">
            <h2 id="survey-questionnaire">Questionnaire</h2>
            <QuestionnaireEditor
              clsmId={clsmId}
              survey={s}
              onDirtyChange={setQuestionsDirty}
              onSaved={setNotice}
            />
          </section>
        </>
      ) : null}
      {blocker.state === "blocked" ? (
        <ModalDialog
          title="Quitter sans enregistrer ?"
          role="alertdialog"
          isOpen
          onOpenChange={(open) => {
            if (!open) blocker.reset();
          }}
        >
          {() => (
            <div className="stack">
              <p>Vos modifications de l'enquête ne sont pas enregistrées : elles seront perdues.</p>
              <div className="form__actions">
                <Button variant="primary" onPress={() => blocker.reset()}>
                  Rester sur la page
                </Button>
                <Button variant="danger" onPress={() => blocker.proceed()}>
                  Quitter sans enregistrer
                </Button>
              </div>
            </div>
          )}
        </ModalDialog>
      ) : null}
    </Page>
  );
}

/** Closing or reloading the tab with unsaved changes: the browser asks first. */
function useUnsavedWarning(dirty: boolean) {
  const warn = useCallback((event: BeforeUnloadEvent) => event.preventDefault(), []);
  useEffect(() => {
    if (!dirty) return;
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty, warn]);
}
