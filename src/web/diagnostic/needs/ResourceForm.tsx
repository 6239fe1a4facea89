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
import { SelectField } from "../../ui/SelectField";
import { ObjectiveCheckboxes } from "./ObjectiveCheckboxes";
import { AudienceField, DescriptionField, TitleField } from "./RecordFields";
import { RecordForm, type RecordFormProps } from "./RecordForm";
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
}: RecordFormProps<CreateResourceBody> & { clsmId: string; resource?: ResourceDetail }) {
  const [title, setTitle] = useState(resource?.title ?? "");
  const [kind, setKind] = useState<ResourceKind>(resource?.kind ?? "service");
  const [structure, setStructure] = useState<DirectoryChoice | null>(resource?.structure ?? null);
  const [description, setDescription] = useState(resource?.description ?? "");
  const [audience, setAudience] = useState(resource?.audience ?? "");
  const [territoryPart, setTerritoryPart] = useState(resource?.territoryPart ?? "");
  const [objectives, setObjectives] = useState<Objective[]>(resource?.objectives ?? []);
  return (
    <RecordForm
      error={error}
      isPending={isPending}
      onCancel={onCancel}
      onSubmit={() =>
        onSubmit({
          title: title.trim(),
          kind,
          structureId: structure?.id ?? null,
          description: description.trim(),
          audience: audience.trim(),
          territoryPart: territoryPart.trim(),
          objectives,
        })
      }
    >
      <TitleField
        label="Ressource"
        description="Par exemple « Permanence d'accès aux soins de santé » ou « Groupe de parole des aidants »."
        value={title}
        onChange={setTitle}
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
      <DescriptionField value={description} onChange={setDescription} />
      <AudienceField value={audience} onChange={setAudience} />
      <TerritoryPartField clsmId={clsmId} value={territoryPart} onChange={setTerritoryPart} />
      <ObjectiveCheckboxes
        value={objectives}
        onChange={setObjectives}
        description="Les objectifs auxquels cette ressource répond."
      />
    </RecordForm>
  );
}
