import { structureTypeLabels, structureTypes } from "../../contracts/directory";
import type { SelectOption } from "../ui/SelectField";
import { pillarOptions } from "./labels";

/** Key of the "no filter" choice in filter selects (React Aria keys cannot be empty). */
export const ALL = "tous";

export const withAll = (label: string, options: readonly SelectOption[]): SelectOption[] => [
  { id: ALL, label },
  ...options,
];

export const pillarFilterOptions = withAll("Tous les piliers", pillarOptions);

export const structureTypeOptions = structureTypes.map((id) => ({ id, label: structureTypeLabels[id] }));

export const filterValue = (key: string) => (key === ALL ? undefined : key);
