import type { Key, ReactNode } from "react";
import {
  Select as AriaSelect,
  type SelectProps as AriaSelectProps,
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
  Text,
} from "react-aria-components";
import { fieldErrorText } from "./field-error";
import { RequiredMark } from "./TextField";

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectFieldProps
  extends Omit<AriaSelectProps<SelectOption, "single">, "className" | "children" | "items"> {
  label: ReactNode;
  description?: ReactNode;
  options: readonly SelectOption[];
  className?: string;
  /** Message when a required field is left empty (default: "Ce champ est obligatoire."). */
  requiredMessage?: string;
}

/** A labelled select (React Aria): a button that opens a list box, usable with the keyboard. */
export function SelectField({
  label,
  description,
  options,
  className,
  requiredMessage,
  ...props
}: SelectFieldProps) {
  return (
    <AriaSelect {...props} className={["field", className ?? ""].join(" ").trim()}>
      <Label className="field__label">
        {label}
        {props.isRequired ? <RequiredMark /> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Button className="field__input select__button">
        <SelectValue className="select__value" />
        <span className="select__chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
      <FieldError className="field__error">{(v) => fieldErrorText(v, requiredMessage)}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox__item" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}

export const keyToString = (key: Key | null): string | null => (key === null ? null : String(key));
