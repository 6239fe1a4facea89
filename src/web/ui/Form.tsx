import type { ReactNode } from "react";
import { Form as AriaForm, type FormProps as AriaFormProps } from "react-aria-components";
import { ApiError, messageOf } from "../lib/api";
import { Alert } from "./Alert";

/** Server field errors keyed by field name, for React Aria's Form `validationErrors`. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}

export interface FormProps extends Omit<AriaFormProps, "className" | "validationErrors"> {
  /** The last error of the submission: its message shows on top, its field messages under the fields. */
  error?: unknown;
  children: ReactNode;
  className?: string;
  /** Say once that starred fields are required (on by default). */
  requiredNote?: boolean;
  /** While a submission runs, further submissions are ignored. */
  isPending?: boolean;
}

/** A form whose server errors appear next to their fields; the general message is announced. */
export function Form({
  error,
  children,
  className,
  requiredNote = true,
  isPending,
  onSubmit,
  ...props
}: FormProps) {
  return (
    <AriaForm
      {...props}
      onSubmit={(event) => {
        if (isPending) event.preventDefault();
        else onSubmit?.(event);
      }}
      validationErrors={fieldErrorsOf(error)}
      className={`form ${className ?? ""}`}
    >
      {requiredNote ? (
        <p className="form__note">
          Les champs marqués d'un astérisque (<span aria-hidden="true">*</span>
          <span className="visually-hidden">astérisque</span>) sont obligatoires.
        </p>
      ) : null}
      {error ? <Alert tone="error">{messageOf(error)}</Alert> : null}
      {children}
    </AriaForm>
  );
}

/** Client-side checks with French messages (the browser's own messages follow its language). */
export const validators = {
  required:
    (message = "Ce champ est obligatoire.") =>
    (value: string) =>
      value.trim() === "" ? message : null,
  email: (value: string) => {
    if (value.trim() === "") return "Indiquez une adresse e-mail.";
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
      ? null
      : "Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).";
  },
};
