import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { useNavigate } from "react-router";
import type { StructureDetail } from "../../contracts/directory";
import { messageOf } from "../lib/api";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ModalDialog } from "../ui/Dialog";
import { SearchField } from "../ui/SearchField";
import { useDeleteStructure, useMergeStructure, useStructures } from "./api";

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
  const [other, setOther] = useState<{ id: string; name: string } | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const results = useStructures(clsmId, { q: q || undefined, limit: 8 });
  const merge = useMergeStructure(clsmId, structure.id);
  const candidates = (results.data?.items ?? []).filter((s) => s.id !== structure.id);
  if (other) {
    return (
      <div className="stack">
        {merge.isError ? <Alert tone="error">{messageOf(merge.error)}</Alert> : null}
        <p>
          <strong>{other.name}</strong> sera fusionnée dans <strong>{structure.name}</strong> : les fonctions
          de ses personnes y sont rattachées, puis elle est supprimée.
        </p>
        <div className="form__actions">
          <Button
            variant="primary"
            isPending={merge.isPending}
            onPress={() => merge.mutate(other.id, { onSuccess: onMerged })}
          >
            Fusionner les deux structures
          </Button>
          <Button onPress={() => setOther(null)}>Choisir une autre structure</Button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <SearchField label="Chercher l'autre structure" value={search} onChange={setSearch} autoFocus />
      {results.isError ? <Alert tone="error">{messageOf(results.error)}</Alert> : null}
      {q && results.data && candidates.length === 0 ? (
        <p role="status">Aucune autre structure ne correspond.</p>
      ) : null}
      {candidates.length > 0 ? (
        <ul className="pick-list" aria-label="Structures trouvées">
          {candidates.map((c) => (
            <li key={c.id} className="pick-list__item">
              <span>
                <span className="cell-title">{c.name}</span>
                <span className="cell-sub">{c.communeName ?? "—"}</span>
              </span>
              <Button
                size="sm"
                onPress={() => setOther({ id: c.id, name: c.name })}
                aria-label={`Choisir ${c.name}`}
              >
                Choisir
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form__actions">
        <Button onPress={onDone}>Annuler</Button>
      </div>
    </div>
  );
}

export function DeleteStructureDialog({ clsmId, structure }: { clsmId: string; structure: StructureDetail }) {
  const remove = useDeleteStructure(clsmId, structure.id);
  const navigate = useNavigate();
  return (
    <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
      <Button>Supprimer</Button>
      <ModalDialog title={`Supprimer ${structure.name} ?`} role="alertdialog">
        {(close) => (
          <div className="stack">
            {remove.isError ? <Alert tone="error">{messageOf(remove.error)}</Alert> : null}
            <p>
              La structure disparaît de l'annuaire. Les personnes restent, et leur historique de fonctions est
              conservé sans la structure.
            </p>
            <div className="form__actions">
              <Button
                variant="danger"
                isPending={remove.isPending}
                onPress={() =>
                  remove.mutate(undefined, {
                    onSuccess: () =>
                      navigate(`/clsm/${clsmId}/annuaire/structures`, {
                        state: { notice: `La structure « ${structure.name} » est supprimée.` },
                      }),
                  })
                }
              >
                Supprimer la structure
              </Button>
              <Button onPress={close} autoFocus>
                Annuler
              </Button>
            </div>
          </div>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}
