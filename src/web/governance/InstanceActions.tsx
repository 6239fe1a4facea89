import { DialogTrigger } from "react-aria-components";
import { useNavigate } from "react-router";
import type { InstanceDetail } from "../../contracts/governance";
import { messageOf } from "../lib/api";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ModalDialog } from "../ui/Dialog";
import { useDeleteInstance, useUpdateInstance } from "./api";
import { InstanceForm } from "./InstanceForm";

/** A message shown on top of the page after an action. */
export interface Notice {
  tone: "success" | "error";
  text: string;
}

/** The coordination's actions on an instance: edit, archive or reactivate, delete. */
export function InstanceActions({
  clsmId,
  instance,
  onDone,
}: {
  clsmId: string;
  instance: InstanceDetail;
  onDone: (notice: Notice | null) => void;
}) {
  const update = useUpdateInstance(clsmId, instance.id);
  const archived = instance.archivedAt !== null;
  return (
    <>
      <DialogTrigger onOpenChange={(open) => open && update.reset()}>
        <Button>Modifier l'instance</Button>
        <ModalDialog title={`Modifier ${instance.name}`} size="lg">
          {(close) => (
            <InstanceForm
              clsmId={clsmId}
              instance={instance}
              error={update.error}
              isPending={update.isPending}
              onCancel={close}
              onSubmit={(body) =>
                update.mutate(body, {
                  onSuccess: () => {
                    close();
                    onDone({ tone: "success", text: "L'instance est enregistrée." });
                  },
                })
              }
            />
          )}
        </ModalDialog>
      </DialogTrigger>
      <Button
        isPending={update.isPending}
        onPress={() => {
          onDone(null);
          update.mutate(
            { archived: !archived },
            {
              onSuccess: () =>
                onDone({
                  tone: "success",
                  text: archived
                    ? "L'instance est réactivée."
                    : "L'instance est archivée : elle ne figure plus parmi les instances actives, sa composition reste consultable.",
                }),
              onError: (e) => onDone({ tone: "error", text: messageOf(e) }),
            },
          );
        }}
      >
        {archived ? "Réactiver" : "Archiver"}
      </Button>
      <DeleteInstanceDialog clsmId={clsmId} instance={instance} />
    </>
  );
}

function DeleteInstanceDialog({ clsmId, instance }: { clsmId: string; instance: InstanceDetail }) {
  const remove = useDeleteInstance(clsmId, instance.id);
  const navigate = useNavigate();
  const archived = instance.archivedAt !== null;
  return (
    <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
      <Button variant="danger">Supprimer</Button>
      <ConfirmDialog
        title={`Supprimer ${instance.name} ?`}
        confirmLabel="Supprimer l'instance"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () =>
              navigate(`/clsm/${clsmId}/instances`, {
                state: { notice: `L'instance « ${instance.name} » est supprimée.` },
              }),
          })
        }
      >
        <p>
          L'instance sera supprimée avec toutes ses participations, actuelles et passées : l'historique de sa
          composition sera perdu.
          {instance.children.length > 0
            ? " Les groupes de travail qu'elle a créés resteront, sans COPIL de rattachement."
            : ""}
        </p>
        {archived ? null : (
          <p>
            Si elle ne se réunit plus, préférez « Archiver » : elle disparaît des instances actives et son
            historique est conservé.
          </p>
        )}
      </ConfirmDialog>
    </DialogTrigger>
  );
}
