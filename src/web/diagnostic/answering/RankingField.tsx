import { useEffect, useRef, useState } from "react";
import type { Question } from "../../../contracts/survey-definition";
import { labelOf, type QuestionFieldProps } from "./QuestionField";

type Ranking = Extract<Question, { type: "ranking" }>;

/**
 * A ranking with buttons rather than drag and drop (keyboard and screen readers): each choice moves up or down, the
 * focus follows it and its new place is announced. The order is an answer once the respondent moved a choice or
 * kept the order shown.
 */
export function RankingField(props: QuestionFieldProps & { question: Ranking }) {
  const { question: q, value, falc, id } = props;
  const ids = q.choices.map((c) => c.id);
  const valid = Array.isArray(value) && value.length === ids.length && ids.every((c) => value.includes(c));
  const order = valid ? (value as string[]) : ids;
  const labels = new Map(q.choices.map((c) => [c.id, labelOf(c, falc)]));
  const [announcement, setAnnouncement] = useState("");
  const [moved, setMoved] = useState<{ choice: string; up: boolean } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  // Keep the focus on the moved choice: on the same button, or on the other one at either end of the list.
  useEffect(() => {
    if (!moved) return;
    const same = buttons.current.get(`${moved.choice}:${moved.up ? "up" : "down"}`);
    const other = buttons.current.get(`${moved.choice}:${moved.up ? "down" : "up"}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [moved]);

  const move = (index: number, up: boolean) => {
    const next = [...order];
    const target = up ? index - 1 : index + 1;
    const choice = next[index] as string;
    next[index] = next[target] as string;
    next[target] = choice;
    props.onChange(next);
    setMoved({ choice, up });
    setAnnouncement(`« ${labels.get(choice)} » est maintenant en position ${target + 1} sur ${next.length}.`);
  };
  const ref = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <>
      <ol className="survey-ranking">
        {order.map((choice, index) => {
          const label = labels.get(choice) ?? choice;
          return (
            <li key={choice} className="survey-ranking__item">
              <span className="survey-ranking__label">
                <span className="survey-ranking__rank" aria-hidden="true">
                  {index + 1}
                </span>
                {label}
              </span>
              <span className="survey-ranking__buttons">
                <button
                  type="button"
                  ref={ref(`${choice}:up`)}
                  className="button button--secondary button--sm"
                  disabled={index === 0}
                  aria-label={`Monter « ${label} »`}
                  onClick={() => move(index, true)}
                >
                  <span aria-hidden="true">↑</span> Monter
                </button>
                <button
                  type="button"
                  ref={ref(`${choice}:down`)}
                  className="button button--secondary button--sm"
                  disabled={index === order.length - 1}
                  aria-label={`Descendre « ${label} »`}
                  onClick={() => move(index, false)}
                >
                  <span aria-hidden="true">↓</span> Descendre
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {valid ? null : (
        <button
          type="button"
          id={`${id}-keep`}
          className="button button--quiet button--sm survey-ranking__keep"
          onClick={() => {
            props.onChange(order);
            setAnnouncement("Ordre enregistré.");
          }}
        >
          Garder cet ordre
        </button>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
