import { useId } from "react";
import {
  type Choice,
  type Condition,
  type Question,
  type QuestionType,
  questionTypeLabels,
  questionTypes,
} from "../../../contracts/survey-definition";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { NumberField } from "../../ui/NumberField";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { ChoiceListEditor } from "./ChoiceListEditor";
import { ConditionPicker } from "./ConditionPicker";
import { isLockedChoice, type Locks, withType } from "./editor-model";
import { useFieldError } from "./field-errors";

export interface QuestionEditorProps {
  question: Question;
  /** Its number in the whole questionnaire (1-based). */
  number: number;
  path: string;
  falc: boolean;
  locks: Locks;
  candidates: { question: Question; number: number }[];
  /** The first (last) question of the whole questionnaire: it cannot go further up (down). */
  isFirst: boolean;
  isLast: boolean;
  autoFocus: boolean;
  /** Folded, the question shows a one-line summary (long questionnaires stay readable). */
  expanded: boolean;
  onToggle: () => void;
  onChange: (question: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** The id of a question's "Monter" (-1) or "Descendre" (1) button, to give it the focus back after a move. */
export const moveButtonId = (questionId: string, delta: -1 | 1) =>
  `question-${questionId}-${delta < 0 ? "up" : "down"}`;

const typeOptions = questionTypes.map((t) => ({ id: t, label: questionTypeLabels[t] }));
const emptyToNull = (n: number) => (Number.isNaN(n) ? null : n);

/** One question: its type, wording, help, FALC wording, required flag, type's options and condition. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { question: q, number, path, falc, locks, isFirst, isLast, onChange, onMove, onRemove } = props;
  const headingId = useId();
  const lockId = useId();
  const bodyId = useId();
  const saved = locks.question(q.id);
  const typeError = useFieldError(`${path}.type`);
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch } as Question);
  const choiceList = (
    key: "choices" | "rows",
    legend: string,
    itemName: string,
    addLabel: string,
    min: number,
    max: number,
  ) => {
    const items = (q as Record<string, unknown>)[key] as Choice[];
    return (
      <ChoiceListEditor
        legend={legend}
        itemName={itemName}
        addLabel={addLabel}
        items={items}
        onChange={(next) => set({ [key]: next } as Partial<Question>)}
        path={`${path}.${key}`}
        min={min}
        max={max}
        falc={falc}
        isLocked={(id) => isLockedChoice(locks, q.id, id, key)}
      />
    );
  };

  return (
    <section className="question-editor" aria-labelledby={headingId}>
      <div className="question-editor__header">
        <h4 id={headingId} className="question-editor__title">
          Question {number}
          <span className="question-editor__type"> · {questionTypeLabels[q.type]}</span>
        </h4>
        <div className="question-editor__buttons">
          <Button
            size="sm"
            variant="quiet"
            onPress={props.onToggle}
            aria-expanded={props.expanded}
            aria-controls={props.expanded ? bodyId : undefined}
          >
            {props.expanded ? "Replier" : "Déplier"}
            <span className="visually-hidden"> la question {number}</span>
          </Button>
          <Button id={moveButtonId(q.id, -1)} size="sm" isDisabled={isFirst} onPress={() => onMove(-1)}>
            <span aria-hidden="true">↑ </span>Monter
            <span className="visually-hidden"> la question {number}</span>
          </Button>
          <Button id={moveButtonId(q.id, 1)} size="sm" isDisabled={isLast} onPress={() => onMove(1)}>
            <span aria-hidden="true">↓ </span>Descendre
            <span className="visually-hidden"> la question {number}</span>
          </Button>
          <Button
            size="sm"
            variant="danger"
            isDisabled={Boolean(saved)}
            onPress={onRemove}
            aria-describedby={saved ? lockId : undefined}
          >
            Supprimer<span className="visually-hidden"> la question {number}</span>
          </Button>
        </div>
      </div>
      {/* Folded fields are not rendered: a hidden required field would block the browser's form check. */}
      {props.expanded ? null : <QuestionSummary question={q} />}
      {props.expanded ? (
        <div id={bodyId} className="question-editor__body">
          {saved ? (
            <p id={lockId} className="field__description">
              Des réponses existent : cette question ne peut plus être supprimée ni changer de type.
            </p>
          ) : null}
          <SelectField
            label="Type de question"
            options={typeOptions}
            selectedKey={q.type}
            isDisabled={Boolean(saved)}
            onSelectionChange={(key) => {
              const type = key as QuestionType;
              if (type === q.type) return;
              const { id, label, falcLabel, help, required, condition } = q;
              onChange(withType({ id, label, falcLabel, help, required, condition }, type));
            }}
          />
          {typeError ? <p className="field__error">{typeError}</p> : null}
          <TextField
            label="Intitulé"
            name={`${path}.label`}
            isRequired
            maxLength={500}
            value={q.label}
            onChange={(label) => set({ label })}
            autoFocus={props.autoFocus}
          />
          {falc ? (
            <TextField
              label="Version FALC (facile à lire et à comprendre)"
              description="Des mots simples, une idée par phrase. Les répondants peuvent choisir cette version."
              name={`${path}.falcLabel`}
              maxLength={500}
              value={q.falcLabel ?? ""}
              onChange={(falcLabel) => set({ falcLabel })}
            />
          ) : null}
          <TextField
            label="Aide"
            description="Un exemple ou une précision affichée sous la question (facultatif)."
            name={`${path}.help`}
            multiline
            maxLength={1000}
            value={q.help ?? ""}
            onChange={(help) => set({ help })}
          />
          <Checkbox isSelected={q.required} onChange={(required) => set({ required })}>
            Réponse obligatoire
          </Checkbox>
          <TypeOptions
            {...props}
            choiceList={choiceList}
            set={set}
            savedAllowOther={Boolean(saved && "allowOther" in saved && saved.allowOther)}
          />
          <ConditionPicker
            condition={q.condition}
            candidates={props.candidates}
            onChange={(condition: Condition | null) => set({ condition })}
            path={`${path}.condition`}
            subject="cette question"
          />
        </div>
      ) : null}
    </section>
  );
}

/** The folded question: its wording and what is set on it. */
function QuestionSummary({ question: q }: { question: Question }) {
  const facts = [
    q.required ? "obligatoire" : null,
    "choices" in q ? `${q.choices.length} choix` : null,
    q.type === "matrix" ? `${q.rows.length} lignes` : null,
    q.condition ? "avec une condition" : null,
  ].filter(Boolean);
  return (
    <p className="question-editor__summary">
      <span className="question-editor__label">{q.label.trim() || "(sans intitulé)"}</span>
      {facts.length ? <span className="muted"> — {facts.join(", ")}</span> : null}
    </p>
  );
}

function TypeOptions({
  question: q,
  path,
  choiceList,
  set,
  savedAllowOther,
}: QuestionEditorProps & {
  choiceList: (
    key: "choices" | "rows",
    legend: string,
    itemName: string,
    addLabel: string,
    min: number,
    max: number,
  ) => React.ReactNode;
  set: (patch: Partial<Question>) => void;
  savedAllowOther: boolean;
}) {
  switch (q.type) {
    case "single_choice":
    case "multiple_choice":
      return (
        <>
          {choiceList("choices", "Choix proposés", "Choix", "Ajouter un choix", 2, 50)}
          <Checkbox
            isSelected={q.allowOther}
            isDisabled={savedAllowOther}
            onChange={(allowOther) => set({ allowOther })}
          >
            Proposer « Autre, précisez » avec un champ libre
          </Checkbox>
          {q.type === "multiple_choice" ? (
            <NumberField
              label="Nombre maximum de choix"
              description="Laisser vide pour ne pas limiter."
              name={`${path}.maxChoices`}
              minValue={1}
              maxValue={50}
              value={q.maxChoices ?? Number.NaN}
              onChange={(n) => set({ maxChoices: emptyToNull(n) })}
            />
          ) : null}
        </>
      );
    case "scale":
      return choiceList(
        "choices",
        "Points de l'échelle, du premier au dernier",
        "Point",
        "Ajouter un point",
        2,
        11,
      );
    case "ranking":
      return choiceList("choices", "Éléments à classer", "Élément", "Ajouter un élément", 2, 20);
    case "matrix":
      return (
        <>
          {choiceList("rows", "Lignes du tableau (les affirmations)", "Ligne", "Ajouter une ligne", 1, 30)}
          {choiceList("choices", "Colonnes du tableau (l'échelle)", "Colonne", "Ajouter une colonne", 2, 11)}
        </>
      );
    case "number":
      return (
        <div className="question-editor__row">
          <NumberField
            label="Minimum"
            name={`${path}.min`}
            formatOptions={{ maximumFractionDigits: 4 }}
            value={q.min ?? Number.NaN}
            onChange={(n) => set({ min: emptyToNull(n) })}
          />
          <NumberField
            label="Maximum"
            name={`${path}.max`}
            formatOptions={{ maximumFractionDigits: 4 }}
            value={q.max ?? Number.NaN}
            onChange={(n) => set({ max: emptyToNull(n) })}
          />
          <TextField
            label="Unité"
            description="Par exemple : jours, personnes."
            name={`${path}.unit`}
            maxLength={30}
            value={q.unit ?? ""}
            onChange={(unit) => set({ unit })}
          />
          <Checkbox isSelected={q.integer} onChange={(integer) => set({ integer })}>
            Nombre entier seulement
          </Checkbox>
        </div>
      );
    case "rating":
      return (
        <div className="question-editor__row">
          <TextField
            label="Libellé de la note 0"
            description="Par exemple : pas du tout satisfait."
            name={`${path}.minLabel`}
            maxLength={100}
            value={q.minLabel ?? ""}
            onChange={(minLabel) => set({ minLabel })}
          />
          <TextField
            label="Libellé de la note 10"
            description="Par exemple : tout à fait satisfait."
            name={`${path}.maxLabel`}
            maxLength={100}
            value={q.maxLabel ?? ""}
            onChange={(maxLabel) => set({ maxLabel })}
          />
        </div>
      );
    case "commune":
      return (
        <p className="field__description">
          Les répondants choisissent parmi les communes du territoire du CLSM, ou « Hors du territoire ».
        </p>
      );
    default:
      return null;
  }
}
