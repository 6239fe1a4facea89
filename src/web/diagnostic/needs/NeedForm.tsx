import { useState } from "react";
import type { CreateNeedBody, NeedDetail } from "../../../contracts/diagnostic-needs";
import type { Objective } from "../../../contracts/objectives";
import { TextField } from "../../ui/TextField";
import { ObjectiveCheckboxes } from "./ObjectiveCheckboxes";
import { AudienceField, DescriptionField, TitleField } from "./RecordFields";
import { RecordForm, type RecordFormProps } from "./RecordForm";
import { TerritoryPartField } from "./TerritoryPartField";

/** Records or edits a need (constat): what, for whom, where, from which source, and its objectives. */
export function NeedForm({
  clsmId,
  need,
  error,
  isPending,
  onSubmit,
  onCancel,
}: RecordFormProps<CreateNeedBody> & { clsmId: string; need?: NeedDetail }) {
  const [title, setTitle] = useState(need?.title ?? "");
  const [description, setDescription] = useState(need?.description ?? "");
  const [theme, setTheme] = useState(need?.theme ?? "");
  const [audience, setAudience] = useState(need?.audience ?? "");
  const [territoryPart, setTerritoryPart] = useState(need?.territoryPart ?? "");
  const [source, setSource] = useState(need?.source ?? "");
  const [evidence, setEvidence] = useState(need?.evidence ?? "");
  const [objectives, setObjectives] = useState<Objective[]>(need?.objectives ?? []);
  return (
    <RecordForm
      error={error}
      isPending={isPending}
      onCancel={onCancel}
      onSubmit={() =>
        onSubmit({
          title: title.trim(),
          description: description.trim(),
          theme: theme.trim(),
          audience: audience.trim(),
          territoryPart: territoryPart.trim(),
          source: source.trim(),
          evidence: evidence.trim(),
          objectives,
        })
      }
    >
      <TitleField
        label="Constat"
        description="En une phrase, par exemple « Délais d'attente de plusieurs mois en CMP adulte »."
        value={title}
        onChange={setTitle}
      />
      <DescriptionField value={description} onChange={setDescription} />
      <div className="form__row">
        <TextField
          label="Thème"
          name="theme"
          value={theme}
          onChange={setTheme}
          description="Logement, accès aux soins, jeunesse…"
        />
        <AudienceField value={audience} onChange={setAudience} />
      </div>
      <TerritoryPartField clsmId={clsmId} value={territoryPart} onChange={setTerritoryPart} />
      <TextField
        label="Source"
        name="source"
        value={source}
        onChange={setSource}
        description="D'où vient ce constat : une enquête, un groupe de travail, un partenaire, un rapport…"
      />
      <TextField
        label="Éléments qui l'étayent"
        name="evidence"
        multiline
        value={evidence}
        onChange={setEvidence}
        description="Chiffres, témoignages, observations des partenaires."
      />
      <ObjectiveCheckboxes
        value={objectives}
        onChange={setObjectives}
        description="Les objectifs auxquels ce besoin se rattache : le résumé par objectif montre où manquent des ressources."
      />
    </RecordForm>
  );
}
