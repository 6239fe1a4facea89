import { useRef } from "react";
import type { Choice } from "../../../contracts/survey-definition";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/TextField";
import { move, newId, removeAt, replaceAt } from "./editor-model";
import { useFieldError } from "./field-errors";

export interface ChoiceListEditorProps {
  /** The legend: "Choix proposés", "Lignes du tableau"… */
  legend: string;
  /** One item's name in labels: "Choix", "Ligne", "Point". */
  itemName: string;
  /** "Ajouter un choix", "Ajouter une ligne"… */
  addLabel: string;
  items: Choice[];
  onChange: (items: Choice[]) => void;
  /** Field path of the list ("sections.0.questions.1.choices"), for the server's messages. */
  path: string;
  min: number;
  max: number;
  /** Plain-language versions are offered for the public. */
  falc: boolean;
  /** Items that answers already use: they cannot be removed. */
  isLocked: (id: string) => boolean;
}

/** An ordered list of choices (or rows): wording, FALC wording, move up and down, remove, add. */
export function ChoiceListEditor({
  legend,
  itemName,
  addLabel,
  items,
  onChange,
  path,
  min,
  max,
  falc,
  isLocked,
}: ChoiceListEditorProps) {
  const listError = useFieldError(path);
  const list = useRef<HTMLOListElement>(null);
  const focusItem = (index: number) =>
    requestAnimationFrame(() => list.current?.querySelectorAll("li")[index]?.querySelector("input")?.focus());
  const set = (index: number, patch: Partial<Choice>) => {
    const item = items[index];
    if (item) onChange(replaceAt(items, index, { ...item, ...patch }));
  };
  return (
    <fieldset className="choice-list">
      <legend className="choice-list__legend">{legend}</legend>
      {listError ? <p className="field__error">{listError}</p> : null}
      <ol className="choice-list__items" ref={list}>
        {items.map((item, i) => {
          const name = `${itemName} ${i + 1}`;
          const locked = isLocked(item.id);
          return (
            <li key={item.id} className="choice-list__item">
              <div className="choice-list__fields">
                <TextField
                  label={name}
                  name={`${path}.${i}.label`}
                  isRequired
                  maxLength={300}
                  value={item.label}
                  onChange={(label) => set(i, { label })}
                />
                {falc ? (
                  <TextField
                    label={`${name} en FALC`}
                    name={`${path}.${i}.falcLabel`}
                    maxLength={300}
                    value={item.falcLabel ?? ""}
                    onChange={(falcLabel) => set(i, { falcLabel })}
                  />
                ) : null}
              </div>
              <div className="choice-list__buttons">
                <Button
                  size="sm"
                  variant="quiet"
                  isDisabled={i === 0}
                  onPress={() => onChange(move(items, i, -1))}
                  aria-label={`Monter : ${name}`}
                >
                  <span aria-hidden="true">↑</span>
                </Button>
                <Button
                  size="sm"
                  variant="quiet"
                  isDisabled={i === items.length - 1}
                  onPress={() => onChange(move(items, i, 1))}
                  aria-label={`Descendre : ${name}`}
                >
                  <span aria-hidden="true">↓</span>
                </Button>
                <Button
                  size="sm"
                  variant="quiet"
                  isDisabled={items.length <= min || locked}
                  onPress={() => {
                    onChange(removeAt(items, i));
                    focusItem(Math.max(0, i - 1));
                  }}
                  aria-label={
                    locked ? `Retirer : ${name} (impossible, des réponses l'utilisent)` : `Retirer : ${name}`
                  }
                >
                  Retirer
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {items.length < max ? (
        <Button
          size="sm"
          onPress={() => {
            onChange([...items, { id: newId(), label: "" }]);
            focusItem(items.length);
          }}
        >
          {addLabel}
        </Button>
      ) : (
        <p className="muted">Au plus {max}.</p>
      )}
    </fieldset>
  );
}
