import {
  SearchField as AriaSearchField,
  type SearchFieldProps as AriaSearchFieldProps,
  Button,
  Input,
  Label,
} from "react-aria-components";

export interface SearchFieldProps extends Omit<AriaSearchFieldProps, "className" | "children"> {
  label: string;
  placeholder?: string;
}

export function SearchField({ label, placeholder, ...props }: SearchFieldProps) {
  return (
    <AriaSearchField {...props} className="field search-field">
      <Label className="field__label">{label}</Label>
      <div className="search-field__box">
        <Input className="field__input search-field__input" placeholder={placeholder} />
        <Button className="search-field__clear" aria-label="Effacer la recherche">
          ✕
        </Button>
      </div>
    </AriaSearchField>
  );
}
