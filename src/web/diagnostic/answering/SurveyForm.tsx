import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import {
  type Answers,
  type AnswerValue,
  allQuestions,
  checkAnswers,
  type SurveyDefinition,
  visibleQuestions,
} from "../../../contracts/survey-definition";
import { ApiError } from "../../lib/api";
import { plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { labelOf, QuestionField } from "./QuestionField";
import "./survey-form.css";

// The answering form of a questionnaire, shared by the public answering page and the builder's preview: every
// question type, the conditions applied as the respondent answers, the plain-language version (FALC) on demand,
// and the problems listed at the top (linked to their questions) when an answer is missing or wrong.

export interface SurveyFormProps {
  definition: SurveyDefinition;
  /** The territory's communes, for a commune question. */
  communes?: readonly { code: string; name: string }[];
  /** Offer the plain-language version (surveys for the public), when the questionnaire has FALC wordings. */
  falc?: boolean;
  /** The builder's preview: the answers are checked, never sent. */
  preview?: boolean;
  /** Answers to start from (a half-filled answer restored). */
  initial?: Answers;
  onChange?: (answers: Answers) => void;
  /** Called with the answers to send (those of the questions shown), once they pass the checks. */
  onSubmit?: (answers: Answers) => void;
  isPending?: boolean;
  /** The last submission's error: its message, and its field messages on the questions (by question id). */
  error?: unknown;
  /**
   * Fields of the page placed before the questions (the respondent's name), given their errors; `headerFields`
   * names them for the list of problems (server key → element id and label), `checkHeader` checks them.
   */
  header?: (errors: Record<string, string>) => ReactNode;
  headerFields?: Record<string, { id: string; label: string }>;
  checkHeader?: () => Record<string, string>;
  submitLabel?: string;
}

const empty: Answers = { answers: {}, others: {} };

/** The server's field keys ("answers.q1", "others.q1", "q1", "respondent.name") → the form's keys. */
function serverProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    Object.entries(error.fields).map(([key, message]) => [key.replace(/^(answers|others)\./, ""), message]),
  );
}

export function SurveyForm({
  definition,
  communes = [],
  falc: offerFalc = false,
  preview = false,
  initial,
  onChange,
  onSubmit,
  isPending,
  error,
  header,
  headerFields = {},
  checkHeader,
  submitLabel = "Envoyer mes réponses",
}: SurveyFormProps) {
  const prefix = `q${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const [given, setGiven] = useState<Answers>(initial ?? empty);
  const [attempted, setAttempted] = useState(false);
  const [headerProblems, setHeaderProblems] = useState<Record<string, string>>({});
  // Questions changed since the server's last refusal: its message about them no longer applies.
  const [changedSinceError, setChangedSinceError] = useState<Set<string>>(new Set());
  const [falc, setFalc] = useState(false);
  const [checkedInPreview, setCheckedInPreview] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);

  const hasFalc = useMemo(
    () =>
      definition.sections.some(
        (s) =>
          s.falcTitle ||
          s.questions.some(
            (q) =>
              q.falcLabel ||
              ("choices" in q && q.choices.some((c) => c.falcLabel)) ||
              ("rows" in q && q.rows.some((r) => r.falcLabel)),
          ),
      ),
    [definition],
  );
  const visible = useMemo(
    () => new Set(visibleQuestions(definition, given.answers).map((q) => q.id)),
    [definition, given.answers],
  );
  const codes = useMemo(() => communes.map((c) => c.code), [communes]);
  const clientProblems = useMemo(
    () => (attempted ? checkAnswers(definition, given, codes).problems : {}),
    [attempted, definition, given, codes],
  );
  const fromServer = useMemo(() => serverProblems(error), [error]);
  // A new refusal from the server: its messages apply again, and the list of problems takes the focus.
  useEffect(() => {
    setChangedSinceError(new Set());
    if (error) setFocusSummary((n) => n + 1);
  }, [error]);
  useEffect(() => {
    if (focusSummary) summary.current?.focus();
  }, [focusSummary]);

  const problemOf = (questionId: string) =>
    clientProblems[questionId] ?? (changedSinceError.has(questionId) ? undefined : fromServer[questionId]);
  const questionProblems = allQuestions(definition)
    .filter((q) => visible.has(q.id) && problemOf(q.id))
    .map((q) => ({ id: `${prefix}-${q.id}`, label: labelOf(q, falc), message: problemOf(q.id) as string }));
  const headerErrors = {
    ...Object.fromEntries(Object.entries(fromServer).filter(([k]) => k in headerFields)),
    ...headerProblems,
  };
  const problems = [
    ...Object.entries(headerErrors).flatMap(([key, message]) => {
      const field = headerFields[key];
      return field ? [{ id: field.id, label: field.label, message }] : [];
    }),
    ...questionProblems,
  ];

  const update = (next: Answers, questionId: string) => {
    setGiven(next);
    setCheckedInPreview(false);
    if (fromServer[questionId]) setChangedSinceError((s) => new Set(s).add(questionId));
    onChange?.(next);
  };
  const setAnswer = (questionId: string, value: AnswerValue | undefined) => {
    const answers = { ...given.answers };
    if (value === undefined) delete answers[questionId];
    else answers[questionId] = value;
    update({ ...given, answers }, questionId);
  };
  const setOther = (questionId: string, text: string) =>
    update({ ...given, others: { ...given.others, [questionId]: text } }, questionId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isPending) return;
    setAttempted(true);
    const { problems: found, kept } = checkAnswers(definition, given, codes);
    const fromHeader = checkHeader?.() ?? {};
    setHeaderProblems(fromHeader);
    if (Object.keys(found).length || Object.keys(fromHeader).length) {
      setFocusSummary((n) => n + 1);
      return;
    }
    if (preview) setCheckedInPreview(true);
    else onSubmit?.(kept);
  };

  /** From the list of problems to the question: its first control takes the focus. */
  const goTo = (event: React.MouseEvent, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    const control = target.matches("input, select, textarea, button")
      ? target
      : target.querySelector<HTMLElement>("input:checked, input, select, textarea, button:not([disabled])");
    (control ?? target).focus();
    target.scrollIntoView({ block: "center" });
  };

  const showSummary = problems.length > 0 && (attempted || Object.keys(fromServer).length > 0);
  const generalError =
    error && !(error instanceof ApiError && Object.keys(error.fields).length) ? error : null;

  return (
    <form className="survey-form" noValidate onSubmit={submit} aria-label="Questionnaire">
      {offerFalc && hasFalc ? (
        <label className="survey-falc">
          <input
            type="checkbox"
            role="switch"
            aria-checked={falc}
            checked={falc}
            onChange={(e) => setFalc(e.target.checked)}
          />
          <span>Version facile à lire (FALC)</span>
        </label>
      ) : null}
      {showSummary ? (
        <div ref={summary} tabIndex={-1} className="survey-problems">
          <h2 className="survey-problems__title">
            {problems.length > 1
              ? `${plural(problems.length, "réponse est", "réponses sont")} à compléter ou à corriger`
              : "Une réponse est à compléter ou à corriger"}
          </h2>
          <ul>
            {problems.map((p) => (
              <li key={p.id}>
                <a href={`#${p.id}`} onClick={(event) => goTo(event, p.id)}>
                  {p.label} : {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {generalError ? (
        <Alert tone="error">{generalError instanceof Error ? generalError.message : ""}</Alert>
      ) : null}
      {header?.(headerErrors)}
      {definition.sections.map((section) => {
        const shown = section.questions.filter((q) => visible.has(q.id));
        if (!shown.length) return null;
        const title = falc && section.falcTitle ? section.falcTitle : section.title;
        const headingId = `${prefix}-s-${section.id}`;
        return (
          <section
            key={section.id}
            className="survey-section"
            aria-labelledby={title ? headingId : undefined}
          >
            {title ? (
              <h2 id={headingId} className="survey-section__title">
                {title}
              </h2>
            ) : null}
            {section.description ? (
              <p className="survey-section__description">{section.description}</p>
            ) : null}
            {shown.map((q) => (
              <QuestionField
                key={q.id}
                id={`${prefix}-${q.id}`}
                question={q}
                value={given.answers[q.id]}
                other={given.others[q.id]}
                onChange={(value) => setAnswer(q.id, value)}
                onOther={(text) => setOther(q.id, text)}
                falc={falc}
                communes={communes}
                error={problemOf(q.id)}
              />
            ))}
          </section>
        );
      })}
      {checkedInPreview ? (
        <Alert tone="success">Aperçu : ces réponses seraient acceptées. Rien n'a été envoyé.</Alert>
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          {preview ? "Vérifier les réponses (aperçu)" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
