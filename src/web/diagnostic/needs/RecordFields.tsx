import { validators } from "../../ui/Form";
import { TextField } from "../../ui/TextField";

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
}

/** The title, required: what the need or the resource is, in one line. */
export function TitleField({
  label,
  description,
  ...props
}: FieldProps & { label: string; description: string }) {
  return (
    <TextField
      label={label}
      name="title"
      isRequired
      validate={validators.required()}
      description={description}
      {...props}
    />
  );
}

/** The free description of a need or a resource. */
export function DescriptionField({ value, onChange }: FieldProps) {
  return <TextField label="Description" name="description" multiline value={value} onChange={onChange} />;
}

/** Who a need concerns, or whom a resource serves. */
export function AudienceField({ value, onChange }: FieldProps) {
  return (
    <TextField
      label="Public concerné"
      name="audience"
      value={value}
      onChange={onChange}
      description="Jeunes, personnes âgées, familles…"
    />
  );
}
