import { type DirectoryChoice, DirectoryPicker } from "../../directory/DirectoryPicker";

export type Assignee = DirectoryChoice;

/** Who carries an action: a person of the CLSM's directory, or nobody. */
export function AssigneeField({
  label = "Personne chargée de l'action",
  description = "Tapez un nom, une structure ou une fonction de l'annuaire ; laissez vide si personne n'est désigné.",
  ...props
}: {
  clsmId: string;
  value: Assignee | null;
  onChange: (assignee: Assignee | null) => void;
  label?: string;
  description?: string;
  errorMessage?: string;
}) {
  return <DirectoryPicker kind="people" label={label} description={description} {...props} />;
}
