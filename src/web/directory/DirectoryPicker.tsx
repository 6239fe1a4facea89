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
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Button } from "../ui/Button";
import { useDirectorySearch } from "./api";

const words = {
  people: { change: "Changer la personne", none: "Personne ne correspond." },
  structures: { change: "Changer la structure", none: "Aucune structure ne correspond." },
};

export interface DirectoryChoice {
  id: string;
  name: string;
}

/**
 * One person or one structure of the CLSM's directory, searched by what is typed (React Aria ComboBox: type,
 * arrows, Entrée), or none. Once chosen, the name shows with a button to change it; the focus follows from one to
 * the other rather than falling to the page.
 */
export function DirectoryPicker({
  clsmId,
  kind,
  value,
  onChange,
  label,
  description,
  errorMessage,
}: {
  clsmId: string;
  kind: "people" | "structures";
  value: DirectoryChoice | null;
  onChange: (choice: DirectoryChoice | null) => void;
  label: string;
  description: string;
  errorMessage?: string;
}) {
  const [text, setText] = useState("");
  const id = useId();
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
  const search = useDirectorySearch(clsmId, kind, q);
  const items = q ? (search.data ?? []) : [];
  const searching = text.trim() !== q || search.isFetching;

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
            aria-label={`${words[kind].change} : ${value.name}`}
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
        const match = items.find((item) => item.id === key);
        if (match) {
          onChange({ id: match.id, name: match.name });
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
        {q && search.isFetching ? <span className="spinner combobox__spinner" aria-hidden="true" /> : null}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover popover--wide" placement="bottom start">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox__empty">
              {search.isError
                ? "La recherche n'a pas abouti : réessayez dans un instant."
                : searching
                  ? "Recherche…"
                  : words[kind].none}
            </p>
          )}
        >
          {(item: (typeof items)[number]) => (
            <ListBoxItem id={item.id} textValue={item.name} className="listbox__item">
              <Text slot="label">{item.name}</Text>
              {item.detail ? (
                <Text slot="description" className="muted">
                  {" "}
                  · {item.detail}
                </Text>
              ) : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
