import { type KeyboardEvent, useId, useState } from "react";
import type { GuestInput } from "../../contracts/meetings";
import { usePeople } from "../directory/api";
import { messageOf } from "../lib/api";
import { plural } from "../lib/format";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { validators } from "../ui/Form";
import { SearchField } from "../ui/SearchField";
import { TextField } from "../ui/TextField";

const RESULTS = 20;

/** A guest chosen in the picker: a directory person, or someone outside the directory (name, e-mail). */
export interface ChosenGuest {
  key: string;
  personId?: string;
  name: string;
  email?: string;
  detail: string;
}

/** The API's shape of the chosen guests. */
export const guestInputs = (chosen: ChosenGuest[]): GuestInput[] =>
  chosen.map((g) =>
    g.personId ? { personId: g.personId } : { name: g.name, ...(g.email ? { email: g.email } : {}) },
  );

/**
 * Chooses guests: people found in the directory (ticked, in several searches if need be) and people outside the
 * directory (a name and, to send them the convocation, an e-mail). Not a form of its own: Entrée in the outside
 * guest's fields adds them, it never submits the dialog.
 */
export function GuestPicker({
  clsmId,
  chosen,
  onChange,
  invited,
  invitedLabel = "déjà invité·e",
  error,
}: {
  clsmId: string;
  chosen: ChosenGuest[];
  onChange: (chosen: ChosenGuest[]) => void;
  /** Directory people invited anyway (the instance's members, or the meeting's invitees). */
  invited?: ReadonlySet<string>;
  invitedLabel?: string;
  /** The server's message about the guests, if any. */
  error?: string;
}) {
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300);
  const results = usePeople(clsmId, { q: q || undefined, limit: RESULTS, sort: "lastName" });
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const id = useId();

  const found = q && results.data ? results.data : null;
  const people = (found?.items ?? []).map((p) => ({
    key: `person:${p.id}`,
    personId: p.id,
    name: `${p.firstName} ${p.lastName}`.trim(),
    detail: [p.function, p.structureName].filter(Boolean).join(" · "),
  }));
  const isChosen = (key: string) => chosen.some((g) => g.key === key);

  const toggle = (guest: ChosenGuest, on: boolean) =>
    onChange(on ? [...chosen, guest] : chosen.filter((g) => g.key !== guest.key));

  const addOutsider = () => {
    const n = name.trim();
    const e = email.trim();
    const nErr = n === "" ? "Indiquez le nom de la personne invitée." : null;
    const eErr = e === "" ? null : validators.email(e);
    setNameError(nErr);
    setEmailError(eErr);
    if (nErr || eErr) return;
    onChange([
      ...chosen,
      {
        key: `outside:${n.toLowerCase()}:${e.toLowerCase()}:${Date.now()}`,
        name: n,
        email: e || undefined,
        detail: e ? `Hors annuaire · ${e}` : "Hors annuaire, sans e-mail",
      },
    ]);
    setName("");
    setEmail("");
  };
  const addOnEnter = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      addOutsider();
    }
  };

  return (
    <div className="stack guest-picker">
      <SearchField
        label="Chercher dans l'annuaire"
        placeholder="Nom, structure, fonction…"
        value={search}
        onChange={setSearch}
      />
      {results.isError ? <Alert tone="error">{messageOf(results.error)}</Alert> : null}
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
      {people.length > 0 ? (
        <ul className="pick-list pick-list--check" aria-label="Personnes trouvées">
          {people.map((p) => {
            const already = invited?.has(p.personId) ?? false;
            const detailId = `${id}-${p.personId}`;
            return (
              <li key={p.key} className="pick-list__item">
                <Checkbox
                  isSelected={already || isChosen(p.key)}
                  isDisabled={already}
                  onChange={(on) => toggle(p, on)}
                  aria-describedby={detailId}
                >
                  {p.name}
                </Checkbox>
                <span id={detailId} className="cell-sub pick-list__detail">
                  {[p.detail, already ? invitedLabel : ""].filter(Boolean).join(" · ") || "—"}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      <fieldset className="fieldset guest-picker__outside">
        <legend>Une personne hors de l'annuaire</legend>
        <div className="form__row">
          <TextField
            label="Nom de la personne"
            value={name}
            onChange={(v) => {
              setName(v);
              setNameError(null);
            }}
            onKeyDown={addOnEnter}
            validationBehavior="aria"
            validate={() => nameError}
          />
          <TextField
            label="Son adresse e-mail"
            description="Facultative ; sans elle, la personne ne reçoit pas la convocation."
            value={email}
            onChange={(v) => {
              setEmail(v);
              setEmailError(null);
            }}
            onKeyDown={addOnEnter}
            validationBehavior="aria"
            validate={() => emailError}
          />
        </div>
        <Button onPress={addOutsider}>Ajouter cette personne</Button>
      </fieldset>
      {chosen.length > 0 ? (
        <section className="chosen-people" aria-labelledby={`${id}-chosen`}>
          <h3 id={`${id}-chosen`} className="chosen-people__title">
            {plural(chosen.length, "invité·e ajouté·e", "invité·es ajouté·es")}
          </h3>
          <ul className="chosen-people__list">
            {chosen.map((g) => (
              <li key={g.key}>
                {g.name}
                {g.personId ? null : <span className="muted"> (hors annuaire)</span>}
                <Button
                  variant="quiet"
                  size="sm"
                  aria-label={`Retirer ${g.name} des invité·es`}
                  onPress={() => toggle(g, false)}
                >
                  <span aria-hidden="true">✕</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
