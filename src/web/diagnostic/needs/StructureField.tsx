import { useEffect, useId, useState } from "react";
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { useStructures } from "../../directory/api";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { Button } from "../../ui/Button";

export interface StructureChoice {
  id: string;
  name: string;
}

/**
 * A structure of the CLSM's directory, searched by name or commune (React Aria ComboBox), or none. Once chosen, its
 * name shows with a button to change it; the focus follows from one to the other.
 */
export function StructureField({
  clsmId,
  value,
  onChange,
}: {
  clsmId: string;
  value: StructureChoice | null;
  onChange: (structure: StructureChoice | null) => void;
}) {
  const [text, setText] = useState("");
  const id = useId();
  const [focus, setFocus] = useState<"change" | "input" | null>(null);
  useEffect(() => {
    if (!focus) return;
    const timer = window.setTimeout(() => {
      document.getElementById(`${id}-${focus}`)?.focus();
      setFocus(null);
    }, 50);
    return () => window.clearTimeout(timer);
  }, [focus, id]);
  const q = useDebouncedValue(text.trim(), 250);
  const structures = useStructures(clsmId, { q: q || undefined, limit: 20, sort: "name" });
  const items = q
    ? (structures.data?.items ?? []).map((s) => ({ id: s.id, name: s.name, detail: s.communeName ?? "" }))
    : [];
  const label = "Structure de l'annuaire";

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
            aria-label={`Changer la structure : ${value.name}`}
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
        const structure = items.find((s) => s.id === key);
        if (structure) {
          onChange({ id: structure.id, name: structure.name });
          setText("");
          setFocus("change");
        }
      }}
      allowsEmptyCollection={text.trim() !== ""}
      allowsCustomValue
      menuTrigger="input"
    >
      <Label className="field__label">{label}</Label>
      <Text slot="description" className="field__description">
        Tapez le nom ou la commune d'une structure de l'annuaire ; laissez vide si la ressource n'en dépend
        pas.
      </Text>
      <div className="combobox__box">
        <Input id={`${id}-input`} className="field__input combobox__input" />
        {q && structures.isFetching ? (
          <span className="spinner combobox__spinner" aria-hidden="true" />
        ) : null}
      </div>
      <Popover className="popover popover--wide" placement="bottom start">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox__empty">
              {text.trim() !== q || structures.isFetching ? "Recherche…" : "Aucune structure ne correspond."}
            </p>
          )}
        >
          {(s: (typeof items)[number]) => (
            <ListBoxItem id={s.id} textValue={s.name} className="listbox__item">
              <Text slot="label">{s.name}</Text>
              {s.detail ? (
                <Text slot="description" className="muted">
                  {" "}
                  · {s.detail}
                </Text>
              ) : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
