import { useState } from "react";
import { Link, useParams } from "react-router";
import { resourceKindLabels } from "../../contracts/diagnostic-needs";
import { opinionStatusLabels, opinionSubjectLabels } from "../../contracts/diagnostic-opinions";
import type { DiagnosticPage as DiagnosticPageData } from "../../contracts/diagnostic-page";
import { messageOf } from "../lib/api";
import { formatDate, formatNumber, formatPopulation } from "../lib/format";
import { formatLongDate } from "../meetings/dates";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { opinionStatusTones } from "./opinions/labels";
import { diagnosticBase, useDiagnosticPage } from "./page/api";
import { DownloadButton } from "./page/DownloadButton";
import { PageEditor } from "./page/PageEditor";
import { SurveySummary } from "./page/SurveySummary";
import "./page/page.css";

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const n = (v: number | null) => (v === null ? "—" : decimal.format(v));

/**
 * The diagnostic's summary page: the territory, the CLSM's introduction, the selected surveys' results, needs and
 * resources by objective, figures with their sources, chosen priorities, the latest avis and the conclusion; the
 * same as a Word document to share.
 */
export function DiagnosticPage() {
  const { clsmId = "" } = useParams();
  const page = useDiagnosticPage(clsmId);
  const [saved, setSaved] = useState(false);
  const p = page.data;
  return (
    <Page
      title="Diagnostic partagé"
      eyebrow={p?.clsm.name}
      busy={page.isPending}
      lead={
        <p>
          Ce que le CLSM sait de son territoire : les chiffres, ce que disent les habitants et les
          partenaires, les besoins et les ressources, les priorités retenues et l'avis rendu.
        </p>
      }
      actions={
        p ? (
          <>
            <DownloadButton path={`${diagnosticBase(clsmId)}/export.docx`} fallbackName="diagnostic.docx">
              Télécharger (DOCX)
            </DownloadButton>
            {p.can.manage ? <PageEditor clsmId={clsmId} page={p} onSaved={() => setSaved(true)} /> : null}
          </>
        ) : null
      }
    >
      {saved ? <Alert tone="success">La page du diagnostic est enregistrée.</Alert> : null}
      {page.isPending ? <Loading label="Chargement du diagnostic…" /> : null}
      {page.isError ? <Alert tone="error">{messageOf(page.error)}</Alert> : null}
      {p ? <Content clsmId={clsmId} page={p} /> : null}
    </Page>
  );
}

function Content({ clsmId, page: p }: { clsmId: string; page: DiagnosticPageData }) {
  const base = `/clsm/${clsmId}/diagnostic`;
  const groups = p.objectives.filter((g) => g.needs.length || g.resources.length);
  return (
    <>
      <section className="section" aria-labelledby="territoire">
        <h2 id="territoire">Le territoire</h2>
        <dl className="facts">
          <div className="facts__item">
            <dt>Population</dt>
            <dd>{formatPopulation(p.territory.total)}</dd>
          </div>
          <div className="facts__item">
            <dt>Communes</dt>
            <dd>{formatNumber(p.territory.communes.length)}</dd>
          </div>
        </dl>
        <p className="muted">
          Source : {p.territory.official ? p.territory.source : p.territory.quartiersSource}.
        </p>
      </section>

      <section className="section" aria-labelledby="introduction">
        <h2 id="introduction">Introduction</h2>
        {p.introduction ? (
          <div className="diagnostic-text pre-line">{p.introduction}</div>
        ) : (
          <p className="muted">
            {p.can.manage
              ? "Pas encore d'introduction : « Modifier la page » pour présenter la démarche."
              : "Pas encore d'introduction."}
          </p>
        )}
      </section>

      <section className="section" aria-labelledby="enquetes">
        <h2 id="enquetes">Ce que disent les enquêtes</h2>
        {p.surveys.length === 0 ? (
          <p className="muted">
            Aucune enquête présentée. {p.can.manage ? "Choisissez-en avec « Modifier la page »." : null}{" "}
            <Link to={`${base}/enquetes`}>Voir les enquêtes</Link>
          </p>
        ) : (
          p.surveys.map((s) => <SurveySummary key={s.survey.id} clsmId={clsmId} results={s} />)
        )}
      </section>

      <section className="section" aria-labelledby="besoins">
        <h2 id="besoins">Besoins et ressources par objectif</h2>
        {groups.length === 0 ? (
          <p className="muted">
            Aucun besoin ni ressource enregistré. <Link to={`${base}/besoins`}>Besoins et ressources</Link>
          </p>
        ) : (
          groups.map((g) => (
            <div key={g.objective ?? "aucun"} className="card diagnostic-objective">
              <h3>{g.label}</h3>
              <div className="diagnostic-objective__columns">
                <div>
                  <h4>Besoins constatés ({formatNumber(g.needs.length)})</h4>
                  {g.needs.length ? (
                    <ul>
                      {g.needs.map((x) => (
                        <li key={x.id}>
                          <strong>{x.title}</strong>
                          {x.description ? <span className="cell-sub">{x.description}</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Aucun besoin enregistré.</p>
                  )}
                </div>
                <div>
                  <h4>Ressources existantes ({formatNumber(g.resources.length)})</h4>
                  {g.resources.length ? (
                    <ul>
                      {g.resources.map((r) => (
                        <li key={r.id}>
                          <strong>{r.title}</strong>{" "}
                          <span className="muted">({resourceKindLabels[r.kind]})</span>
                          {r.structure ? <span className="cell-sub">{r.structure.name}</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Aucune ressource enregistrée.</p>
                  )}
                </div>
              </div>
            </div>
          ))
        )}
      </section>

      <section className="section" aria-labelledby="chiffres">
        <h2 id="chiffres">Chiffres du territoire</h2>
        {p.figures.length === 0 ? (
          <p className="muted">
            Aucun chiffre ajouté. <Link to={`${base}/chiffres`}>Chiffres du territoire</Link>
          </p>
        ) : (
          <DataTable caption="Chiffres du territoire, avec leur source" captionHidden>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col" className="num">
                  Valeur
                </th>
                <th scope="col">Année</th>
                <th scope="col" className="num">
                  Département
                </th>
                <th scope="col" className="num">
                  France
                </th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {p.figures.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    {f.label}
                    {f.communeName ? <span className="cell-sub">{f.communeName}</span> : null}
                  </th>
                  <td className="num">
                    {n(f.value)}
                    {f.unit ? ` ${f.unit}` : ""}
                  </td>
                  <td>{f.year}</td>
                  <td className="num">{n(f.departementValue)}</td>
                  <td className="num">{n(f.nationalValue)}</td>
                  <td>{[f.source, f.comparisonSource].filter(Boolean).join(" ; ")}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section className="section" aria-labelledby="priorites">
        <h2 id="priorites">Priorités retenues</h2>
        {p.priorities.length === 0 ? (
          <p className="muted">
            Aucune priorité retenue. <Link to={`${base}/priorites`}>Consultations sur les priorités</Link>
          </p>
        ) : (
          <ol>
            {p.priorities.map((x) => (
              <li key={x.candidateId}>
                <strong>{x.title}</strong>
                {x.need ? <span className="muted"> — répond au besoin « {x.need.title} »</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="section" aria-labelledby="avis">
        <h2 id="avis">Avis du CLSM</h2>
        {p.opinion ? (
          <p className="badges">
            <Link to={`${base}/avis/${p.opinion.id}`}>{p.opinion.title}</Link>
            <Badge tone="info">{opinionSubjectLabels[p.opinion.subject]}</Badge>
            <Badge tone={opinionStatusTones[p.opinion.status]}>{opinionStatusLabels[p.opinion.status]}</Badge>
            {p.opinion.meeting ? (
              <span>
                adopté en séance : {p.opinion.meeting.title} du {formatLongDate(p.opinion.meeting.date)}
              </span>
            ) : p.opinion.adoptedOn ? (
              <span>adopté le {formatDate(p.opinion.adoptedOn)}</span>
            ) : null}
          </p>
        ) : (
          <EmptyState title="Aucun avis rédigé.">
            <Link to={`${base}/avis`}>Les avis du CLSM</Link>
          </EmptyState>
        )}
      </section>

      <section className="section" aria-labelledby="conclusion">
        <h2 id="conclusion">Conclusion</h2>
        {p.conclusion ? (
          <div className="diagnostic-text pre-line">{p.conclusion}</div>
        ) : (
          <p className="muted">Pas encore de conclusion.</p>
        )}
        {p.updatedAt ? <p className="muted">Page mise à jour le {formatDate(p.updatedAt)}.</p> : null}
      </section>
    </>
  );
}
