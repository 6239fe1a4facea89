import type { PlatformRole } from "../../contracts/accounts";
import { platformRoleLabels } from "../accounts/labels";
import { useRegions } from "../territory/api";
import { SelectField } from "../ui/SelectField";

export type RoleChoice = PlatformRole | "none";

const roleOptions = (Object.keys(platformRoleLabels) as RoleChoice[]).map((id) => ({
  id,
  label: platformRoleLabels[id],
}));

/** Platform role, and the ARS's région when the role is ARS. */
export function PlatformRoleFields({
  role,
  onRoleChange,
  regionCode,
  onRegionChange,
}: {
  role: RoleChoice;
  onRoleChange: (role: RoleChoice) => void;
  regionCode: string | null;
  onRegionChange: (code: string | null) => void;
}) {
  const regions = useRegions();
  return (
    <>
      <SelectField
        label="Rôle sur la plateforme"
        name="platformRole"
        description="La plupart des personnes n'ont pas de rôle de plateforme : leurs droits viennent de leurs CLSM."
        options={roleOptions}
        selectedKey={role}
        onSelectionChange={(key) => key && onRoleChange(key as RoleChoice)}
      />
      {role === "ars" ? (
        <SelectField
          label="Région de l'ARS"
          name="arsRegionCode"
          isRequired
          placeholder={regions.isPending ? "Chargement des régions…" : "Choisir une région"}
          options={regions.data?.items.map((r) => ({ id: r.code, label: r.name })) ?? []}
          selectedKey={regionCode}
          onSelectionChange={(key) => onRegionChange(key == null ? null : String(key))}
          requiredMessage="Choisissez la région de l'ARS."
        />
      ) : null}
    </>
  );
}

export const roleToApi = (role: RoleChoice): PlatformRole | null => (role === "none" ? null : role);
