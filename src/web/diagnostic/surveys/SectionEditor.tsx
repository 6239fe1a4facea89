import { useId } from "react";
import {
  type Condition,
  type Question,
  type QuestionType,
  questionTypeLabels,
  questionTypes,
  type Section,
} from "../../../contracts/survey-definition";
import { Button } from "../../ui/Button";
import { MenuButton, MenuItem } from "../../ui/Menu";
import { TextField } from "../../ui/TextField";
import { ConditionPicker } from "./ConditionPicker";
import { type Locks, sectionHasLocked } from "./editor-model";
import { QuestionEditor } from "./QuestionEditor";

export interface SectionEditorProps {
  section: Section;
  index: number;
  sectionCount: number;
  /** The number of the section's first question in the whole questionnaire. */
  firstNumber: number;
  falc: boolean;
  locks: Locks;
  /** The questions asked before each of its questions (index = question index; last = after all). */
  candidatesAt: (questionIndex: number) => { question: Question; number: number }[];
  /** The question to focus (just added). */
  focusQuestionId: string | null;
  isExpanded: (questionId: string, path: string) => boolean;
  onToggle: (questionId: string) => void;
  onChange: (section: Section) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onQuestionChange: (questionIndex: number, question: Question) => void;
  /** One place up or down; from the first or last question, into the neighbouring section. */
  onQuestionMove: (questionIndex: number, delta: -1 | 1) => void;
  onQuestionRemove: (questionIndex: number) => void;
  onQuestionAdd: (type: QuestionType) => void;
}

/** A section: its title (and FALC title), presentation, condition, and its questions. */
export function SectionEditor(props: SectionEditorProps) {
  const { section: s, index, sectionCount, falc, locks, onChange } = props;
  const headingId = `section-${s.id}`;
  const lockId = useId();
  const path = `sections.${index}`;
  const locked = sectionHasLocked(locks, s);
  return (
    <section className="section-editor" aria-labelledby={headingId}>
      <div className="section-editor__header">
        <h3 id={headingId} className="section-editor__title" tabIndex={-1}>
          Section {index + 1}
          {s.title ? ` : ${s.title}` : ""}
        </h3>
        <div className="question-editor__buttons">
          <Button size="sm" isDisabled={index === 0} onPress={() => props.onMove(-1)}>
            <span aria-hidden="true">↑ </span>Monter
            <span className="visually-hidden"> la section {index + 1}</span>
          </Button>
          <Button size="sm" isDisabled={index === sectionCount - 1} onPress={() => props.onMove(1)}>
            <span aria-hidden="true">↓ </span>Descendre
            <span className="visually-hidden"> la section {index + 1}</span>
          </Button>
          <Button
            size="sm"
            variant="danger"
            isDisabled={sectionCount === 1 || locked}
            onPress={props.onRemove}
            aria-describedby={locked ? lockId : undefined}
          >
            Supprimer<span className="visually-hidden"> la section {index + 1} et ses questions</span>
          </Button>
        </div>
      </div>
      {locked ? (
        <p id={lockId} className="field__description">
          Cette section contient des questions qui ont des réponses : elle ne peut plus être supprimée.
        </p>
      ) : null}
      <div className="section-editor__fields">
        <TextField
          label="Titre de la section"
          description="Facultatif quand le questionnaire n'a qu'une section."
          name={`${path}.title`}
          maxLength={300}
          value={s.title}
          onChange={(title) => onChange({ ...s, title })}
        />
        {falc ? (
          <TextField
            label="Titre de la section en FALC"
            name={`${path}.falcTitle`}
            maxLength={300}
            value={s.falcTitle ?? ""}
            onChange={(falcTitle) => onChange({ ...s, falcTitle })}
          />
        ) : null}
        <TextField
          label="Présentation de la section"
          name={`${path}.description`}
          multiline
          maxLength={2000}
          value={s.description ?? ""}
          onChange={(description) => onChange({ ...s, description })}
        />
        {index > 0 ? (
          <ConditionPicker
            condition={s.condition}
            candidates={props.candidatesAt(-1)}
            onChange={(condition: Condition | null) => onChange({ ...s, condition })}
            path={`${path}.condition`}
            subject="cette section"
          />
        ) : null}
      </div>
      {s.questions.length === 0 ? <p className="muted">Aucune question dans cette section.</p> : null}
      <ol className="section-editor__questions">
        {s.questions.map((q, qi) => (
          <li key={q.id}>
            <QuestionEditor
              question={q}
              number={props.firstNumber + qi}
              path={`${path}.questions.${qi}`}
              expanded={props.isExpanded(q.id, `${path}.questions.${qi}`)}
              onToggle={() => props.onToggle(q.id)}
              falc={falc}
              locks={locks}
              candidates={props.candidatesAt(qi)}
              isFirst={index === 0 && qi === 0}
              isLast={index === sectionCount - 1 && qi === s.questions.length - 1}
              autoFocus={props.focusQuestionId === q.id}
              onChange={(next) => props.onQuestionChange(qi, next)}
              onMove={(delta) => props.onQuestionMove(qi, delta)}
              onRemove={() => props.onQuestionRemove(qi)}
            />
          </li>
        ))}
      </ol>
      <MenuButton
        label={`Ajouter une question à la section ${index + 1}`}
        onAction={(key) => props.onQuestionAdd(key as QuestionType)}
      >
        {questionTypes.map((t) => (
          <MenuItem key={t} id={t}>
            {questionTypeLabels[t]}
          </MenuItem>
        ))}
      </MenuButton>
    </section>
  );
}
