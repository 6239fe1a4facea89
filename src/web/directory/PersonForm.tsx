import { useState } from "react";
import {
  type Civility,
  type CreatePersonBody,
  civilities,
  civilityLabels,
  type PersonDetail,
  type Pillar,
} from "../../contracts/directory";
import { parisToday } from "../lib/format";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { Form, validators } from "../ui/Form";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useColleges, useStructures } from "./api";
import { pillarOptions } from "./labels";

const NONE = "aucun";
const civilityOptions = [
  { id: NONE, label: "Non précisée" },
  ...civilities.map((id) => ({ id, label: civilityLabels[id] })),
];
const pillarChoice = [{ id: NONE, label: "Aucun (autres partenaires)" }, ...pillarOptions];
const COLLEGE_PILLAR = "college";

/** Fields of a person, for creation (with a first role) or edition. */
export function PersonForm({
  clsmId,
  person,
  error,
  isPending,
  onSubmit,
  onCancel,
  defaultStructureId,
}: {
  clsmId: string;
  person?: PersonDetail;
  error: unknown;
  isPending: boolean;
  onSubmit: (body: CreatePersonBody) => void;
  onCancel: () => void;
  defaultStructureId?: string;
}) {
  const colleges = useColleges(clsmId);
  const structures = useStructures(clsmId, { limit: 100, sort: "name" });
  const [civility, setCivility] = useState<string>(person?.civility ?? NONE);
  const [firstName, setFirstName] = useState(person?.firstName ?? "");
  const [lastName, setLastName] = useState(person?.lastName ?? "");
  const [email, setEmail] = useState(person?.email ?? "");
  const [phone, setPhone] = useState(person?.phone ?? "");
  const [collegeId, setCollegeId] = useState<string>(person?.collegeId ?? NONE);
  const [pillar, setPillar] = useState<string>(person ? (person.pillar ?? NONE) : COLLEGE_PILLAR);
  const [fn, setFn] = useState("");
  const [structureId, setStructureId] = useState<string>(defaultStructureId ?? NONE);
  const [consent, setConsent] = useState(person?.consentToContact ?? false);
  const [consentDate, setConsentDate] = useState(person?.consentDate?.slice(0, 10) ?? "");
  const [notes, setNotes] = useState(person?.notes ?? "");

  const collegeOptions = [
    { id: NONE, label: "Aucun collège" },
    ...(colleges.data?.items ?? []).map((c) => ({ id: c.id, label: c.name })),
  ];
  const structureOptions = [
    { id: NONE, label: "Aucune structure" },
    ...(structures.data?.items ?? []).map((s) => ({ id: s.id, label: s.name })),
  ];
  const pillarOptionsHere = person
    ? pillarChoice
    : [{ id: COLLEGE_PILLAR, label: "Celui du collège" }, ...pillarChoice];

  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        const body: CreatePersonBody = {
          civility: civility === NONE ? null : (civility as Civility),
          firstName: firstName.trim(),
          lastName: lastName.trim(),
          email: email.trim(),
          phone: phone.trim(),
          collegeId: collegeId === NONE ? null : collegeId,
          consentToContact: consent,
          consentDate: consent && consentDate ? consentDate : null,
          source: person?.source ?? "saisie",
          notes: notes.trim(),
        };
        if (pillar !== COLLEGE_PILLAR) body.pillar = pillar === NONE ? null : (pillar as Pillar);
        if (!person && fn.trim()) {
          body.role = { function: fn.trim(), structureId: structureId === NONE ? null : structureId };
        }
        onSubmit(body);
      }}
    >
      <SelectField
        label="Civilité"
        name="civility"
        options={civilityOptions}
        selectedKey={civility}
        onSelectionChange={(k) => setCivility(String(k ?? NONE))}
      />
      <div className="form__row">
        <TextField
          label="Prénom"
          name="firstName"
          isRequired
          value={firstName}
          onChange={setFirstName}
          validate={validators.required()}
          autoComplete="off"
        />
        <TextField
          label="Nom"
          name="lastName"
          isRequired
          value={lastName}
          onChange={setLastName}
          validate={validators.required()}
          autoComplete="off"
        />
      </div>
      {!person ? (
        <div className="form__row">
          <TextField label="Fonction" name="role.function" value={fn} onChange={setFn} />
          <SelectField
            label="Structure"
            name="role.structureId"
            options={structureOptions}
            selectedKey={structureId}
            onSelectionChange={(k) => setStructureId(String(k ?? NONE))}
            description={
              fn.trim() ? undefined : "Indiquez une fonction pour rattacher la personne à une structure."
            }
            isDisabled={!fn.trim()}
          />
        </div>
      ) : null}
      <div className="form__row">
        <TextField label="Adresse e-mail" name="email" type="email" value={email} onChange={setEmail} />
        <TextField label="Téléphone" name="phone" type="tel" value={phone} onChange={setPhone} />
      </div>
      <div className="form__row">
        <SelectField
          label="Collège"
          name="collegeId"
          options={collegeOptions}
          selectedKey={collegeId}
          onSelectionChange={(k) => setCollegeId(String(k ?? NONE))}
        />
        <SelectField
          label="Pilier représenté"
          name="pillar"
          options={pillarOptionsHere}
          selectedKey={pillar}
          onSelectionChange={(k) => setPillar(String(k ?? NONE))}
        />
      </div>
      <Checkbox
        isSelected={consent}
        onChange={(value) => {
          setConsent(value);
          if (value && !consentDate) setConsentDate(parisToday());
        }}
      >
        La personne accepte d'être contactée par le CLSM
      </Checkbox>
      {consent ? (
        <TextField
          label="Date du consentement"
          name="consentDate"
          type="date"
          value={consentDate}
          onChange={setConsentDate}
        />
      ) : null}
      <TextField label="Notes" name="notes" multiline value={notes} onChange={setNotes} />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          Enregistrer
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
