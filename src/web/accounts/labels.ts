import type { ClsmRole, PlatformRole } from "../../contracts/accounts";

export const platformRoleLabels: Record<PlatformRole | "none", string> = {
  none: "Aucun rôle de plateforme",
  admin: "Administration de la plateforme",
  national: "Niveau national (centre de ressources)",
  ars: "ARS (agence régionale de santé)",
};

export const platformRoleShort: Record<PlatformRole, string> = {
  admin: "Administration",
  national: "National",
  ars: "ARS",
};

export const clsmRoleLabels: Record<ClsmRole, string> = {
  coordinator: "Coordination",
  member: "Membre",
};
