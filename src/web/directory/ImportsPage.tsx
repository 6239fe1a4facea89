import { useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { ImportSummary } from "../../contracts/directory-import";
import { messageOf } from "../lib/api";
import { formatDateTime, formatNumber } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge, type BadgeTone } from "../ui/Badge";
import { Button } from "../ui/Button";
import { DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { useClsm } from "../workspaces/api";
import { useImports, useUpload } from "./import-api";

export const importStatusLabels: Record<ImportSummary["status"], [string, BadgeTone]> = {
  draft: ["À valider", "info"],
  committing: ["En cours", "warning"],
  committed: ["Importé", "success"],
  undone: ["Annulé", "neutral"],
};

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function ImportsPage() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  const imports = useImports(clsmId);
  const upload = useUpload(clsmId);
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);

  return (
    <Page
      title="Importer un fichier"
      eyebrow={clsm.data?.name}
      lead={<p>Un tableur CSV ou Excel (XLSX), avec une ligne d'en-têtes, dans n'importe quel ordre.</p>}
    >
      <form
        className="form card"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) {
            setMissing(true);
            input.current?.focus();
            return;
          }
          upload.mutate(file, {
            onSuccess: (created) => navigate(`/clsm/${clsmId}/annuaire/imports/${created.id}`),
          });
        }}
      >
        {upload.isError ? <Alert tone="error">{messageOf(upload.error)}</Alert> : null}
        <div className="field">
          <label className="field__label" htmlFor="import-file">
            Fichier à importer
          </label>
          <p className="field__description" id="import-file-help">
            Formats acceptés : CSV (séparateur « ; » ou « , ») et XLSX. 10 Mo et 20 000 lignes au plus.
          </p>
          <input
            ref={input}
            id="import-file"
            type="file"
            accept={ACCEPT}
            aria-describedby={missing ? "import-file-help import-file-error" : "import-file-help"}
            aria-invalid={missing || undefined}
            className="file-input"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissing(false);
              upload.reset();
            }}
          />
          {missing ? (
            <p className="field__error" id="import-file-error" role="alert">
              Choisissez un fichier CSV ou XLSX.
            </p>
          ) : null}
        </div>
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={upload.isPending}>
            Déposer le fichier
          </Button>
        </div>
        <p className="muted">
          Rien n'est ajouté à l'annuaire avant la dernière étape : vous vérifierez d'abord la correspondance
          des colonnes, les problèmes et les doublons.
        </p>
      </form>

      <section className="section" aria-labelledby="imports-passes">
        <h2 id="imports-passes">Imports passés</h2>
        {imports.isPending ? <Loading label="Chargement des imports…" /> : null}
        {imports.isError ? <Alert tone="error">{messageOf(imports.error)}</Alert> : null}
        {imports.data && imports.data.items.length === 0 ? (
          <EmptyState title="Aucun import pour l'instant." />
        ) : null}
        {imports.data && imports.data.items.length > 0 ? (
          <DataTable caption="Imports passés" captionHidden>
            <thead>
              <tr>
                <th scope="col">Fichier</th>
                <th scope="col">Déposé le</th>
                <th scope="col">Par</th>
                <th scope="col">État</th>
                <th scope="col" className="num">
                  Lignes
                </th>
                <th scope="col" className="num">
                  Créées
                </th>
                <th scope="col" className="num">
                  Mises à jour
                </th>
                <th scope="col" className="num">
                  Ignorées
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.data.items.map((i) => {
                const [label, tone] = importStatusLabels[i.status];
                return (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={`/clsm/${clsmId}/annuaire/imports/${i.id}`}>{i.fileName}</Link>
                    </th>
                    <td>{formatDateTime(i.createdAt)}</td>
                    <td>{i.createdBy.name}</td>
                    <td>
                      <Badge tone={tone}>{label}</Badge>
                    </td>
                    <td className="num">{formatNumber(i.totalRows)}</td>
                    <td className="num">{formatNumber(i.createdCount)}</td>
                    <td className="num">{formatNumber(i.updatedCount)}</td>
                    <td className="num">{formatNumber(i.skippedCount)}</td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        ) : null}
      </section>
    </Page>
  );
}
