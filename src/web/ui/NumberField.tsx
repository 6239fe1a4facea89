import type { ReactNode } from "react";
import {
  NumberField as AriaNumberField,
  type NumberFieldProps as AriaNumberFieldProps,
  FieldError,
  Input,
  Label,
  Text,
} from "react-aria-components";
import { fieldErrorText } from "./field-error";
import { RequiredMark } from "./TextField";

export interface NumberFieldProps extends Omit<AriaNumberFieldProps, "className" | "children"> {
  label: ReactNode;
  description?: ReactNode;
  className?: string;
  /** Message when a required field is left empty (default: "Ce champ est obligatoire."). */
  requiredMessage?: string;
}

/** A labelled number field, formatted the French way. */
export function NumberField({ label, description, className, requiredMessage, ...props }: NumberFieldProps) {
  return (
    <AriaNumberField
      formatOptions={{ maximumFractionDigits: 0 }}
      {...props}
      className={["field", className ?? ""].join(" ").trim()}
    >
      <Label className="field__label">
        {label}
        {props.isRequired ? <RequiredMark /> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Input className="field__input field__input--number" />
      <FieldError className="field__error">{(v) => fieldErrorText(v, requiredMessage)}</FieldError>
    </AriaNumberField>
  );
}
