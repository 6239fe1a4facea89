import type { ReactNode } from "react";
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
} from "react-aria-components";
import { fieldErrorText } from "./field-error";

export interface TextFieldProps extends Omit<AriaTextFieldProps, "className" | "children"> {
  label: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  multiline?: boolean;
  className?: string;
  /** Message when a required field is left empty (default: "Ce champ est obligatoire."). */
  requiredMessage?: string;
}

/** A labelled text field; its errors (client or server, by `name`) show under it and are announced. */
export function TextField({
  label,
  description,
  placeholder,
  multiline,
  className,
  requiredMessage,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField {...props} className={["field", className ?? ""].join(" ").trim()}>
      <Label className="field__label">
        {label}
        {props.isRequired ? <RequiredMark /> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      {multiline ? (
        <TextArea className="field__input field__input--multiline" placeholder={placeholder} />
      ) : (
        <Input className="field__input" placeholder={placeholder} />
      )}
      <FieldError className="field__error">{(v) => fieldErrorText(v, requiredMessage)}</FieldError>
    </AriaTextField>
  );
}

export function RequiredMark() {
  return (
    <span className="field__required" aria-hidden="true">
      {" "}
      *
    </span>
  );
}
