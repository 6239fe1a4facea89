import { useCreateNeed, useDeleteNeed, useNeed, useUpdateNeed } from "./api";
import { NeedForm } from "./NeedForm";
import { ObjectiveBadges } from "./ObjectiveBadges";
import { AddRecordDialog, RecordDialog } from "./RecordDialogs";
import { RecordPanel } from "./RecordPanel";

/** "Ajouter un besoin": the form in a dialog; `onCreated` says what was recorded. */
export function CreateNeedDialog({
  clsmId,
  onCreated,
}: {
  clsmId: string;
  onCreated: (title: string) => void;
}) {
  const create = useCreateNeed(clsmId);
  return (
    <AddRecordDialog
      label="Ajouter un besoin"
      variant="primary"
      create={create}
      form={(form) => <NeedForm clsmId={clsmId} {...form} />}
      onCreated={onCreated}
    />
  );
}

/** A need opened from the list (its title is the button): its fields, its links, and the coordination's actions. */
export function NeedDialog({ clsmId, needId, title }: { clsmId: string; needId: string; title: string }) {
  return (
    <RecordDialog title={title}>
      {(close) => <NeedBody clsmId={clsmId} needId={needId} onDeleted={close} />}
    </RecordDialog>
  );
}

function NeedBody({ clsmId, needId, onDeleted }: { clsmId: string; needId: string; onDeleted: () => void }) {
  const need = useNeed(clsmId, needId);
  const update = useUpdateNeed(clsmId, needId);
  const remove = useDeleteNeed(clsmId, needId);
  return (
    <RecordPanel
      record={need}
      loadingLabel="Chargement du besoin…"
      clsmId={clsmId}
      owner="needs"
      fields={(n) => [
        ["Description", n.description],
        ["Thème", n.theme],
        ["Public concerné", n.audience],
        ["Partie du territoire", n.territoryPart],
        ["Source", n.source],
        ["Éléments qui l'étayent", n.evidence],
        ["Objectifs", <ObjectiveBadges key="objectives" objectives={n.objectives} />],
      ]}
      editLabel="Modifier le besoin"
      update={update}
      editForm={(n, form) => <NeedForm clsmId={clsmId} need={n} {...form} />}
      savedNotice="Le besoin est enregistré."
      remove={remove}
      deleteLabel="Supprimer le besoin"
      deleteMessage={(n) => (
        <p>Le besoin « {n.title} » sera supprimé, avec ses liens vers les enquêtes et les réunions.</p>
      )}
      onDeleted={onDeleted}
    />
  );
}
