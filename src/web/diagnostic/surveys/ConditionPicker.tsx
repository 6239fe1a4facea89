import { useId } from "react";
import type { Condition, ConditionOperator, Question } from "../../../contracts/survey-definition";
import { Checkbox } from "../../ui/Checkbox";
import { NumberField } from "../../ui/NumberField";
import { SelectField } from "../../ui/SelectField";
import { conditionOn, conditionValues, operatorLabels, operatorsFor } from "./editor-model";
import { useFieldError } from "./field-errors";

const shortLabel = (q: Question, index: number) => {
  const label = q.label.trim() || "(sans intitulé)";
  return `${index + 1}. ${label.length > 80 ? `${label.slice(0, 79)}…` : label}`;
};

/**
 * "Show only if…": an earlier question, an operator that suits it, and a value taken from its choices (yes/no,
 * choices, scale points) or typed (a number). `subject` says what is shown ("cette question", "cette section").
 */
export function ConditionPicker({
  condition,
  candidates,
  onChange,
  path,
  subject,
}: {
  condition: Condition | null | undefined;
  /** The questions asked before, numbered as in the questionnaire (their index is their number − 1). */
  candidates: { question: Question; number: number }[];
  onChange: (condition: Condition | null) => void;
  path: string;
  subject: string;
}) {
  const error = useFieldError(path);
  const hintId = useId();
  const target = condition ? candidates.find((c) => c.question.id === condition.questionId) : undefined;
  const values = target ? conditionValues(target.question) : null;
  const operators = target ? operatorsFor(target.question) : [];

  return (
    <div className="condition">
      <Checkbox
        isSelected={Boolean(condition)}
        isDisabled={!condition && candidates.length === 0}
        onChange={(on) => {
          const first = candidates.at(-1);
          onChange(on && first ? conditionOn(first.question) : null);
        }}
        aria-describedby={hintId}
      >
        Afficher {subject} seulement selon une réponse précédente
      </Checkbox>
      <p id={hintId} className="field__description">
        {candidates.length === 0 && !condition
          ? "Aucune question n'est posée avant : une condition ne peut porter que sur une question précédente."
          : "Sinon, elle est toujours affichée."}
      </p>
      {error ? <p className="field__error">{error}</p> : null}
      {condition ? (
        <div className="condition__fields">
          <SelectField
            label="Question précédente"
            options={[
              ...candidates.map((c) => ({ id: c.question.id, label: shortLabel(c.question, c.number - 1) })),
              ...(target ? [] : [{ id: condition.questionId, label: "Question retirée ou placée après" }]),
            ]}
            selectedKey={condition.questionId}
            onSelectionChange={(key) => {
              const chosen = candidates.find((c) => c.question.id === key);
              if (chosen) onChange(conditionOn(chosen.question));
            }}
          />
          {target ? null : (
            <p className="field__error">Cette question n'est plus posée avant : choisissez-en une autre.</p>
          )}
          {target ? (
            <SelectField
              label="Condition"
              options={operators.map((o) => ({ id: o, label: operatorLabels[o] }))}
              selectedKey={condition.operator}
              onSelectionChange={(key) => {
                const operator = key as ConditionOperator;
                const fresh = conditionOn(target.question);
                onChange({
                  questionId: condition.questionId,
                  operator,
                  ...(operator === "answered" ? {} : { value: condition.value ?? fresh.value ?? "0" }),
                });
              }}
            />
          ) : null}
          {target && condition.operator !== "answered" && Array.isArray(values) ? (
            <SelectField
              label="Réponse"
              options={values}
              selectedKey={condition.value ?? null}
              onSelectionChange={(key) => onChange({ ...condition, value: String(key) })}
            />
          ) : null}
          {target && condition.operator !== "answered" && values === "number" ? (
            <NumberField
              label="Valeur"
              value={Number(condition.value ?? 0)}
              formatOptions={{ maximumFractionDigits: 2 }}
              onChange={(n) => onChange({ ...condition, value: Number.isNaN(n) ? "0" : String(n) })}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
