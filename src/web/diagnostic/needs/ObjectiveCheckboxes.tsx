import { CheckboxGroup, FieldError, Label, Text } from "react-aria-components";
import { type Objective, objectiveLabels, objectives } from "../../../contracts/objectives";
import { Checkbox } from "../../ui/Checkbox";

/** The five objectives of the CLSM as checkboxes (a named group: its server error shows under it). */
export function ObjectiveCheckboxes({
  value,
  onChange,
  description,
}: {
  value: Objective[];
  onChange: (value: Objective[]) => void;
  description: string;
}) {
  return (
    <CheckboxGroup
      className="field"
      name="objectives"
      value={value}
      onChange={(keys) => onChange(objectives.filter((o) => keys.includes(o)))}
    >
      <Label className="field__label">Objectifs du CLSM</Label>
      <Text slot="description" className="field__description">
        {description}
      </Text>
      <div className="stack stack--tight">
        {objectives.map((o) => (
          <Checkbox key={o} value={o}>
            {objectiveLabels[o]}
          </Checkbox>
        ))}
      </div>
      <FieldError className="field__error" />
    </CheckboxGroup>
  );
}
