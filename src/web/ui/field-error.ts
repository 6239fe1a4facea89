import type { ValidationResult } from "react-aria-components";

/**
 * The message under a field. Checks written in the app and server errors come as they are; the
 * browser's own checks (required, format, bounds) are given in French here, since the browser
 * would word them in its own language.
 */
export function fieldErrorText(result: ValidationResult, requiredMessage?: string): string {
  const d = result.validationDetails;
  if (d.valueMissing) return requiredMessage ?? "Ce champ est obligatoire.";
  if (d.customError) return result.validationErrors.join(" ");
  if (d.typeMismatch) return "Le format n'est pas valide.";
  if (d.tooLong) return "Ce texte est trop long.";
  if (d.tooShort) return "Ce texte est trop court.";
  if (d.rangeUnderflow) return "Cette valeur est trop petite.";
  if (d.rangeOverflow) return "Cette valeur est trop grande.";
  if (d.badInput || d.patternMismatch || d.stepMismatch) return "Cette valeur n'est pas valide.";
  return result.validationErrors.join(" ");
}
