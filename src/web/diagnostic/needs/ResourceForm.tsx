import { useState } from "react";
import {
  type CreateResourceBody,
  type ResourceDetail,
  type ResourceKind,
  resourceKindLabels,
  resourceKinds,
} from "../../../contracts/diagnostic-needs";
import type { Objective } from "../../../contracts/objectives";
import { type DirectoryChoice, DirectoryPicker } from "../../directory/DirectoryPicker";
import { Button } from "../../ui/Button";
import { Form, validators } from "../../ui/Form";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { ObjectiveCheckboxes } from "./ObjectiveCheckboxes";
import { TerritoryPartField } from "./TerritoryPartField";

const kindOptions = resourceKinds.map((k) => ({ id: k, label: resourceKindLabels[k] }));

/** Records or edits an existing resource: a service, a structure of the directory, an action. */
export function ResourceForm({
  clsmId,
  resource,
  error,
  isPending,
  onSubmit,
  onCancel,
}: {
  clsmId: string;
  resource?: ResourceDetail;
  error: unknown;
  isPending: boolean;
  onSubmit: (body: CreateResourceBody) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(resource?.title ?? "");
  const [kind, setKind] = useState<ResourceKind>(resource?.kind ?? "service");
  const [structure, setStructure] = useState<DirectoryChoice | null>(resource?.structure ?? null);
  const [description, setDescription] = useState(resource?.description ?? "");
  const [audience, setAudience] = useState(resource?.audience ?? "");
  const [territoryPart, setTerritoryPart] = useState(resource?.territoryPart ?? "");
  const [objectives, setObjectives] = useState<Objective[]>(resource?.objectives ?? []);
  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          title: title.trim(),
          kind,
          structureId: structure?.id ?? null,
          description: description.trim(),
          audience: audience.trim(),
          territoryPart: territoryPart.trim(),
          objectives,
        });
      }}
    >
      <TextField
        label="Ressource"
        name="title"
        isRequired
        value={title}
        onChange={setTitle}
        validate={validators.required()}
        description="Par exemple « Permanence d'accès aux soins de santé » ou « Groupe de parole des aidants »."
      />
      <SelectField
        label="Type"
        name="kind"
        options={kindOptions}
        selectedKey={kind}
        onSelectionChange={(k) => k && setKind(k as ResourceKind)}
      />
      <DirectoryPicker
        clsmId={clsmId}
        kind="structures"
        label="Structure de l'annuaire"
        description="Tapez le nom ou la commune d'une structure de l'annuaire ; laissez vide si la ressource n'en dépend pas."
        value={structure}
        onChange={setStructure}
      />
      <TextField
        label="Description"
        name="description"
        multiline
        value={description}
        onChange={setDescription}
      />
      <TextField
        label="Public concerné"
        name="audience"
        value={audience}
        onChange={setAudience}
        description="Jeunes, personnes âgées, familles…"
      />
      <TerritoryPartField clsmId={clsmId} value={territoryPart} onChange={setTerritoryPart} />
      <ObjectiveCheckboxes
        value={objectives}
        onChange={setObjectives}
        description="Les objectifs auxquels cette ressource répond."
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          Enregistrer
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
