import { useState } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { type SurveyListItem, surveyAudienceLabels } from "../../../contracts/surveys";
import { NotFoundPage } from "../../app/NotFoundPage";
import { isApiError, messageOf } from "../../lib/api";
import { formatDate, formatNumber, plural } from "../../lib/format";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { Alert } from "../../ui/Alert";
import { DataTable } from "../../ui/DataTable";
import { EmptyState } from "../../ui/EmptyState";
import { Loading } from "../../ui/Loading";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { SearchField } from "../../ui/SearchField";
import { useClsm } from "../../workspaces/api";
import { useSurveys } from "./api";
import { closingDay } from "./dates";
import { NewSurveyDialog } from "./NewSurveyDialog";
import { SurveyStateBadge } from "./SurveyStateBadge";
import "./surveys.css";

const PAGE_SIZE = 25;

/** The CLSM's surveys: their state, answers, and the way to each of their pages. */
export function SurveysPage() {
  const { clsmId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const q = useDebouncedValue(search.trim(), 300);
  const offset = Math.max(0, Number(params.get("debut") ?? 0) || 0);
  const clsm = useClsm(clsmId);
  const surveys = useSurveys(clsmId, { q: q || undefined, limit: PAGE_SIZE, offset });
  const notice = (useLocation().state as { notice?: string } | null)?.notice;

  if (surveys.isError && (isApiError(surveys.error, 404) || isApiError(surveys.error, 400)))
    return <NotFoundPage title="CLSM introuvable" />;

  const setParam = (key: "q" | "debut", value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "debut") next.delete("debut");
    setParams(next, { replace: true });
  };
  const manage = surveys.data?.can.manage ?? false;
  const total = surveys.data?.total ?? 0;
  return (
    <Page
      title="Enquêtes"
      eyebrow={clsm.data?.name}
      busy={surveys.isPending}
      lead={
        <p>
          Les questionnaires du diagnostic : auprès des habitants et des personnes concernées, ou des
          partenaires.
        </p>
      }
      actions={manage ? <NewSurveyDialog clsmId={clsmId} /> : null}
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="toolbar">
        <SearchField
          label="Chercher une enquête"
          placeholder="Mot du titre"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setParam("q", value.trim() || undefined);
          }}
        />
      </div>
      {surveys.isPending ? <Loading label="Chargement des enquêtes…" /> : null}
      {surveys.isError ? <Alert tone="error">{messageOf(surveys.error)}</Alert> : null}
      {surveys.data ? (
        <p className="muted" aria-live="polite">
          {total === 0 ? "Aucune enquête" : plural(total, "enquête")}
        </p>
      ) : null}
      {surveys.data && total === 0 && !q ? (
        <EmptyState title="Aucune enquête pour l'instant.">
          {manage ? (
            <p>
              Créez-en une avec « Nouvelle enquête » : vierge, ou à partir d'un modèle (perception de la santé
              mentale par les habitants, ressources des partenaires).
            </p>
          ) : (
            <p>Les enquêtes publiées par la coordination apparaîtront ici.</p>
          )}
        </EmptyState>
      ) : null}
      {surveys.data && surveys.data.items.length > 0 ? (
        <SurveyTable clsmId={clsmId} items={surveys.data.items} manage={manage} />
      ) : null}
      <Pagination
        total={total}
        limit={PAGE_SIZE}
        offset={offset}
        onChange={(next) => setParam("debut", next ? String(next) : undefined)}
        label="enquêtes"
      />
    </Page>
  );
}

function SurveyTable({
  clsmId,
  items,
  manage,
}: {
  clsmId: string;
  items: SurveyListItem[];
  manage: boolean;
}) {
  const base = `/clsm/${clsmId}/diagnostic/enquetes`;
  return (
    <DataTable caption="Enquêtes" captionHidden>
      <thead>
        <tr>
          <th scope="col">Enquête</th>
          <th scope="col">État</th>
          <th scope="col">Période</th>
          <th scope="col" className="num">
            Réponses
          </th>
          <th scope="col">Pages</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <Link className="cell-title" to={manage ? `${base}/${s.id}` : `${base}/${s.id}/apercu`}>
                {s.title}
              </Link>
              <span className="cell-sub">
                {surveyAudienceLabels[s.audience]} · {s.anonymous ? "anonyme" : "nominative"} ·{" "}
                {plural(s.questionCount, "question")}
              </span>
            </th>
            <td>
              <SurveyStateBadge state={s.state} />
            </td>
            <td>{period(s)}</td>
            <td className="num">{formatNumber(s.responseCount)}</td>
            <td>
              <ul className="survey-links">
                {manage ? (
                  <li>
                    <Link to={`${base}/${s.id}`} aria-label={`Modifier « ${s.title} »`}>
                      Modifier
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link to={`${base}/${s.id}/apercu`} aria-label={`Aperçu de « ${s.title} »`}>
                    Aperçu
                  </Link>
                </li>
                {manage ? (
                  <li>
                    <Link to={`${base}/${s.id}/diffusion`} aria-label={`Diffusion de « ${s.title} »`}>
                      Diffusion
                    </Link>
                  </li>
                ) : null}
                {s.state !== "draft" ? (
                  <li>
                    <Link to={`${base}/${s.id}/resultats`} aria-label={`Résultats de « ${s.title} »`}>
                      Résultats
                    </Link>
                  </li>
                ) : null}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** "Du 1 mars 2027 au 30 avril 2027", "À partir du …", "Jusqu'au …", or nothing. */
function period(s: SurveyListItem): string {
  const opens = s.opensAt ? formatDate(s.opensAt) : null;
  // A day read as UTC midnight shows as that same day in Paris.
  const closes = s.closesAt ? formatDate(closingDay(s.closesAt)) : null;
  if (opens && closes) return `Du ${opens} au ${closes}`;
  if (opens) return `À partir du ${opens}`;
  if (closes) return `Jusqu'au ${closes}`;
  return "—";
}
