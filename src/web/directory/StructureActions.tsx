import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { useNavigate } from "react-router";
import type { StructureDetail } from "../../contracts/directory";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ModalDialog } from "../ui/Dialog";
import { useDeleteStructure, useMergeStructure, useStructures } from "./api";
import { MergePicker } from "./MergePicker";

export function MergeStructureDialog({
  clsmId,
  structure,
  onMerged,
}: {
  clsmId: string;
  structure: StructureDetail;
  onMerged: () => void;
}) {
  return (
    <DialogTrigger>
      <Button>Fusionner</Button>
      <ModalDialog title={`Fusionner une autre structure dans ${structure.name}`} size="lg">
        {(close) => (
          <MergeStructure
            clsmId={clsmId}
            structure={structure}
            onDone={close}
            onMerged={() => {
              onMerged();
              close();
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function MergeStructure({
  clsmId,
  structure,
  onDone,
  onMerged,
}: {
  clsmId: string;
  structure: StructureDetail;
  onDone: () => void;
  onMerged: () => void;
}) {
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300);
  const results = useStructures(clsmId, { q: q || undefined, limit: 8 });
  const merge = useMergeStructure(clsmId, structure.id);
  const candidates = (results.data?.items ?? [])
    .filter((s) => s.id !== structure.id)
    .map((s) => ({ id: s.id, name: s.name, detail: s.communeName ?? "—" }));
  return (
    <MergePicker
      search={search}
      onSearch={setSearch}
      searched={!!q && !!results.data}
      candidates={candidates}
      searchError={results.error}
      texts={{
        searchLabel: "Chercher l'autre structure",
        listLabel: "Structures trouvées",
        none: "Aucune autre structure ne correspond.",
        merge: "Fusionner les deux structures",
        another: "Choisir une autre structure",
      }}
      describe={(other) => (
        <>
          <strong>{other.name}</strong> sera fusionnée dans <strong>{structure.name}</strong> : les fonctions
          de ses personnes y sont rattachées, puis elle est supprimée.
        </>
      )}
      isPending={merge.isPending}
      mergeError={merge.error}
      onMerge={(other) => merge.mutate(other.id, { onSuccess: onMerged })}
      onCancel={onDone}
    />
  );
}

export function DeleteStructureDialog({ clsmId, structure }: { clsmId: string; structure: StructureDetail }) {
  const remove = useDeleteStructure(clsmId, structure.id);
  const navigate = useNavigate();
  return (
    <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
      <Button>Supprimer</Button>
      <ConfirmDialog
        title={`Supprimer ${structure.name} ?`}
        confirmLabel="Supprimer la structure"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () =>
              navigate(`/clsm/${clsmId}/annuaire/structures`, {
                state: { notice: `La structure « ${structure.name} » est supprimée.` },
              }),
          })
        }
      >
        <p>
          La structure disparaît de l'annuaire. Les personnes restent, et leur historique de fonctions est
          conservé sans la structure.
        </p>
      </ConfirmDialog>
    </DialogTrigger>
  );
}
