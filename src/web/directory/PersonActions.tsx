import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { useNavigate } from "react-router";
import { anonymisationNotice, erasureNotice, type PersonDetail } from "../../contracts/directory";
import { messageOf, saveBlob } from "../lib/api";
import { parisToday } from "../lib/format";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Form, validators } from "../ui/Form";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import {
  fetchPersonExport,
  useAddRole,
  useAnonymisePerson,
  useDeleteRole,
  useEndRole,
  useErasePerson,
  useMergePerson,
  usePeople,
  useStructures,
} from "./api";
import { personName } from "./labels";
import { MergePicker } from "./MergePicker";

const NONE = "aucune";

/** Downloads everything held about a person, as a JSON file. */
export async function downloadPersonExport(clsmId: string, person: PersonDetail) {
  const data = await fetchPersonExport(clsmId, person.id);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const name = `donnees-${person.lastName}-${person.firstName}.json`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9.-]+/g, "-")
    .toLowerCase();
  saveBlob(blob, name);
}

/** A new role: the current one ends on the new one's start date. */
export function ChangeRoleForm({
  clsmId,
  person,
  onDone,
  onSaved,
}: {
  clsmId: string;
  person: PersonDetail;
  onDone: () => void;
  onSaved: () => void;
}) {
  const addRole = useAddRole(clsmId, person.id);
  const structures = useStructures(clsmId, { limit: 100, sort: "name" });
  const current = person.roles.find((r) => r.endDate === null);
  const [fn, setFn] = useState("");
  const [structureId, setStructureId] = useState<string>(current?.structureId ?? NONE);
  const [startDate, setStartDate] = useState(parisToday());
  const options = [
    { id: NONE, label: "Aucune structure" },
    ...(structures.data?.items ?? []).map((s) => ({ id: s.id, label: s.name })),
  ];
  return (
    <Form
      error={addRole.error}
      isPending={addRole.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        addRole.mutate(
          { function: fn.trim(), structureId: structureId === NONE ? null : structureId, startDate },
          {
            onSuccess: () => {
              onSaved();
              onDone();
            },
          },
        );
      }}
    >
      {current ? (
        <p>
          La fonction en cours (« {current.function}
          {current.structureName ? `, ${current.structureName}` : ""} ») prendra fin à la date de début de la
          nouvelle ; elle reste dans l'historique.
        </p>
      ) : null}
      <TextField
        label="Nouvelle fonction"
        name="function"
        isRequired
        value={fn}
        onChange={setFn}
        validate={validators.required()}
      />
      <SelectField
        label="Structure"
        name="structureId"
        options={options}
        selectedKey={structureId}
        onSelectionChange={(k) => setStructureId(String(k ?? NONE))}
      />
      <TextField
        label="Date de début"
        name="startDate"
        type="date"
        isRequired
        value={startDate}
        onChange={setStartDate}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={addRole.isPending}>
          Enregistrer la fonction
        </Button>
        <Button onPress={onDone}>Annuler</Button>
      </div>
    </Form>
  );
}

/** Picks another record of the same person (search) and merges it into this one. */
export function MergePerson({
  clsmId,
  person,
  onDone,
  onMerged,
}: {
  clsmId: string;
  person: PersonDetail;
  onDone: () => void;
  onMerged: () => void;
}) {
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300);
  const results = usePeople(clsmId, { q: q || undefined, limit: 8 });
  const merge = useMergePerson(clsmId, person.id);
  const candidates = (results.data?.items ?? [])
    .filter((p) => p.id !== person.id)
    .map((p) => ({
      id: p.id,
      name: personName(p),
      detail: [p.function, p.structureName, p.email].filter(Boolean).join(" · ") || "—",
    }));
  return (
    <MergePicker
      search={search}
      onSearch={setSearch}
      searched={!!q && !!results.data}
      candidates={candidates}
      searchError={results.error}
      texts={{
        searchLabel: "Chercher l'autre fiche",
        placeholder: "Nom, structure…",
        listLabel: "Fiches trouvées",
        none: "Aucune autre fiche ne correspond.",
        merge: "Fusionner les deux fiches",
        another: "Choisir une autre fiche",
      }}
      describe={(other) => (
        <>
          La fiche de <strong>{other.name}</strong> sera fusionnée dans celle de{" "}
          <strong>{personName(person)}</strong> : les champs vides de cette fiche sont complétés, ses
          fonctions y sont rattachées, puis l'autre fiche est supprimée.
        </>
      )}
      isPending={merge.isPending}
      mergeError={merge.error}
      onMerge={(other) =>
        merge.mutate(other.id, {
          onSuccess: () => {
            onMerged();
            onDone();
          },
        })
      }
      onCancel={onDone}
    />
  );
}

/** Mounted only while open, so that each opening starts without the previous attempt's error. */
export function AnonymisePerson({
  clsmId,
  person,
  onDone,
  onAnonymised,
}: {
  clsmId: string;
  person: PersonDetail;
  onDone: () => void;
  onAnonymised: (notice: string) => void;
}) {
  const anonymise = useAnonymisePerson(clsmId, person.id);
  return (
    <ConfirmDialog
      title={`Anonymiser ${personName(person)} ?`}
      isOpen
      onOpenChange={(o) => !o && onDone()}
      confirmLabel="Anonymiser la fiche"
      isPending={anonymise.isPending}
      error={anonymise.error}
      onConfirm={() =>
        anonymise.mutate(undefined, {
          onSuccess: (result) => {
            onAnonymised(result.notice);
            onDone();
          },
        })
      }
    >
      <p>{anonymisationNotice}</p>
    </ConfirmDialog>
  );
}

/** Mounted only while open, like AnonymisePerson. */
export function ErasePerson({
  clsmId,
  person,
  onDone,
}: {
  clsmId: string;
  person: PersonDetail;
  onDone: () => void;
}) {
  const erase = useErasePerson(clsmId, person.id);
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      title={`Supprimer ${personName(person)} ?`}
      isOpen
      onOpenChange={(o) => !o && onDone()}
      confirmLabel="Supprimer définitivement"
      isPending={erase.isPending}
      error={erase.error}
      onConfirm={() =>
        erase.mutate(undefined, {
          onSuccess: () =>
            navigate(`/clsm/${clsmId}/annuaire`, {
              state: { notice: `La fiche de ${personName(person)} est supprimée.` },
            }),
        })
      }
    >
      <p>{erasureNotice}</p>
      <p>Pour garder une trace de sa participation passée sans l'identifier, préférez l'anonymisation.</p>
    </ConfirmDialog>
  );
}

/** Ends a current role today, or removes a role entered by mistake, after a confirmation. */
export function RoleActions({
  clsmId,
  person,
  role,
  onDone,
}: {
  clsmId: string;
  person: PersonDetail;
  role: PersonDetail["roles"][number];
  onDone: (notice: string) => void;
}) {
  const end = useEndRole(clsmId, person.id);
  const remove = useDeleteRole(clsmId, person.id);
  const label = `${role.function}${role.structureName ? ` (${role.structureName})` : ""}`;
  return (
    <div className="row-actions">
      {role.endDate === null ? (
        <Button
          size="sm"
          isPending={end.isPending}
          aria-label={`Clore la fonction ${label} aujourd'hui`}
          onPress={() =>
            end.mutate(
              { roleId: role.id, endDate: parisToday() },
              { onSuccess: () => onDone(`La fonction « ${label} » est close à la date du jour.`) },
            )
          }
        >
          Clore
        </Button>
      ) : null}
      <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
        <Button size="sm" aria-label={`Supprimer la fonction ${label}`}>
          Supprimer
        </Button>
        <ConfirmDialog
          title="Supprimer cette fonction ?"
          confirmLabel="Supprimer la fonction"
          isPending={remove.isPending}
          error={remove.error}
          // mutateAsync: the refetched history unmounts this row before mutate's onSuccess would run.
          onConfirm={(close) =>
            remove.mutateAsync(role.id).then(
              () => {
                close();
                onDone(`La fonction « ${label} » est supprimée de l'historique.`);
              },
              () => {}, // the error shows in this dialog (remove.error)
            )
          }
        >
          <p>
            « {label} » disparaîtra de l'historique de {personName(person)}. Pour une fonction qui a pris fin,
            préférez « Clore » : l'historique reste juste.
          </p>
        </ConfirmDialog>
      </DialogTrigger>
      {end.isError ? <Alert tone="error">{messageOf(end.error)}</Alert> : null}
    </div>
  );
}
