import { DialogTrigger } from "react-aria-components";
import type { FigureItem, TerritoryPopulation } from "../../../contracts/diagnostic-figures";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ModalDialog } from "../../ui/Dialog";
import { useCreateFigure, useDeleteFigure, useUpdateFigure } from "./api";
import { FigureForm } from "./FigureForm";

export function CreateFigureDialog({
  clsmId,
  population,
  onCreated,
}: {
  clsmId: string;
  population: TerritoryPopulation;
  onCreated: (label: string) => void;
}) {
  const create = useCreateFigure(clsmId);
  return (
    <DialogTrigger onOpenChange={(open) => open && create.reset()}>
      <Button variant="primary">Ajouter un chiffre</Button>
      <ModalDialog title="Ajouter un chiffre" size="lg">
        {(close) => (
          <FigureForm
            population={population}
            error={create.error}
            isPending={create.isPending}
            onCancel={close}
            onSubmit={(body) =>
              create.mutate(body, {
                onSuccess: (figure) => {
                  close();
                  onCreated(figure.label);
                },
              })
            }
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

export function EditFigureDialog({
  clsmId,
  figure,
  population,
}: {
  clsmId: string;
  figure: FigureItem;
  population: TerritoryPopulation;
}) {
  const update = useUpdateFigure(clsmId, figure.id);
  return (
    <DialogTrigger onOpenChange={(open) => open && update.reset()}>
      <Button size="sm" aria-label={`Modifier : ${figure.label}`}>
        Modifier
      </Button>
      <ModalDialog title={`Modifier ${figure.label}`} size="lg">
        {(close) => (
          <FigureForm
            figure={figure}
            population={population}
            error={update.error}
            isPending={update.isPending}
            onCancel={close}
            onSubmit={(body) => update.mutate(body, { onSuccess: close })}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

export function DeleteFigureDialog({ clsmId, figure }: { clsmId: string; figure: FigureItem }) {
  const remove = useDeleteFigure(clsmId, figure.id);
  return (
    <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
      <Button size="sm" variant="danger" aria-label={`Supprimer : ${figure.label}`}>
        Supprimer
      </Button>
      <ConfirmDialog
        title={`Supprimer ${figure.label} ?`}
        confirmLabel="Supprimer le chiffre"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={(close) => remove.mutate(undefined, { onSuccess: close })}
      >
        <p>Le chiffre et sa source seront supprimés du diagnostic.</p>
      </ConfirmDialog>
    </DialogTrigger>
  );
}
