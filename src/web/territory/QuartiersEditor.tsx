import { Button } from "../ui/Button";
import { NumberField } from "../ui/NumberField";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { newQuartierKey, type PickedCommune, type QuartierDraft } from "./draft";

export interface QuartiersEditorProps {
  quartiers: QuartierDraft[];
  communes: PickedCommune[];
  onChange: (quartiers: QuartierDraft[]) => void;
  /** Prefix of the field names, to match the server's error paths ("territory." when creating). */
  namePrefix: string;
}

/** For an infra-communal CLSM: the neighbourhoods it covers, each in one of the chosen communes. */
export function QuartiersEditor({ quartiers, communes, onChange, namePrefix }: QuartiersEditorProps) {
  const options = communes.map((c) => ({ id: c.code, label: `${c.name} (${c.code})` }));
  const update = (key: string, patch: Partial<QuartierDraft>) =>
    onChange(quartiers.map((q) => (q.key === key ? { ...q, ...patch } : q)));
  return (
    <fieldset className="fieldset quartiers">
      <legend>Quartiers (CLSM infra-communal)</legend>
      <p className="field__description">
        Facultatif. Si le CLSM ne couvre qu'une partie d'une commune, indiquez ses quartiers : la population
        du CLSM devient alors la somme de leurs populations.
      </p>
      {quartiers.map((q, index) => (
        <fieldset key={q.key} className="quartier">
          <legend className="quartier__legend">Quartier {index + 1}</legend>
          <div className="quartier__fields">
            <TextField
              label="Nom du quartier"
              name={`${namePrefix}quartiers.${index}.name`}
              isRequired
              maxLength={120}
              value={q.name}
              onChange={(name) => update(q.key, { name })}
              validate={(v) => (v.trim() === "" ? "Indiquez le nom du quartier." : null)}
            />
            <SelectField
              label="Commune"
              name={`${namePrefix}quartiers.${index}.communeCode`}
              isRequired
              options={options}
              selectedKey={q.communeCode}
              onSelectionChange={(key) => update(q.key, { communeCode: key === null ? null : String(key) })}
              placeholder="Choisir…"
              requiredMessage="Choisissez la commune du quartier."
            />
            <NumberField
              label="Population"
              name={`${namePrefix}quartiers.${index}.population`}
              isRequired
              minValue={0}
              maxValue={10_000_000}
              value={q.population}
              onChange={(population) => update(q.key, { population })}
              requiredMessage="Indiquez la population du quartier."
            />
          </div>
          <Button
            size="sm"
            variant="quiet"
            onPress={() => onChange(quartiers.filter((other) => other.key !== q.key))}
            aria-label={`Retirer le quartier ${index + 1}${q.name ? ` (${q.name})` : ""}`}
          >
            Retirer ce quartier
          </Button>
        </fieldset>
      ))}
      <Button
        size="sm"
        isDisabled={communes.length === 0}
        onPress={() =>
          onChange([
            ...quartiers,
            {
              key: newQuartierKey(),
              name: "",
              communeCode: communes.length === 1 ? (communes[0]?.code ?? null) : null,
              population: Number.NaN,
            },
          ])
        }
      >
        Ajouter un quartier
      </Button>
    </fieldset>
  );
}
