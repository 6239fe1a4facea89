import { Link } from "react-router";
import { resourceKindLabels } from "../../../contracts/diagnostic-needs";
import { useCreateResource, useDeleteResource, useResource, useUpdateResource } from "./api";
import { ObjectiveBadges } from "./ObjectiveBadges";
import { AddRecordDialog, RecordDialog } from "./RecordDialogs";
import { RecordPanel } from "./RecordPanel";
import { ResourceForm } from "./ResourceForm";

/** "Ajouter une ressource": the form in a dialog; `onCreated` says what was recorded. */
export function CreateResourceDialog({
  clsmId,
  onCreated,
}: {
  clsmId: string;
  onCreated: (title: string) => void;
}) {
  const create = useCreateResource(clsmId);
  return (
    <AddRecordDialog
      label="Ajouter une ressource"
      create={create}
      form={(form) => <ResourceForm clsmId={clsmId} {...form} />}
      onCreated={onCreated}
    />
  );
}

/** A resource opened from the list: its fields, its structure, its links, and the coordination's actions. */
export function ResourceDialog({
  clsmId,
  resourceId,
  title,
}: {
  clsmId: string;
  resourceId: string;
  title: string;
}) {
  return (
    <RecordDialog title={title}>
      {(close) => <ResourceBody clsmId={clsmId} resourceId={resourceId} onDeleted={close} />}
    </RecordDialog>
  );
}

function ResourceBody({
  clsmId,
  resourceId,
  onDeleted,
}: {
  clsmId: string;
  resourceId: string;
  onDeleted: () => void;
}) {
  const resource = useResource(clsmId, resourceId);
  const update = useUpdateResource(clsmId, resourceId);
  const remove = useDeleteResource(clsmId, resourceId);
  return (
    <RecordPanel
      record={resource}
      loadingLabel="Chargement de la ressource…"
      clsmId={clsmId}
      owner="resources"
      fields={(r) => [
        ["Type", resourceKindLabels[r.kind]],
        [
          "Structure de l'annuaire",
          r.structure ? (
            <Link key="structure" to={`/clsm/${clsmId}/annuaire/structures/${r.structure.id}`}>
              {r.structure.name}
            </Link>
          ) : null,
        ],
        ["Description", r.description],
        ["Public concerné", r.audience],
        ["Partie du territoire", r.territoryPart],
        ["Objectifs", <ObjectiveBadges key="objectives" objectives={r.objectives} />],
      ]}
      editLabel="Modifier la ressource"
      update={update}
      editForm={(r, form) => <ResourceForm clsmId={clsmId} resource={r} {...form} />}
      savedNotice="La ressource est enregistrée."
      remove={remove}
      deleteLabel="Supprimer la ressource"
      deleteMessage={(r) => (
        <p>
          La ressource « {r.title} » sera supprimée, avec ses liens vers les enquêtes et les réunions. La
          structure reste dans l'annuaire.
        </p>
      )}
      onDeleted={onDeleted}
    />
  );
}
