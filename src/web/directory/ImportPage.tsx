import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import {
  type ImportDecision,
  type ImportDetail,
  type ImportMapping,
  importFields,
} from "../../contracts/directory-import";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { formatDateTime, formatNumber, plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { DataTable } from "../ui/DataTable";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { Pagination } from "../ui/Pagination";
import { SelectField } from "../ui/SelectField";
import { importStatusLabels } from "./ImportsPage";
import {
  decisionLabels,
  importFieldLabels,
  useCommit,
  useImport,
  useImportPreview,
  useSetDecision,
  useSetMapping,
  useUndo,
} from "./import-api";

const IGNORE = "ignorer";
const fieldOptions = [
  { id: IGNORE, label: "Ne pas importer" },
  ...importFields.map((id) => ({ id, label: importFieldLabels[id] })),
];

export function ImportPage() {
  const { clsmId = "", importId = "" } = useParams();
  const commit = useCommit(clsmId, importId);
  const imp = useImport(clsmId, importId);

  if (imp.isError && (isApiError(imp.error, 404) || isApiError(imp.error, 400)))
    return <NotFoundPage title="Import introuvable" />;
  if (imp.isError)
    return (
      <Page title="Import">
        <Alert tone="error">{messageOf(imp.error)}</Alert>
      </Page>
    );
  if (imp.isPending)
    return (
      <Page title="Chargement de l'import…" busy>
        <Loading label="Chargement de l'import…" />
      </Page>
    );
  const i = imp.data;
  const [statusLabel, tone] = importStatusLabels[i.status];
  return (
    <Page
      title={`Import de ${i.fileName}`}
      eyebrow="Annuaire · Import"
      lead={
        <p className="badges">
          <Badge tone={tone}>
            <span className="visually-hidden">État : </span>
            {statusLabel}
          </Badge>
          <span>
            Déposé le {formatDateTime(i.createdAt)} par {i.createdBy.name} · {plural(i.totalRows, "ligne")}
          </span>
        </p>
      }
    >
      {i.status === "draft" || i.status === "committing" ? (
        <DraftImport clsmId={clsmId} imp={i} commit={commit} />
      ) : (
        <ImportResult clsmId={clsmId} imp={i} justCommitted={commit.isSuccess} />
      )}
      <p>
        <Link to={`/clsm/${clsmId}/annuaire/imports`}>Revenir aux imports</Link>
      </p>
    </Page>
  );
}

function DraftImport({
  clsmId,
  imp,
  commit,
}: {
  clsmId: string;
  imp: ImportDetail;
  commit: ReturnType<typeof useCommit>;
}) {
  return (
    <>
      <MappingForm clsmId={clsmId} imp={imp} />
      <Preview clsmId={clsmId} imp={imp} commit={commit} />
    </>
  );
}

function MappingForm({ clsmId, imp }: { clsmId: string; imp: ImportDetail }) {
  const setMapping = useSetMapping(clsmId, imp.id);
  const [mapping, setLocal] = useState<ImportMapping>(imp.mapping);
  const [saved, setSaved] = useState(false);
  // Follow the server's mapping when it changes (not on every refetch: unsaved choices stay).
  const serverMapping = JSON.stringify(imp.mapping);
  useEffect(() => setLocal(JSON.parse(serverMapping) as ImportMapping), [serverMapping]);
  const changed = mapping.some((m, idx) => m !== imp.mapping[idx]);
  return (
    <section className="section" aria-labelledby="correspondance">
      <div className="section__header">
        <h2 id="correspondance">1. Correspondance des colonnes</h2>
      </div>
      <p>Maillage a deviné à quoi correspond chaque colonne du fichier ; corrigez si besoin.</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          setMapping.mutate(mapping, { onSuccess: () => setSaved(true) });
        }}
      >
        {setMapping.isError ? <Alert tone="error">{messageOf(setMapping.error)}</Alert> : null}
        <div className="mapping-grid">
          {imp.headers.map((header, idx) => (
            <SelectField
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their position
              key={idx}
              label={`Colonne « ${header || `n° ${idx + 1}`} »`}
              options={fieldOptions}
              selectedKey={mapping[idx] ?? IGNORE}
              onSelectionChange={(k) => {
                setSaved(false);
                setLocal((m) =>
                  m.map((v, j) =>
                    j === idx ? (k === IGNORE || k === null ? null : (k as ImportMapping[number])) : v,
                  ),
                );
              }}
            />
          ))}
        </div>
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={setMapping.isPending} isDisabled={!changed}>
            Appliquer la correspondance
          </Button>
        </div>
        <div aria-live="polite" className="selection-status">
          {saved ? <p>La correspondance est appliquée ; l'aperçu est à jour.</p> : null}
        </div>
      </form>
    </section>
  );
}

function Preview({
  clsmId,
  imp,
  commit,
}: {
  clsmId: string;
  imp: ImportDetail;
  commit: ReturnType<typeof useCommit>;
}) {
  const [only, setOnly] = useState<"all" | "problems" | "duplicates">("all");
  const [offset, setOffset] = useState(0);
  const preview = useImportPreview(clsmId, imp.id, only, offset);
  const decide = useSetDecision(clsmId, imp.id);
  const mappedFields = imp.mapping.filter((m): m is NonNullable<typeof m> => m !== null);
  const counts = preview.data?.counts;

  return (
    <>
      <section className="section" aria-labelledby="apercu">
        <div className="section__header">
          <h2 id="apercu">2. Aperçu, problèmes et doublons</h2>
        </div>
        {counts ? (
          <dl className="facts">
            <div className="facts__item">
              <dt>Lignes</dt>
              <dd>{formatNumber(counts.rows)}</dd>
            </div>
            <div className="facts__item">
              <dt>Prêtes</dt>
              <dd>{formatNumber(counts.ready)}</dd>
            </div>
            <div className="facts__item">
              <dt>Avec un problème</dt>
              <dd>{formatNumber(counts.errors)}</dd>
            </div>
            <div className="facts__item">
              <dt>Doublons</dt>
              <dd>{formatNumber(counts.duplicates)}</dd>
            </div>
          </dl>
        ) : null}
        <div className="toolbar">
          <SelectField
            label="Afficher"
            options={[
              { id: "all", label: "Toutes les lignes" },
              { id: "problems", label: "Les lignes avec un problème" },
              { id: "duplicates", label: "Les doublons" },
            ]}
            selectedKey={only}
            onSelectionChange={(k) => {
              setOnly((k ?? "all") as typeof only);
              setOffset(0);
            }}
          />
        </div>
        {decide.isError ? <Alert tone="error">{messageOf(decide.error)}</Alert> : null}
        {preview.isPending ? <Loading label="Chargement de l'aperçu…" /> : null}
        {preview.isError ? <Alert tone="error">{messageOf(preview.error)}</Alert> : null}
        {preview.data && preview.data.items.length === 0 ? <p>Aucune ligne à afficher.</p> : null}
        {preview.data && preview.data.items.length > 0 ? (
          <>
            <DataTable caption="Aperçu des lignes du fichier" captionHidden>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  {mappedFields.map((f) => (
                    <th key={f} scope="col">
                      {importFieldLabels[f]}
                    </th>
                  ))}
                  <th scope="col">Problèmes</th>
                  <th scope="col">Doublon</th>
                </tr>
              </thead>
              <tbody>
                {preview.data.items.map((row) => (
                  <tr key={row.index} className={row.problems.length > 0 ? "row--problem" : undefined}>
                    <th scope="row">{row.line}</th>
                    {mappedFields.map((f) => (
                      <td key={f}>{row.values[f] || <span className="muted">—</span>}</td>
                    ))}
                    <td>
                      {row.problems.length === 0 ? (
                        <span className="muted">Aucun</span>
                      ) : (
                        <ul className="problems">
                          {row.problems.map((p) => (
                            <li key={`${p.code}-${p.field ?? ""}`}>
                              <span aria-hidden="true">⚠ </span>
                              {p.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {row.duplicate ? (
                        <div className="stack stack--tight">
                          <span>
                            {row.duplicate.matchedBy === "file"
                              ? "Déjà dans le fichier : "
                              : "Déjà dans l'annuaire : "}
                            {row.duplicate.label}
                          </span>
                          <SelectField
                            label={`Doublon de la ligne ${row.line}`}
                            options={(["skip", "update", "create"] as ImportDecision[])
                              .filter((d) =>
                                d === "create"
                                  ? row.duplicate?.canCreate
                                  : d === "update"
                                    ? row.duplicate?.personId
                                    : true,
                              )
                              .map((d) => ({ id: d, label: decisionLabels[d] }))}
                            selectedKey={row.duplicate.decision}
                            onSelectionChange={(k) =>
                              k && decide.mutate({ index: row.index, decision: k as ImportDecision })
                            }
                          />
                        </div>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <Pagination
              label="lignes"
              total={preview.data.total}
              limit={50}
              offset={offset}
              onChange={setOffset}
            />
          </>
        ) : null}
      </section>
      <section className="section" aria-labelledby="valider">
        <div className="section__header">
          <h2 id="valider">3. Valider</h2>
        </div>
        <p>
          L'import se fait en une fois : si une erreur survient, rien n'est ajouté. Les lignes avec un
          problème et les doublons ignorés ne sont pas importés.
        </p>
        {commit.isError ? <Alert tone="error">{messageOf(commit.error)}</Alert> : null}
        {commit.isPending || imp.status === "committing" ? (
          <CommitProgressBar
            done={commit.progress?.done ?? 0}
            total={commit.progress?.total ?? imp.totalRows}
          />
        ) : null}
        <div className="form__actions">
          <Button
            variant="primary"
            isPending={commit.isPending}
            isDisabled={imp.status === "committing"}
            onPress={() => commit.mutate(undefined)}
          >
            Importer dans l'annuaire
          </Button>
        </div>
      </section>
    </>
  );
}

function CommitProgressBar({ done, total }: { done: number; total: number }) {
  return (
    <div className="stack">
      <label htmlFor="import-progress">Import en cours…</label>
      <progress
        id="import-progress"
        max={Math.max(total, 1)}
        value={done}
        aria-valuetext={`${formatNumber(done)} ${done > 1 ? "lignes traitées" : "ligne traitée"} sur ${formatNumber(total)}`}
      />
    </div>
  );
}

function ImportResult({
  clsmId,
  imp,
  justCommitted,
}: {
  clsmId: string;
  imp: ImportDetail;
  justCommitted: boolean;
}) {
  const undo = useUndo(clsmId, imp.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="section" aria-labelledby="resultat">
      <h2 id="resultat">Résultat</h2>
      {justCommitted && imp.status === "committed" ? (
        <Alert tone="success" title="Import terminé">
          {plural(imp.createdCount, "personne créée", "personnes créées")},{" "}
          {plural(imp.updatedCount, "mise à jour", "mises à jour")},{" "}
          {plural(imp.skippedCount, "ligne ignorée", "lignes ignorées")}.
        </Alert>
      ) : null}
      {imp.status === "undone" ? (
        <Alert tone="info">
          Cet import a été annulé{imp.undoneAt ? ` le ${formatDateTime(imp.undoneAt)}` : ""} : les personnes
          qu'il avait créées ont été retirées et les fiches mises à jour ont retrouvé leurs valeurs.
        </Alert>
      ) : null}
      <dl className="facts">
        <div className="facts__item">
          <dt>Créées</dt>
          <dd data-testid="import-created">{formatNumber(imp.createdCount)}</dd>
        </div>
        <div className="facts__item">
          <dt>Mises à jour</dt>
          <dd data-testid="import-updated">{formatNumber(imp.updatedCount)}</dd>
        </div>
        <div className="facts__item">
          <dt>Ignorées</dt>
          <dd data-testid="import-skipped">{formatNumber(imp.skippedCount)}</dd>
        </div>
        {imp.committedAt ? (
          <div className="facts__item facts__item--wide">
            <dt>Importé le</dt>
            <dd>{formatDateTime(imp.committedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {imp.status === "committed" ? (
        <>
          <p>
            <Link to={`/clsm/${clsmId}/annuaire`}>Voir l'annuaire</Link>
          </p>
          <div>
            <Button onPress={() => setConfirming(true)}>Annuler cet import</Button>
          </div>
          <ConfirmDialog
            title="Annuler cet import ?"
            isOpen={confirming}
            onOpenChange={(open) => {
              setConfirming(open);
              if (!open) undo.reset();
            }}
            confirmLabel="Annuler l'import"
            cancelLabel="Garder l'import"
            isPending={undo.isPending}
            error={undo.error}
            onConfirm={(close) => undo.mutate(undefined, { onSuccess: close })}
          >
            <p>
              Les personnes créées par cet import seront retirées de l'annuaire et les fiches mises à jour
              retrouveront leurs valeurs d'avant. Ce n'est possible que si personne n'a modifié ces fiches
              depuis.
            </p>
          </ConfirmDialog>
        </>
      ) : null}
    </section>
  );
}
