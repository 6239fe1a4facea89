import type { ReactNode } from "react";
import { type AnswerValue, type Choice, OTHER, type Question } from "../../../contracts/survey-definition";
import { MatrixField } from "./MatrixField";
import { RankingField } from "./RankingField";

// One question of the answering form, with native controls (they work with every keyboard, screen reader and
// phone): a fieldset and its legend for the questions answered with several controls, a label for the others.
// The help text and the error are tied to the controls with aria-describedby.

export interface QuestionFieldProps {
  question: Question;
  value: AnswerValue | undefined;
  other: string | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  onOther: (text: string) => void;
  /** Plain-language wordings (FALC) where the questionnaire has them. */
  falc: boolean;
  communes: readonly { code: string; name: string }[];
  /** The id of the question's block; its controls' ids start with it. */
  id: string;
  error?: string;
}

export const labelOf = (item: { label: string; falcLabel?: string }, falc: boolean) =>
  falc && item.falcLabel ? item.falcLabel : item.label;

/** "2,5" or "2.5" → 2.5; anything else stays text (the answer check then says "Donnez un nombre."). */
function parseNumber(text: string): AnswerValue | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const n = Number(trimmed.replace(/\s/g, "").replace(",", "."));
  return /^-?[\d\s]+([.,]\d+)?$/.test(trimmed) && Number.isFinite(n) ? n : text;
}

const shownNumber = (value: AnswerValue | undefined) =>
  typeof value === "number" ? String(value).replace(".", ",") : typeof value === "string" ? value : "";

export function QuestionField(props: QuestionFieldProps) {
  const { question: q, value, falc, id, error } = props;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const hints = hintsOf(q, falc);
  const describedBy =
    [q.help || hints.length ? helpId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const label = (
    <>
      {labelOf(q, falc)}
      {q.required ? <Required /> : null}
    </>
  );
  const help =
    q.help || hints.length ? (
      <div id={helpId} className="survey-question__help">
        {q.help ? <p>{q.help}</p> : null}
        {hints.map((hint) => (
          <p key={hint}>{hint}</p>
        ))}
      </div>
    ) : null;
  const errorText = error ? (
    <p id={errorId} className="field__error survey-question__error">
      {error}
    </p>
  ) : null;
  const common = { "aria-describedby": describedBy, "aria-invalid": error ? true : undefined };

  const group = (children: ReactNode, radio = false) => (
    <fieldset
      className="survey-question survey-question--group"
      id={id}
      {...common}
      {...(radio ? { role: "radiogroup", "aria-required": q.required || undefined } : {})}
    >
      <legend className="survey-question__label">{label}</legend>
      {help}
      {errorText}
      {children}
    </fieldset>
  );
  const single = (control: ReactNode) => (
    <div className="survey-question" id={id}>
      <label className="survey-question__label" htmlFor={`${id}-input`}>
        {label}
      </label>
      {help}
      {errorText}
      {control}
    </div>
  );
  const input = {
    id: `${id}-input`,
    className: "field__input",
    "aria-required": q.required || undefined,
    ...common,
  };

  switch (q.type) {
    case "single_choice":
    case "scale":
    case "yes_no":
    case "rating": {
      const options =
        q.type === "yes_no"
          ? [
              { id: "yes", label: "Oui" },
              { id: "no", label: "Non" },
            ]
          : q.type === "rating"
            ? Array.from({ length: 11 }, (_, n) => ({ id: String(n), label: String(n) }))
            : q.choices.map((c) => ({ id: c.id, label: labelOf(c, falc) }));
      const current =
        typeof value === "boolean" ? (value ? "yes" : "no") : value === undefined ? undefined : String(value);
      const pick = (key: string) =>
        props.onChange(q.type === "yes_no" ? key === "yes" : q.type === "rating" ? Number(key) : key);
      const withOther = q.type === "single_choice" && q.allowOther;
      const inline = q.type === "rating" || q.type === "yes_no" || q.type === "scale";
      return group(
        <>
          <div className={inline ? "survey-options survey-options--inline" : "survey-options"}>
            {[...options, ...(withOther ? [{ id: OTHER, label: "Autre, précisez" }] : [])].map((o, i) => (
              <label key={o.id} className="survey-option" htmlFor={`${id}-${i}`}>
                <input
                  id={`${id}-${i}`}
                  type="radio"
                  name={id}
                  value={o.id}
                  checked={current === o.id}
                  onChange={() => pick(o.id)}
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
          {withOther && value === OTHER ? <OtherText {...props} /> : null}
        </>,
        true,
      );
    }
    case "multiple_choice": {
      const chosen = Array.isArray(value) ? value : [];
      const toggle = (key: string, on: boolean) => {
        const next = on ? [...chosen, key] : chosen.filter((c) => c !== key);
        props.onChange(next.length ? next : undefined);
      };
      const options: Choice[] = [
        ...q.choices,
        ...(q.allowOther ? [{ id: OTHER, label: "Autre, précisez" }] : []),
      ];
      return group(
        <>
          <div className="survey-options">
            {options.map((c, i) => (
              <label key={c.id} className="survey-option" htmlFor={`${id}-${i}`}>
                <input
                  id={`${id}-${i}`}
                  type="checkbox"
                  value={c.id}
                  checked={chosen.includes(c.id)}
                  onChange={(event) => toggle(c.id, event.target.checked)}
                />
                <span>{c.id === OTHER ? c.label : labelOf(c, falc)}</span>
              </label>
            ))}
          </div>
          {chosen.includes(OTHER) ? <OtherText {...props} /> : null}
        </>,
      );
    }
    case "short_text":
      return single(
        <input
          {...input}
          type="text"
          maxLength={500}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => props.onChange(event.target.value || undefined)}
        />,
      );
    case "long_text":
      return single(
        <textarea
          {...input}
          className="field__input field__input--multiline"
          rows={5}
          maxLength={5000}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => props.onChange(event.target.value || undefined)}
        />,
      );
    case "number":
      return single(
        <span className="survey-number">
          <input
            {...input}
            className="field__input field__input--number"
            type="text"
            inputMode={q.integer ? "numeric" : "decimal"}
            autoComplete="off"
            value={shownNumber(value)}
            onChange={(event) => props.onChange(parseNumber(event.target.value))}
          />
          {q.unit ? <span aria-hidden="true">{q.unit}</span> : null}
        </span>,
      );
    case "date":
      return single(
        <input
          {...input}
          className="field__input survey-date"
          type="date"
          value={typeof value === "string" ? value : ""}
          onChange={(event) => props.onChange(event.target.value || undefined)}
        />,
      );
    case "commune":
      return single(
        <select
          {...input}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => props.onChange(event.target.value || undefined)}
        >
          <option value="">Choisissez votre commune</option>
          {props.communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
          <option value={OTHER}>Autre commune (hors du territoire)</option>
        </select>,
      );
    case "ranking":
      return group(<RankingField {...props} question={q} />);
    case "matrix":
      return group(<MatrixField {...props} question={q} />);
  }
}

/** What a respondent needs to know to answer: the number of choices, the bounds, the unit. */
function hintsOf(q: Question, falc: boolean): string[] {
  switch (q.type) {
    case "multiple_choice":
      return [
        q.maxChoices
          ? `Plusieurs réponses possibles (au plus ${q.maxChoices}).`
          : "Plusieurs réponses possibles.",
      ];
    case "rating": {
      const ends = [q.minLabel ? `0 : ${q.minLabel}` : null, q.maxLabel ? `10 : ${q.maxLabel}` : null].filter(
        Boolean,
      );
      return [`Une note de 0 à 10${ends.length ? ` (${ends.join(" ; ")})` : ""}.`];
    }
    case "number": {
      const bounds = [
        q.min != null ? `au moins ${String(q.min).replace(".", ",")}` : null,
        q.max != null ? `au plus ${String(q.max).replace(".", ",")}` : null,
      ].filter(Boolean);
      return [
        [
          q.integer ? "Un nombre entier" : "Un nombre",
          bounds.length ? `, ${bounds.join(" et ")}` : "",
          q.unit ? ` (en ${q.unit})` : "",
          ".",
        ].join(""),
      ];
    }
    case "date":
      return ["Une date (jour, mois, année)."];
    case "ranking":
      return [
        falc
          ? "Mettez en haut ce qui compte le plus pour vous. Utilisez les boutons Monter et Descendre."
          : "Classez les choix du plus important (en haut) au moins important, avec les boutons Monter et Descendre.",
      ];
    default:
      return [];
  }
}

function OtherText(props: QuestionFieldProps) {
  const id = `${props.id}-other`;
  return (
    <div className="survey-other">
      <label htmlFor={id} className="survey-other__label">
        Précisez votre réponse « Autre »
      </label>
      <input
        id={id}
        className="field__input"
        type="text"
        maxLength={500}
        value={props.other ?? ""}
        onChange={(event) => props.onOther(event.target.value)}
      />
    </div>
  );
}

export function Required() {
  return (
    <>
      <span className="field__required" aria-hidden="true">
        {" "}
        *
      </span>
      <span className="visually-hidden"> (obligatoire)</span>
    </>
  );
}
