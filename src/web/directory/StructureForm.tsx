import { useState } from "react";
import type { CreateStructureBody, StructureDetail, StructureType } from "../../contracts/directory";
import { Button } from "../ui/Button";
import { Form, validators } from "../ui/Form";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useClsm } from "../workspaces/api";
import { useColleges } from "./api";
import { structureTypeOptions } from "./filters";

const NONE = "aucun";

export function StructureForm({
  clsmId,
  structure,
  error,
  isPending,
  onSubmit,
  onCancel,
}: {
  clsmId: string;
  structure?: StructureDetail;
  error: unknown;
  isPending: boolean;
  onSubmit: (body: CreateStructureBody) => void;
  onCancel: () => void;
}) {
  const colleges = useColleges(clsmId);
  const clsm = useClsm(clsmId);
  const s = structure;
  const [name, setName] = useState(s?.name ?? "");
  const [type, setType] = useState<StructureType>(s?.type ?? "association");
  const [collegeId, setCollegeId] = useState<string>(s?.collegeId ?? NONE);
  const [address, setAddress] = useState(s?.address ?? "");
  const [postalCode, setPostalCode] = useState(s?.postalCode ?? "");
  const [communeCode, setCommuneCode] = useState<string>(s?.communeCode ?? NONE);
  const [phone, setPhone] = useState(s?.phone ?? "");
  const [email, setEmail] = useState(s?.email ?? "");
  const [website, setWebsite] = useState(s?.website ?? "");
  const [siret, setSiret] = useState(s?.siret ?? "");
  const [finess, setFiness] = useState(s?.finess ?? "");
  const [notes, setNotes] = useState(s?.notes ?? "");

  const communes = clsm.data?.territory.communes ?? [];
  const communeOptions = [
    { id: NONE, label: "Non précisée" },
    ...communes.map((c) => ({ id: c.code, label: c.name })),
  ];
  if (s?.communeCode && !communes.some((c) => c.code === s.communeCode))
    communeOptions.push({ id: s.communeCode, label: s.communeName ?? s.communeCode });
  const collegeOptions = [
    { id: NONE, label: "Aucun collège" },
    ...(colleges.data?.items ?? []).map((c) => ({ id: c.id, label: c.name })),
  ];

  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        const commune = communeOptions.find((c) => c.id === communeCode);
        onSubmit({
          name: name.trim(),
          type,
          collegeId: collegeId === NONE ? null : collegeId,
          address: address.trim(),
          postalCode: postalCode.trim(),
          communeCode: communeCode === NONE ? "" : communeCode,
          communeName: communeCode === NONE ? "" : (commune?.label ?? ""),
          phone: phone.trim(),
          email: email.trim(),
          website: website.trim(),
          siret: siret.trim(),
          finess: finess.trim(),
          notes: notes.trim(),
        });
      }}
    >
      <TextField
        label="Nom de la structure"
        name="name"
        isRequired
        value={name}
        onChange={setName}
        validate={validators.required()}
        autoComplete="organization"
      />
      <div className="form__row">
        <SelectField
          label="Type"
          name="type"
          options={structureTypeOptions}
          selectedKey={type}
          onSelectionChange={(k) => k && setType(k as StructureType)}
        />
        <SelectField
          label="Collège"
          name="collegeId"
          options={collegeOptions}
          selectedKey={collegeId}
          onSelectionChange={(k) => setCollegeId(String(k ?? NONE))}
        />
      </div>
      <TextField
        label="Adresse"
        name="address"
        value={address}
        onChange={setAddress}
        autoComplete="street-address"
      />
      <div className="form__row">
        <TextField
          label="Code postal"
          name="postalCode"
          value={postalCode}
          onChange={setPostalCode}
          inputMode="numeric"
        />
        <SelectField
          label="Commune"
          name="communeCode"
          options={communeOptions}
          selectedKey={communeCode}
          onSelectionChange={(k) => setCommuneCode(String(k ?? NONE))}
          description="Une commune du territoire du CLSM."
        />
      </div>
      <div className="form__row">
        <TextField label="Téléphone" name="phone" type="tel" value={phone} onChange={setPhone} />
        <TextField label="Adresse e-mail" name="email" type="email" value={email} onChange={setEmail} />
      </div>
      <TextField
        label="Site web"
        name="website"
        value={website}
        onChange={setWebsite}
        placeholder="https://…"
      />
      <div className="form__row">
        <TextField
          label="Numéro SIRET"
          name="siret"
          value={siret}
          onChange={setSiret}
          description="14 chiffres."
        />
        <TextField
          label="Numéro FINESS"
          name="finess"
          value={finess}
          onChange={setFiness}
          description="9 caractères."
        />
      </div>
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
