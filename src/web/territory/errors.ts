import { fieldErrorsOf } from "../ui/Form";

/** The server's message about the territory as a whole (none chosen, unknown codes, quartier outside…). */
export function territoryErrorOf(error: unknown, prefix: string): string | undefined {
  const fields = fieldErrorsOf(error);
  return (
    fields[`${prefix}communeCodes`] ??
    fields[`${prefix}epciCodes`] ??
    fields[`${prefix}quartiers`] ??
    (prefix ? fields[prefix.replace(/\.$/, "")] : undefined)
  );
}

export const NO_TERRITORY = "Choisissez au moins une commune ou une intercommunalité (EPCI).";
