import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { anonymitySentence } from "../../../contracts/survey-answers";
import type { SurveyDetail } from "../../../contracts/surveys";
import { NotFoundPage } from "../../app/NotFoundPage";
import { isApiError, messageOf } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Loading } from "../../ui/Loading";
import { Page } from "../../ui/Page";
import { useSurvey } from "../surveys/api";
import { SurveyStateBadge } from "../surveys/SurveyStateBadge";
import { InvitationsSection } from "./InvitationsSection";
import "./collect.css";

/**
 * Collecting a survey's answers (the coordination): its state and dates, its public link to copy, and the personal
 * links of directory contacts — added one by one or by instance, mailed, reminded, followed.
 */
export function SurveyCollectPage() {
  const { clsmId = "", surveyId = "" } = useParams();
  const survey = useSurvey(clsmId, surveyId);
  if (survey.isPending)
    return (
      <Page title="Diffusion de l'enquête" busy>
        <Loading />
      </Page>
    );
  if (survey.isError) {
    if (isApiError(survey.error, 404) || isApiError(survey.error, 400))
      return <NotFoundPage title="Enquête introuvable" />;
    return (
      <Page title="Diffusion de l'enquête">
        <Alert tone="error">{messageOf(survey.error)}</Alert>
      </Page>
    );
  }
  const s = survey.data;
  const editor = `/clsm/${clsmId}/diagnostic/enquetes/${surveyId}`;
  return (
    <Page
      title={`Diffusion : ${s.title}`}
      eyebrow={<Link to={`/clsm/${clsmId}/diagnostic/enquetes`}>Enquêtes</Link>}
      lead={
        <p>
          <Link to={editor}>Modifier l'enquête</Link> ·{" "}
          <Link to={`${editor}/resultats`}>Voir les résultats</Link>
        </p>
      }
    >
      {s.can.manage ? (
        <>
          <StateAndDates survey={s} editor={editor} />
          <PublicLink survey={s} editor={editor} />
          <InvitationsSection clsmId={clsmId} survey={s} />
        </>
      ) : (
        <Alert tone="info">La diffusion d'une enquête est réservée à la coordination du CLSM.</Alert>
      )}
    </Page>
  );
}

function StateAndDates({ survey: s, editor }: { survey: SurveyDetail; editor: string }) {
  return (
    <section className="section" aria-labelledby="etat">
      <h2 id="etat">État et dates</h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>État</dt>
          <dd>
            <SurveyStateBadge state={s.state} />
          </dd>
        </div>
        <div className="facts__item">
          <dt>Ouverture</dt>
          <dd>{s.opensAt ? formatDateTime(s.opensAt) : "Dès la publication"}</dd>
        </div>
        <div className="facts__item">
          <dt>Clôture</dt>
          <dd>{s.closesAt ? formatDateTime(s.closesAt) : "Pas de date (clôture à la main)"}</dd>
        </div>
        <div className="facts__item">
          <dt>Réponses</dt>
          <dd>{s.responseCount}</dd>
        </div>
      </dl>
      <p className="muted">
        {s.state === "draft"
          ? "L'enquête est un brouillon : publiez-la pour recevoir des réponses. "
          : s.state === "closed"
            ? "L'enquête est close : elle ne reçoit plus de réponses. "
            : null}
        <Link to={editor}>Changer les dates ou publier, clore, rouvrir l'enquête</Link>
      </p>
    </section>
  );
}

function PublicLink({ survey: s, editor }: { survey: SurveyDetail; editor: string }) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const url = s.publicToken ? `${window.location.origin}/questionnaire/${s.publicToken}` : null;
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied("Lien copié dans le presse-papiers.");
    } catch {
      (document.getElementById(`${id}-link`) as HTMLInputElement | null)?.select();
      setCopied("Le lien est sélectionné : copiez-le avec Ctrl+C (ou Cmd+C).");
    }
  };
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Lien public</h2>
      {url ? (
        <>
          <p>
            Toute personne qui a ce lien peut répondre, sans compte, une fois par navigateur. À diffuser par
            affiche, site de la commune, réseaux sociaux, partenaires…
          </p>
          <div className="collect-link">
            <label htmlFor={`${id}-link`} className="field__label">
              Adresse du questionnaire
            </label>
            <div className="collect-link__row">
              <input
                id={`${id}-link`}
                className="field__input"
                readOnly
                value={url}
                onFocus={(e) => e.target.select()}
              />
              <Button onPress={copy}>Copier le lien</Button>
            </div>
            <p className="muted" aria-live="polite">
              {copied}
            </p>
          </div>
          <p>
            Ce que lisent les répondants avant la première question : «{" "}
            {anonymitySentence(s.anonymous, false)} »
          </p>
        </>
      ) : (
        <p>
          Cette enquête n'a pas de lien public : seules les personnes invitées ci-dessous peuvent répondre.{" "}
          <Link to={editor}>Activer le lien public dans les réglages</Link>
        </p>
      )}
    </section>
  );
}
