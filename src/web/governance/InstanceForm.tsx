import { useId, useState } from "react";
import type { CreateInstanceBody, InstanceDetail, InstanceKind } from "../../contracts/governance";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { Form, validators } from "../ui/Form";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useInstances } from "./api";
import { kindExplanations, kindOptions } from "./labels";

const NONE = "aucun";

/** Creates or edits an instance: kind, name, purpose; theme, public and COPIL for a working group. */
export function InstanceForm({
  clsmId,
  instance,
  defaults,
  error,
  isPending,
  onSubmit,
  onCancel,
}: {
  clsmId: string;
  instance?: InstanceDetail;
  defaults?: { kind?: InstanceKind; parentId?: string };
  error: unknown;
  isPending: boolean;
  onSubmit: (body: CreateInstanceBody) => void;
  onCancel: () => void;
}) {
  const i = instance;
  const copils = useInstances(clsmId, { kind: "copil" });
  const [kind, setKind] = useState<InstanceKind>(i?.kind ?? defaults?.kind ?? "copil");
  const [name, setName] = useState(i?.name ?? "");
  const [purpose, setPurpose] = useState(i?.purpose ?? "");
  const [theme, setTheme] = useState(i?.theme ?? "");
  const [audience, setAudience] = useState(i?.audience ?? "");
  const [parentId, setParentId] = useState<string>(i?.parentId ?? defaults?.parentId ?? NONE);
  const [confidential, setConfidential] = useState(i?.confidential ?? false);
  const confidentialHelp = useId();

  const isGroup = kind === "groupe_travail";
  const parentOptions = [
    { id: NONE, label: "Aucun COPIL" },
    ...(copils.data?.items ?? []).filter((c) => c.id !== i?.id).map((c) => ({ id: c.id, label: c.name })),
  ];
  // An archived COPIL is not listed: keep the current one selectable.
  if (i?.parentId && i.parentName && !parentOptions.some((o) => o.id === i.parentId))
    parentOptions.push({ id: i.parentId, label: `${i.parentName} (archivé)` });

  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          kind,
          name: name.trim(),
          purpose: purpose.trim(),
          // Only a working group has a theme, a public and a COPIL.
          theme: isGroup ? theme.trim() : "",
          audience: isGroup ? audience.trim() : "",
          parentId: isGroup && parentId !== NONE ? parentId : null,
          confidential,
        });
      }}
    >
      <SelectField
        label="Type d'instance"
        name="kind"
        options={kindOptions}
        selectedKey={kind}
        onSelectionChange={(k) => k && setKind(k as InstanceKind)}
        description={kindExplanations[kind]}
      />
      <TextField
        label="Nom"
        name="name"
        isRequired
        value={name}
        onChange={setName}
        validate={validators.required()}
        description={isGroup ? "Par exemple « Groupe logement » ou « Groupe jeunes »." : undefined}
      />
      <TextField
        label="Objet"
        name="purpose"
        multiline
        value={purpose}
        onChange={setPurpose}
        description="Ce que fait l'instance, en une ou deux phrases."
      />
      {isGroup ? (
        <>
          <div className="form__row">
            <TextField
              label="Thème"
              name="theme"
              value={theme}
              onChange={setTheme}
              description="Logement, prévention, culture…"
            />
            <TextField
              label="Public"
              name="audience"
              value={audience}
              onChange={setAudience}
              description="Jeunes, personnes âgées, familles…"
            />
          </div>
          <SelectField
            label="COPIL qui l'a créé"
            name="parentId"
            options={parentOptions}
            selectedKey={parentId}
            onSelectionChange={(k) => setParentId(String(k ?? NONE))}
          />
        </>
      ) : null}
      <div className="field">
        <Checkbox
          name="confidential"
          isSelected={confidential}
          onChange={setConfidential}
          aria-describedby={confidentialHelp}
        >
          Instance confidentielle
        </Checkbox>
        <p id={confidentialHelp} className="field__description">
          Seule la coordination verra ses membres et ses piliers ; les autres membres du CLSM ne verront que
          son nom. À cocher par exemple pour la cellule qui examine des situations individuelles.
        </p>
      </div>
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          Enregistrer
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
