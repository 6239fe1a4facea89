import { useEffect, useMemo, useState } from "react";
import {
  allQuestions,
  type Question,
  type QuestionType,
  type Section,
  type SurveyDefinition,
} from "../../../contracts/survey-definition";
import type { SurveyDetail } from "../../../contracts/surveys";
import { ApiError } from "../../lib/api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Form } from "../../ui/Form";
import { useSaveDefinition } from "./api";
import {
  blankQuestion,
  blankSection,
  LOCK_REASON,
  locksOf,
  move,
  moveQuestion,
  removeAt,
  replaceAt,
} from "./editor-model";
import { describePath, FieldErrorsContext } from "./field-errors";
import { moveButtonId } from "./QuestionEditor";
import { SectionEditor } from "./SectionEditor";

/** From this many questions, the questionnaire opens with its questions folded. */
const FOLD_FROM = 6;

/**
 * The questionnaire being edited: a local draft of sections and questions, saved as a whole. The server's field
 * errors show next to their fields (and in a summary); leaving with unsaved changes is warned by the page.
 */
export function QuestionnaireEditor({
  clsmId,
  survey,
  onDirtyChange,
  onSaved,
}: {
  clsmId: string;
  survey: SurveyDetail;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (message: string) => void;
}) {
  const save = useSaveDefinition(clsmId, survey.id);
  const [draft, setDraft] = useState<SurveyDefinition>(survey.definition);
  const [focusQuestionId, setFocusQuestionId] = useState<string | null>(null);
  // Long questionnaires open folded; a question with an error from the server unfolds.
  const [folded, setFolded] = useState(
    () =>
      new Set(
        allQuestions(survey.definition).length > FOLD_FROM
          ? allQuestions(survey.definition).map((q) => q.id)
          : [],
      ),
  );
  const dirty = useMemo(
    () => JSON.stringify(draft) !== JSON.stringify(survey.definition),
    [draft, survey.definition],
  );
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const locks = useMemo(
    () => locksOf(survey.definition, !survey.can.editStructure),
    [survey.definition, survey.can.editStructure],
  );
  const falc = survey.audience === "public";
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const errorPaths = Object.keys(fields);
  const isExpanded = (id: string, path: string) =>
    !folded.has(id) || errorPaths.some((p) => p === path || p.startsWith(`${path}.`));
  const toggle = (id: string) =>
    setFolded((f) => {
      const next = new Set(f);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const setSection = (si: number, section: Section) =>
    setDraft((d) => ({ sections: replaceAt(d.sections, si, section) }));
  const setQuestions = (si: number, fn: (questions: Question[]) => Question[]) =>
    setDraft((d) => {
      const section = d.sections[si];
      return section
        ? { sections: replaceAt(d.sections, si, { ...section, questions: fn(section.questions) }) }
        : d;
    });
  const focusSection = (id: string | undefined) =>
    requestAnimationFrame(() => (id ? document.getElementById(`section-${id}`)?.focus() : undefined));
  /** The same move button, or the other one when the question has reached the top or the bottom. */
  const focusMoveButton = (questionId: string, delta: -1 | 1) =>
    requestAnimationFrame(() => {
      const same = document.getElementById(moveButtonId(questionId, delta));
      if (same && !same.hasAttribute("disabled")) same.focus();
      else document.getElementById(moveButtonId(questionId, delta < 0 ? 1 : -1))?.focus();
    });

  // Numbers and "asked before" lists follow the order of the draft.
  const asked = draft.sections
    .flatMap((s) => s.questions)
    .map((question, i) => ({ question, number: i + 1 }));
  /** How many questions come before each section. */
  const before = draft.sections.map((_, si) =>
    draft.sections.slice(0, si).reduce((n, x) => n + x.questions.length, 0),
  );

  return (
    <FieldErrorsContext.Provider value={fields}>
      <Form
        error={save.error}
        isPending={save.isPending}
        requiredNote={false}
        className="questionnaire-editor"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(draft, {
            onSuccess: (saved) => {
              setDraft(saved.definition);
              onSaved("Questionnaire enregistré.");
            },
          });
        }}
      >
        {locks.active ? <Alert tone="info">{LOCK_REASON}</Alert> : null}
        {Object.keys(fields).length > 0 ? (
          <ul className="error-summary" aria-label="Champs à corriger">
            {Object.entries(fields).map(([path, message]) => (
              <li key={path}>
                {describePath(path)} : {message}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="question-editor__buttons">
          <Button size="sm" onPress={() => setFolded(new Set())}>
            Tout déplier
          </Button>
          <Button size="sm" onPress={() => setFolded(new Set(allQuestions(draft).map((q) => q.id)))}>
            Tout replier
          </Button>
        </div>
        {draft.sections.map((section, si) => (
          <SectionEditor
            key={section.id}
            section={section}
            index={si}
            sectionCount={draft.sections.length}
            firstNumber={(before[si] ?? 0) + 1}
            falc={falc}
            locks={locks}
            candidatesAt={(qi) => asked.slice(0, (before[si] ?? 0) + Math.max(0, qi))}
            focusQuestionId={focusQuestionId}
            isExpanded={isExpanded}
            onToggle={toggle}
            onChange={(next) => setSection(si, next)}
            onMove={(delta) => {
              setDraft((d) => ({ sections: move(d.sections, si, delta) }));
              focusSection(section.id);
            }}
            onRemove={() => {
              setDraft((d) => ({ sections: removeAt(d.sections, si) }));
              focusSection(draft.sections[si === 0 ? 1 : si - 1]?.id);
            }}
            onQuestionChange={(qi, q) => setQuestions(si, (qs) => replaceAt(qs, qi, q))}
            onQuestionMove={(qi, delta) => {
              const question = section.questions[qi];
              setDraft((d) => ({ sections: moveQuestion(d.sections, si, qi, delta) }));
              // Into another section the question is drawn anew: its move button gets the focus back.
              const crosses = qi + delta < 0 || qi + delta >= section.questions.length;
              if (question && crosses) focusMoveButton(question.id, delta);
            }}
            onQuestionRemove={(qi) => {
              setDraft((d) => {
                const s = d.sections[si];
                if (!s) return d;
                const next = { ...s, questions: removeAt(s.questions, qi) };
                return { sections: replaceAt(d.sections, si, next) };
              });
              focusSection(section.id);
            }}
            onQuestionAdd={(type: QuestionType) => {
              const q = blankQuestion(type);
              setQuestions(si, (qs) => [...qs, q]);
              setFocusQuestionId(q.id);
            }}
          />
        ))}
        <div className="questionnaire-editor__add">
          <Button
            onPress={() => {
              const s = blankSection();
              setDraft((d) => ({ sections: [...d.sections, s] }));
              focusSection(s.id);
            }}
          >
            Ajouter une section
          </Button>
        </div>
        <div className="save-bar">
          <p className="save-bar__state" aria-live="polite">
            {dirty ? "Modifications non enregistrées." : "Tout est enregistré."}
          </p>
          <Button type="submit" variant="primary" isPending={save.isPending} isDisabled={!dirty}>
            Enregistrer le questionnaire
          </Button>
          {dirty ? (
            <Button
              onPress={() => {
                setDraft(survey.definition);
                save.reset();
              }}
            >
              Annuler les modifications
            </Button>
          ) : null}
        </div>
      </Form>
    </FieldErrorsContext.Provider>
  );
}
