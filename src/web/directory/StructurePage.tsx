import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { Link, useLocation, useParams } from "react-router";
import { type StructureDetail, structureTypeLabels } from "../../contracts/directory";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { DataTable } from "../ui/DataTable";
import { ModalDialog } from "../ui/Dialog";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { AddPersonDialog } from "./AddPersonDialog";
import { useStructure, useUpdateStructure } from "./api";
import { useClsmName } from "./DirectoryLayout";
import { DeleteStructureDialog, MergeStructureDialog } from "./StructureActions";
import { StructureForm } from "./StructureForm";

export function StructurePage() {
  const { clsmId = "", structureId = "" } = useParams();
  const structure = useStructure(clsmId, structureId);
  const clsmName = useClsmName(clsmId);
  const [notice, setNotice] = useState<string | null>(
    (useLocation().state as { notice?: string } | null)?.notice ?? null,
  );

  if (structure.isError && (isApiError(structure.error, 404) || isApiError(structure.error, 400)))
    return <NotFoundPage title="Structure introuvable" />;
  if (structure.isError)
    return (
      <Page title="Structure">
        <Alert tone="error">{messageOf(structure.error)}</Alert>
      </Page>
    );
  if (structure.isPending)
    return (
      <Page title="Chargement de la structure…" busy>
        <Loading label="Chargement de la structure…" />
      </Page>
    );
  const s = structure.data;
  return (
    <Page
      title={s.name}
      eyebrow={clsmName ? `Structures · ${clsmName}` : "Structures"}
      lead={<p>{structureTypeLabels[s.type]}</p>}
      actions={
        s.can.manage ? (
          <>
            <EditStructureDialog
              clsmId={clsmId}
              structure={s}
              onSaved={() => setNotice("La structure est enregistrée.")}
            />
            <MergeStructureDialog
              clsmId={clsmId}
              structure={s}
              onMerged={() => setNotice("Les deux structures sont fusionnées.")}
            />
            <DeleteStructureDialog clsmId={clsmId} structure={s} />
          </>
        ) : null
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <section className="section" aria-labelledby="coordonnees">
        <h2 id="coordonnees">Coordonnées</h2>
        <dl className="facts">
          <Fact label="Collège" value={s.collegeName} />
          <Fact
            label="Adresse"
            value={[s.address, [s.postalCode, s.communeName].filter(Boolean).join(" ")]
              .filter(Boolean)
              .join(", ")}
            wide
          />
          <Fact label="Téléphone" value={s.phone} />
          <div className="facts__item facts__item--wide">
            <dt>Adresse e-mail</dt>
            <dd>{s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : "—"}</dd>
          </div>
          <div className="facts__item facts__item--wide">
            <dt>Site web</dt>
            <dd>
              {s.website ? (
                <a
                  href={/^https?:\/\//i.test(s.website) ? s.website : `https://${s.website}`}
                  rel="noopener noreferrer"
                  target="_blank"
                >
                  {s.website}
                  <span className="visually-hidden"> (nouvelle fenêtre)</span>
                </a>
              ) : (
                "—"
              )}
            </dd>
          </div>
          <Fact label="SIRET" value={s.siret} />
          <Fact label="FINESS" value={s.finess} />
          {s.notes ? <Fact label="Notes" value={s.notes} wide /> : null}
        </dl>
      </section>
      <section className="section" aria-labelledby="personnes">
        <div className="section__header">
          <h2 id="personnes">Personnes</h2>
          {s.can.manage ? <AddPersonDialog clsmId={clsmId} structureId={s.id} /> : null}
        </div>
        {s.people.length === 0 ? (
          <EmptyState title="Personne n'occupe de fonction dans cette structure." />
        ) : (
          <DataTable caption={`Personnes de ${s.name}`} captionHidden>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Fonction</th>
              </tr>
            </thead>
            <tbody>
              {s.people.map((p) => (
                <tr key={p.roleId}>
                  <th scope="row">
                    <Link to={`/clsm/${clsmId}/annuaire/personnes/${p.personId}`}>{p.name}</Link>
                  </th>
                  <td>{p.function}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <p>
        <Link to={`/clsm/${clsmId}/annuaire/structures`}>Revenir aux structures</Link>
      </p>
    </Page>
  );
}

function Fact({ label, value, wide }: { label: string; value: string | null | undefined; wide?: boolean }) {
  return (
    <div className={`facts__item${wide ? " facts__item--wide" : ""}`}>
      <dt>{label}</dt>
      <dd className="pre-line">{value || "—"}</dd>
    </div>
  );
}

function EditStructureDialog({
  clsmId,
  structure,
  onSaved,
}: {
  clsmId: string;
  structure: StructureDetail;
  onSaved: () => void;
}) {
  return (
    <DialogTrigger>
      <Button>Modifier la structure</Button>
      <ModalDialog title={`Modifier ${structure.name}`} size="lg">
        {(close) => <EditStructure clsmId={clsmId} structure={structure} onDone={close} onSaved={onSaved} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function EditStructure({
  clsmId,
  structure,
  onDone,
  onSaved,
}: {
  clsmId: string;
  structure: StructureDetail;
  onDone: () => void;
  onSaved: () => void;
}) {
  const update = useUpdateStructure(clsmId, structure.id);
  return (
    <StructureForm
      clsmId={clsmId}
      structure={structure}
      error={update.error}
      isPending={update.isPending}
      onCancel={onDone}
      onSubmit={(body) =>
        update.mutate(body, {
          onSuccess: () => {
            onSaved();
            onDone();
          },
        })
      }
    />
  );
}
