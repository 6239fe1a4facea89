import { useState } from "react";
import type { AddInvitationsResult } from "../../../contracts/survey-answers";
import { usePeople } from "../../directory/api";
import { useInstances } from "../../governance/api";
import { messageOf } from "../../lib/api";
import { listFormat, plural } from "../../lib/format";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { ModalDialog } from "../../ui/Dialog";
import { SearchField } from "../../ui/SearchField";
import { keyToString, SelectField } from "../../ui/SelectField";
import { useAddInvitations } from "./api";
import type { Notice } from "./InvitationsSection";

const RESULTS = 20;

/** "2 personnes ajoutées, 1 déjà invitée ; sans adresse e-mail : Noé Gem." */
function addedNotice(result: AddInvitationsResult): Notice {
  const parts = [
    plural(result.added, "personne ajoutée", "personnes ajoutées"),
    result.alreadyInvited ? plural(result.alreadyInvited, "déjà invitée", "déjà invitées") : null,
  ].filter(Boolean);
  const without = result.withoutEmail.length
    ? ` ; sans adresse e-mail, elles ne recevront pas de lien : ${listFormat.format(result.withoutEmail.map((p) => p.name))}`
    : "";
  return { tone: result.added ? "success" : "info", text: `${parts.join(", ")}${without}.` };
}

/** Invites people ticked in the directory (in several searches if need be), or an instance's current members. */
export function AddInvitationsDialog({
  clsmId,
  surveyId,
  onDone,
}: {
  clsmId: string;
  surveyId: string;
  onDone: (notice: Notice) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        Inviter des personnes
      </Button>
      <ModalDialog title="Inviter des personnes à répondre" isOpen={isOpen} onOpenChange={setOpen} size="lg">
        {(close) => (
          <AddInvitationsForm
            clsmId={clsmId}
            surveyId={surveyId}
            onAdded={(notice) => {
              onDone(notice);
              close();
            }}
          />
        )}
      </ModalDialog>
    </>
  );
}

function AddInvitationsForm({
  clsmId,
  surveyId,
  onAdded,
}: {
  clsmId: string;
  surveyId: string;
  onAdded: (notice: Notice) => void;
}) {
  const add = useAddInvitations(clsmId, surveyId);
  const instances = useInstances(clsmId);
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300);
  const people = usePeople(clsmId, { q: q || undefined, limit: RESULTS, sort: "lastName" });
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const found = q && people.data ? people.data : null;
  const toggle = (id: string, name: string, on: boolean) =>
    setChosen((current) => {
      const next = new Map(current);
      if (on) next.set(id, name);
      else next.delete(id);
      return next;
    });
  const submit = (body: { personIds: string[] } | { instanceId: string }) =>
    add.mutate(body, { onSuccess: (result) => onAdded(addedNotice(result)) });

  return (
    <div className="stack">
      {add.error ? <Alert tone="error">{messageOf(add.error)}</Alert> : null}
      <section className="stack" aria-labelledby="par-instance">
        <h3 id="par-instance">Les membres d'une instance</h3>
        <div className="toolbar">
          <SelectField
            label="Instance"
            placeholder="Choisissez une instance"
            selectedKey={instanceId}
            onSelectionChange={(key) => setInstanceId(keyToString(key))}
            options={(instances.data?.items ?? [])
              .filter((i) => !i.archivedAt)
              .map((i) => ({ id: i.id, label: i.name }))}
          />
          <Button
            isDisabled={!instanceId}
            isPending={add.isPending}
            onPress={() => instanceId && submit({ instanceId })}
          >
            Inviter ses membres
          </Button>
        </div>
      </section>
      <section className="stack" aria-labelledby="par-personne">
        <h3 id="par-personne">Des personnes de l'annuaire</h3>
        <SearchField
          label="Chercher dans l'annuaire"
          placeholder="Nom, structure, fonction…"
          value={search}
          onChange={setSearch}
        />
        <p className="muted" aria-live="polite">
          {!q
            ? "Tapez un nom, une structure ou une fonction, puis cochez les personnes à inviter."
            : found
              ? found.total === 0
                ? "Aucune personne de l'annuaire ne correspond."
                : found.total > RESULTS
                  ? `${plural(found.total, "personne trouvée", "personnes trouvées")} ; les ${RESULTS} premières sont affichées, précisez la recherche.`
                  : plural(found.total, "personne trouvée", "personnes trouvées")
              : ""}
        </p>
        {found?.items.length ? (
          <ul className="pick-list pick-list--check" aria-label="Personnes trouvées">
            {found.items.map((p) => {
              const name = `${p.firstName} ${p.lastName}`.trim();
              return (
                <li key={p.id} className="pick-list__item">
                  <Checkbox isSelected={chosen.has(p.id)} onChange={(on) => toggle(p.id, name, on)}>
                    {name}
                  </Checkbox>
                  <span className="cell-sub pick-list__detail">
                    {[p.function, p.structureName, p.email ? null : "sans adresse e-mail"]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : null}
        {chosen.size ? (
          <p>
            {plural(chosen.size, "personne choisie", "personnes choisies")} :{" "}
            {listFormat.format([...chosen.values()])}
          </p>
        ) : null}
        <div className="form__actions">
          <Button
            variant="primary"
            isDisabled={chosen.size === 0}
            isPending={add.isPending}
            onPress={() => submit({ personIds: [...chosen.keys()] })}
          >
            {chosen.size
              ? `Inviter ${plural(chosen.size, "personne", "personnes")}`
              : "Inviter les personnes cochées"}
          </Button>
        </div>
      </section>
    </div>
  );
}
