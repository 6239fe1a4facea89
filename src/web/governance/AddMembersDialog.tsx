import { useId, useState } from "react";
import { DialogTrigger } from "react-aria-components";
import type { InstanceDetail, MemberRole } from "../../contracts/governance";
import { usePeople } from "../directory/api";
import { messageOf } from "../lib/api";
import { parisToday, plural } from "../lib/format";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { ModalDialog } from "../ui/Dialog";
import { Form } from "../ui/Form";
import { SearchField } from "../ui/SearchField";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useAddMembers } from "./api";
import type { Notice } from "./InstanceActions";
import { addedSummary, roleOptions } from "./labels";

const RESULTS = 20;

interface Chosen {
  id: string;
  name: string;
  detail: string;
}

/** "Ajouter des membres": search the directory, tick several people, choose their role and start date. */
export function AddMembersDialog({
  clsmId,
  instance,
  onAdded,
}: {
  clsmId: string;
  instance: InstanceDetail;
  onAdded: (notice: Notice) => void;
}) {
  return (
    <DialogTrigger>
      <Button variant="primary">Ajouter des membres</Button>
      <ModalDialog title={`Ajouter des membres à ${instance.name}`} size="lg">
        {(close) => (
          <AddMembers
            clsmId={clsmId}
            instance={instance}
            onCancel={close}
            onAdded={(notice) => {
              close();
              onAdded(notice);
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function AddMembers({
  clsmId,
  instance,
  onCancel,
  onAdded,
}: {
  clsmId: string;
  instance: InstanceDetail;
  onCancel: () => void;
  onAdded: (notice: Notice) => void;
}) {
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300);
  const results = usePeople(clsmId, { q: q || undefined, limit: RESULTS, sort: "lastName" });
  const add = useAddMembers(clsmId);
  const [chosen, setChosen] = useState<Map<string, Chosen>>(new Map());
  const [role, setRole] = useState<MemberRole>("membre");
  const [startDate, setStartDate] = useState(parisToday());
  const [noneChosen, setNoneChosen] = useState(false);
  const idPrefix = useId();

  const members = new Set((instance.members ?? []).filter((m) => m.endDate === null).map((m) => m.personId));
  const found = q && results.data ? results.data : null;
  const people = (found?.items ?? []).map((p) => ({
    id: p.id,
    name: `${p.firstName} ${p.lastName}`.trim(),
    detail: [p.function, p.structureName].filter(Boolean).join(" · "),
  }));

  const toggle = (person: Chosen, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(person.id, person);
    else next.delete(person.id);
    setChosen(next);
    if (on) setNoneChosen(false);
  };

  return (
    <div className="stack">
      <SearchField
        label="Chercher dans l'annuaire"
        placeholder="Nom, structure, fonction…"
        value={search}
        onChange={setSearch}
        autoFocus
      />
      {results.isError ? <Alert tone="error">{messageOf(results.error)}</Alert> : null}
      <p className="muted" aria-live="polite">
        {!q
          ? "Tapez un nom, une structure ou une fonction, puis cochez les personnes à ajouter."
          : found
            ? found.total === 0
              ? "Aucune personne de l'annuaire ne correspond."
              : found.total > RESULTS
                ? `${plural(found.total, "personne trouvée", "personnes trouvées")} ; les ${RESULTS} premières sont affichées, précisez la recherche.`
                : plural(found.total, "personne trouvée", "personnes trouvées")
            : ""}
      </p>
      {people.length > 0 ? (
        <ul className="pick-list pick-list--check" aria-label="Personnes trouvées">
          {people.map((p) => {
            const member = members.has(p.id);
            const detailId = `${idPrefix}-${p.id}`;
            return (
              <li key={p.id} className="pick-list__item">
                <Checkbox
                  isSelected={member || chosen.has(p.id)}
                  isDisabled={member}
                  onChange={(on) => toggle(p, on)}
                  aria-describedby={detailId}
                >
                  {p.name}
                </Checkbox>
                <span id={detailId} className="cell-sub pick-list__detail">
                  {[p.detail, member ? "déjà membre" : ""].filter(Boolean).join(" · ") || "—"}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {chosen.size > 0 ? (
        <section className="chosen-people" aria-labelledby={`${idPrefix}-chosen`}>
          <h3 id={`${idPrefix}-chosen`} className="chosen-people__title">
            {plural(chosen.size, "personne choisie", "personnes choisies")}
          </h3>
          <ul className="chosen-people__list">
            {[...chosen.values()].map((p) => (
              <li key={p.id}>
                {p.name}
                <Button
                  variant="quiet"
                  size="sm"
                  aria-label={`Retirer ${p.name} de la sélection`}
                  onPress={() => toggle(p, false)}
                >
                  <span aria-hidden="true">✕</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form
        error={add.error}
        isPending={add.isPending}
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen.size === 0) {
            setNoneChosen(true);
            return;
          }
          add.mutate(
            { instanceId: instance.id, personIds: [...chosen.keys()], role, startDate },
            { onSuccess: (result) => onAdded({ tone: "success", text: addedSummary(result) }) },
          );
        }}
      >
        {noneChosen ? <Alert tone="error">Choisissez au moins une personne.</Alert> : null}
        <div className="form__row">
          <SelectField
            label="Rôle"
            name="role"
            options={roleOptions}
            selectedKey={role}
            onSelectionChange={(k) => k && setRole(k as MemberRole)}
          />
          <TextField
            label="Membre depuis le"
            name="startDate"
            type="date"
            isRequired
            value={startDate}
            onChange={setStartDate}
          />
        </div>
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={add.isPending}>
            {chosen.size > 1 ? `Ajouter les ${chosen.size} personnes` : "Ajouter"}
          </Button>
          <Button onPress={onCancel}>Annuler</Button>
        </div>
      </Form>
    </div>
  );
}
