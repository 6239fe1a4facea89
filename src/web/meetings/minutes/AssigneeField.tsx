import { useEffect, useId, useState } from "react";
import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import { usePeople } from "../../directory/api";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { Button } from "../../ui/Button";

export interface Assignee {
  id: string;
  name: string;
}

/**
 * Who carries an action: a person searched in the CLSM's directory (React Aria ComboBox: type, arrows, Entrée), or
 * nobody. Once chosen, the name shows with a button to change it.
 */
export function AssigneeField({
  clsmId,
  value,
  onChange,
  label = "Personne chargée de l'action",
  description = "Tapez un nom, une structure ou une fonction de l'annuaire ; laissez vide si personne n'est désigné.",
  errorMessage,
}: {
  clsmId: string;
  value: Assignee | null;
  onChange: (assignee: Assignee | null) => void;
  label?: string;
  description?: string;
  errorMessage?: string;
}) {
  const [text, setText] = useState("");
  const id = useId();
  // The chosen name replaces the search field (and back): the focus follows, rather than falling to the page.
  const [focus, setFocus] = useState<"change" | "input" | null>(null);
  useEffect(() => {
    if (!focus) return;
    // After the list box has closed and given the focus back (to a field that is no longer there).
    const timer = window.setTimeout(() => {
      document.getElementById(`${id}-${focus}`)?.focus();
      setFocus(null);
    }, 50);
    return () => window.clearTimeout(timer);
  }, [focus, id]);
  const q = useDebouncedValue(text.trim(), 250);
  const people = usePeople(clsmId, { q: q || undefined, limit: 20, sort: "lastName" });
  const items = q
    ? (people.data?.items ?? []).map((p) => ({
        id: p.id,
        name: `${p.firstName} ${p.lastName}`.trim(),
        detail: [p.function, p.structureName].filter(Boolean).join(" · "),
      }))
    : [];

  if (value)
    return (
      <div className="field">
        <span className="field__label">{label}</span>
        <p className="assignee-chosen">
          <span>{value.name}</span>
          <Button
            id={`${id}-change`}
            size="sm"
            variant="quiet"
            onPress={() => {
              onChange(null);
              setFocus("input");
            }}
            aria-label={`Changer la personne : ${value.name}`}
          >
            Changer
          </Button>
        </p>
      </div>
    );

  return (
    <ComboBox
      className="field combobox"
      items={items}
      inputValue={text}
      onInputChange={setText}
      selectedKey={null}
      onSelectionChange={(key) => {
        const person = items.find((p) => p.id === key);
        if (person) {
          onChange({ id: person.id, name: person.name });
          setText("");
          setFocus("change");
        }
      }}
      allowsEmptyCollection={text.trim() !== ""}
      allowsCustomValue
      menuTrigger="input"
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <Text slot="description" className="field__description">
        {description}
      </Text>
      <div className="combobox__box">
        <Input id={`${id}-input`} className="field__input combobox__input" />
        {q && people.isFetching ? <span className="spinner combobox__spinner" aria-hidden="true" /> : null}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover popover--wide" placement="bottom start">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox__empty">
              {text.trim() !== q || people.isFetching ? "Recherche…" : "Personne ne correspond."}
            </p>
          )}
        >
          {(p: (typeof items)[number]) => (
            <ListBoxItem id={p.id} textValue={p.name} className="listbox__item">
              <Text slot="label">{p.name}</Text>
              {p.detail ? (
                <Text slot="description" className="muted">
                  {" "}
                  · {p.detail}
                </Text>
              ) : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
