import { useState } from "react";
import type { CreateNeedBody, NeedDetail } from "../../../contracts/diagnostic-needs";
import type { Objective } from "../../../contracts/objectives";
import { Button } from "../../ui/Button";
import { Form, validators } from "../../ui/Form";
import { TextField } from "../../ui/TextField";
import { ObjectiveCheckboxes } from "./ObjectiveCheckboxes";
import { TerritoryPartField } from "./TerritoryPartField";

/** Records or edits a need (constat): what, for whom, where, from which source, and its objectives. */
export function NeedForm({
  clsmId,
  need,
  error,
  isPending,
  onSubmit,
  onCancel,
}: {
  clsmId: string;
  need?: NeedDetail;
  error: unknown;
  isPending: boolean;
  onSubmit: (body: CreateNeedBody) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(need?.title ?? "");
  const [description, setDescription] = useState(need?.description ?? "");
  const [theme, setTheme] = useState(need?.theme ?? "");
  const [audience, setAudience] = useState(need?.audience ?? "");
  const [territoryPart, setTerritoryPart] = useState(need?.territoryPart ?? "");
  const [source, setSource] = useState(need?.source ?? "");
  const [evidence, setEvidence] = useState(need?.evidence ?? "");
  const [objectives, setObjectives] = useState<Objective[]>(need?.objectives ?? []);
  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          title: title.trim(),
          description: description.trim(),
          theme: theme.trim(),
          audience: audience.trim(),
          territoryPart: territoryPart.trim(),
          source: source.trim(),
          evidence: evidence.trim(),
          objectives,
        });
      }}
    >
      <TextField
        label="Constat"
        name="title"
        isRequired
        value={title}
        onChange={setTitle}
        validate={validators.required()}
        description="En une phrase, par exemple « Délais d'attente de plusieurs mois en CMP adulte »."
      />
      <TextField
        label="Description"
        name="description"
        multiline
        value={description}
        onChange={setDescription}
      />
      <div className="form__row">
        <TextField
          label="Thème"
          name="theme"
          value={theme}
          onChange={setTheme}
          description="Logement, accès aux soins, jeunesse…"
        />
        <TextField
          label="Public concerné"
          name="audience"
          value={audience}
          onChange={setAudience}
          description="Jeunes, personnes âgées, familles…"
        />
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
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          Enregistrer
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
