import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { Link, useNavigate, useParams } from "react-router";
import {
  type OpinionSubject,
  opinionStatusLabels,
  opinionSubjectLabels,
  opinionSubjects,
} from "../../contracts/diagnostic-opinions";
import { messageOf } from "../lib/api";
import { formatDate } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { DataTable } from "../ui/DataTable";
import { ModalDialog } from "../ui/Dialog";
import { EmptyState } from "../ui/EmptyState";
import { Form, validators } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { Pagination } from "../ui/Pagination";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { DiagnosticSectionPage } from "./DiagnosticSectionPage";
import { useCreateOpinion, useOpinions } from "./opinions/api";
import { opinionStatusTones } from "./opinions/labels";

const LIMIT = 20;

/** The CLSM's avis on the PTSM and the diagnostic territorial partagé, newest first. */
export function OpinionsPage() {
  const { clsmId = "" } = useParams();
  const [offset, setOffset] = useState(0);
  const list = useOpinions(clsmId, { limit: LIMIT, offset });
  const items = list.data?.items ?? [];
  return (
    <DiagnosticSectionPage
      clsmId={clsmId}
      title="Avis"
      busy={list.isPending}
      lead={
        <p>
          L'avis que le CLSM rend sur le projet territorial de santé mentale (PTSM) ou sur le diagnostic
          territorial partagé : rédigé par la coordination, adopté en séance (COPIL ou plénière), puis
          transmis.
        </p>
      }
      actions={list.data?.can.manage ? <CreateOpinionDialog clsmId={clsmId} /> : null}
    >
      {list.isPending ? <Loading label="Chargement des avis…" /> : null}
      {list.isError ? <Alert tone="error">{messageOf(list.error)}</Alert> : null}
      {list.data && items.length === 0 ? (
        <EmptyState title="Aucun avis pour l'instant.">
          {list.data.can.manage ? <p>Rédigez le premier avec le bouton « Rédiger un avis ».</p> : null}
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <DataTable caption="Avis du CLSM" captionHidden>
          <thead>
            <tr>
              <th scope="col">Avis</th>
              <th scope="col">Objet</th>
              <th scope="col">Statut</th>
              <th scope="col">Adopté le</th>
              <th scope="col">Transmis le</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link className="cell-title" to={`/clsm/${clsmId}/diagnostic/avis/${o.id}`}>
                    {o.title}
                  </Link>
                </th>
                <td>{opinionSubjectLabels[o.subject]}</td>
                <td>
                  <Badge tone={opinionStatusTones[o.status]}>{opinionStatusLabels[o.status]}</Badge>
                </td>
                <td>{o.adoptedOn ? formatDate(o.adoptedOn) : "—"}</td>
                <td>{o.sentOn ? formatDate(o.sentOn) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <Pagination
        total={list.data?.total ?? 0}
        limit={LIMIT}
        offset={offset}
        onChange={setOffset}
        label="avis"
      />
    </DiagnosticSectionPage>
  );
}

const subjectOptions = opinionSubjects.map((id) => ({ id, label: opinionSubjectLabels[id] }));

function CreateOpinionDialog({ clsmId }: { clsmId: string }) {
  return (
    <DialogTrigger>
      <Button variant="primary">Rédiger un avis</Button>
      <ModalDialog title="Rédiger un avis">
        {(close) => <CreateOpinion clsmId={clsmId} onCancel={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function CreateOpinion({ clsmId, onCancel }: { clsmId: string; onCancel: () => void }) {
  const create = useCreateOpinion(clsmId);
  const navigate = useNavigate();
  const [subject, setSubject] = useState<OpinionSubject>("ptsm");
  const [title, setTitle] = useState("");
  return (
    <Form
      error={create.error}
      isPending={create.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { subject, title: title.trim(), body: "" },
          {
            onSuccess: (o) =>
              navigate(`/clsm/${clsmId}/diagnostic/avis/${o.id}`, {
                state: { notice: "Le brouillon est créé. Rédigez maintenant le texte de l'avis." },
              }),
          },
        );
      }}
    >
      <SelectField
        label="Objet de l'avis"
        name="subject"
        options={subjectOptions}
        selectedKey={subject}
        onSelectionChange={(k) => k && setSubject(k as OpinionSubject)}
      />
      <TextField
        label="Titre"
        name="title"
        isRequired
        value={title}
        onChange={setTitle}
        validate={validators.required()}
        description="Par exemple « Avis du CLSM sur le PTSM des Côtes-d'Armor 2025-2030 »."
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Créer le brouillon
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
