import { DialogTrigger } from "react-aria-components";
import { useNavigate } from "react-router";
import { Button } from "../ui/Button";
import { ModalDialog } from "../ui/Dialog";
import { useCreatePerson } from "./api";
import { PersonForm } from "./PersonForm";

export function AddPersonDialog({ clsmId, structureId }: { clsmId: string; structureId?: string }) {
  return (
    <DialogTrigger>
      <Button variant="primary">Ajouter une personne</Button>
      <ModalDialog title="Ajouter une personne" size="lg">
        {(close) => <AddPerson clsmId={clsmId} structureId={structureId} onCancel={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function AddPerson({
  clsmId,
  structureId,
  onCancel,
}: {
  clsmId: string;
  structureId?: string;
  onCancel: () => void;
}) {
  const create = useCreatePerson(clsmId);
  const navigate = useNavigate();
  return (
    <PersonForm
      clsmId={clsmId}
      error={create.error}
      isPending={create.isPending}
      defaultStructureId={structureId}
      onCancel={onCancel}
      onSubmit={(body) =>
        create.mutate(body, {
          onSuccess: (p) =>
            navigate(`/clsm/${clsmId}/annuaire/personnes/${p.id}`, {
              state: { notice: `${p.firstName} ${p.lastName} est ajouté·e à l'annuaire.` },
            }),
        })
      }
    />
  );
}
