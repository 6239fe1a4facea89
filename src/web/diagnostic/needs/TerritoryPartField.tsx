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
import { useClsm } from "../../workspaces/api";

const WHOLE = "Tout le territoire";

/**
 * Which part of the territory: free text, with the territory's communes (and quartiers) suggested as one types
 * (React Aria ComboBox that keeps what was typed).
 */
export function TerritoryPartField({
  clsmId,
  value,
  onChange,
}: {
  clsmId: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const territory = useClsm(clsmId).data?.territory;
  const suggestions = [
    WHOLE,
    ...(territory?.quartiers ?? []).map((q) => q.name),
    ...(territory?.communes ?? []).map((c) => c.name),
  ].map((name) => ({ id: name, name }));
  return (
    <ComboBox
      className="field combobox"
      name="territoryPart"
      defaultItems={suggestions}
      inputValue={value}
      onInputChange={onChange}
      allowsCustomValue
      allowsEmptyCollection
      menuTrigger="input"
    >
      <Label className="field__label">Partie du territoire</Label>
      <Text slot="description" className="field__description">
        Une commune, un quartier, ou tout le territoire : tapez pour voir les communes du CLSM.
      </Text>
      <div className="combobox__box">
        <Input className="field__input combobox__input" />
      </div>
      <FieldError className="field__error" />
      <Popover className="popover popover--wide" placement="bottom start">
        <ListBox className="listbox" renderEmptyState={() => <p className="listbox__empty">Texte libre.</p>}>
          {(s: (typeof suggestions)[number]) => (
            <ListBoxItem id={s.id} textValue={s.name} className="listbox__item">
              {s.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
