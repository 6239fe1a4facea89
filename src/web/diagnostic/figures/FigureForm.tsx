import { useState } from "react";
import {
  type CreateFigureBody,
  FIGURE_YEAR_MIN,
  type FigureItem,
  type FigureLevel,
  figureLevelLabels,
  figureLevels,
  figureYearMax,
  type TerritoryPopulation,
} from "../../../contracts/diagnostic-figures";
import { Button } from "../../ui/Button";
import { Form, validators } from "../../ui/Form";
import { NumberField } from "../../ui/NumberField";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";

const levelOptions = figureLevels.map((l) => ({ id: l, label: figureLevelLabels[l] }));
/** Figures keep the decimals typed (a rate, a ratio), grouped the French way. */
const decimals = { maximumFractionDigits: 6 };
/** An empty number field gives NaN: nothing entered. */
const entered = (n: number) => (Number.isNaN(n) ? null : n);

/**
 * Adds or edits a figure: what, how much, which year, from which source (required), where (a commune, the
 * territory, a département of the territory), and — only if one has them — the département and France values.
 */
export function FigureForm({
  figure,
  population,
  error,
  isPending,
  onSubmit,
  onCancel,
}: {
  figure?: FigureItem;
  population: TerritoryPopulation;
  error: unknown;
  isPending: boolean;
  onSubmit: (body: CreateFigureBody) => void;
  onCancel: () => void;
}) {
  const [label, setLabel] = useState(figure?.label ?? "");
  const [value, setValue] = useState(figure?.value ?? Number.NaN);
  const [unit, setUnit] = useState(figure?.unit ?? "");
  const [year, setYear] = useState(figure?.year ?? Number.NaN);
  const [source, setSource] = useState(figure?.source ?? "");
  const [level, setLevel] = useState<FigureLevel>(figure?.level ?? "territoire");
  const [communeCode, setCommuneCode] = useState<string | null>(figure?.communeCode ?? null);
  const [departementCode, setDepartementCode] = useState<string | null>(figure?.departementCode ?? null);
  const [departementValue, setDepartementValue] = useState(figure?.departementValue ?? Number.NaN);
  const [nationalValue, setNationalValue] = useState(figure?.nationalValue ?? Number.NaN);
  const [comparisonSource, setComparisonSource] = useState(figure?.comparisonSource ?? "");
  const [theme, setTheme] = useState(figure?.theme ?? "");

  const communeOptions = population.communes.map((c) => ({ id: c.code, label: c.name }));
  const departements = new Map(population.communes.map((c) => [c.departementCode, c.departementName]));
  const departementOptions = [...departements].map(([code, name]) => ({
    id: code,
    label: `${name} (${code})`,
  }));

  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          label: label.trim(),
          value,
          unit: unit.trim(),
          year,
          source: source.trim(),
          level,
          communeCode: level === "commune" ? communeCode : null,
          departementCode: level === "departement" ? departementCode : null,
          departementValue: entered(departementValue),
          nationalValue: entered(nationalValue),
          comparisonSource: comparisonSource.trim(),
          theme: theme.trim(),
        });
      }}
    >
      <TextField
        label="Indicateur"
        name="label"
        isRequired
        value={label}
        onChange={setLabel}
        validate={validators.required()}
        description="Par exemple « Patients sous antidépresseurs » ou « Logements sociaux »."
      />
      <div className="form__row">
        <NumberField
          label="Valeur"
          name="value"
          isRequired
          value={value}
          onChange={setValue}
          formatOptions={decimals}
        />
        <TextField
          label="Unité"
          name="unit"
          value={unit}
          onChange={setUnit}
          description="%, habitants, pour 10 000…"
        />
        <NumberField
          label="Année"
          name="year"
          isRequired
          value={year}
          onChange={setYear}
          minValue={FIGURE_YEAR_MIN}
          maxValue={figureYearMax()}
          formatOptions={{ useGrouping: false, maximumFractionDigits: 0 }}
        />
      </div>
      <TextField
        label="Source"
        name="source"
        isRequired
        value={source}
        onChange={setSource}
        validate={validators.required("Indiquez d'où vient ce chiffre.")}
        description="L'organisme et la publication, par exemple « SNDS / Assurance Maladie, données 2023 »."
      />
      <SelectField
        label="Échelle"
        name="level"
        options={levelOptions}
        selectedKey={level}
        onSelectionChange={(k) => k && setLevel(k as FigureLevel)}
      />
      {level === "commune" ? (
        <SelectField
          label="Commune"
          name="communeCode"
          isRequired
          options={communeOptions}
          selectedKey={communeCode}
          onSelectionChange={(k) => setCommuneCode(k === null ? null : String(k))}
          placeholder="Choisir une commune du territoire"
        />
      ) : null}
      {level === "departement" ? (
        <SelectField
          label="Département"
          name="departementCode"
          isRequired
          options={departementOptions}
          selectedKey={departementCode}
          onSelectionChange={(k) => setDepartementCode(k === null ? null : String(k))}
          placeholder="Choisir un département du territoire"
        />
      ) : null}
      <fieldset className="fieldset">
        <legend>Pour comparer (facultatif)</legend>
        <p className="field__description">
          Seulement si vous disposez de ces valeurs, pour le même indicateur et la même année : rien n'est
          calculé ni complété automatiquement.
        </p>
        <div className="form__row">
          <NumberField
            label="Valeur du département"
            name="departementValue"
            value={departementValue}
            onChange={setDepartementValue}
            formatOptions={decimals}
          />
          <NumberField
            label="Valeur nationale"
            name="nationalValue"
            value={nationalValue}
            onChange={setNationalValue}
            formatOptions={decimals}
          />
        </div>
        <TextField
          label="Source des valeurs de comparaison"
          name="comparisonSource"
          value={comparisonSource}
          onChange={setComparisonSource}
          description="À remplir si elle diffère de la source du chiffre."
        />
      </fieldset>
      <TextField
        label="Thème"
        name="theme"
        value={theme}
        onChange={setTheme}
        description="Les chiffres sont regroupés par thème : démographie, santé, logement…"
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
