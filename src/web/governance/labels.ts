import {
  type InstanceKind,
  instanceKindLabels,
  instanceKinds,
  memberRoleLabels,
  memberRoles,
} from "../../contracts/governance";
import { formatNumber } from "../lib/format";

export const kindOptions = instanceKinds.map((id) => ({ id, label: instanceKindLabels[id] }));
export const roleOptions = memberRoles.map((id) => ({ id, label: memberRoleLabels[id] }));

/** The order and headings of the instances page: steering first, then what it created, then the rest. */
export const kindSections: { kind: InstanceKind; title: string }[] = [
  { kind: "copil", title: "Comité de pilotage (COPIL)" },
  { kind: "groupe_travail", title: "Groupes de travail" },
  { kind: "comite_technique", title: "Comité technique / groupe projet" },
  { kind: "pleniere", title: "Assemblée plénière" },
  { kind: "autre", title: "Autres instances" },
];

/** One or two plain sentences on what each kind of instance is for. */
export const kindExplanations: Record<InstanceKind, string> = {
  copil:
    "Le comité de pilotage fixe les orientations du CLSM et veille à ses règles. Les élu·es, la psychiatrie " +
    "publique, les personnes concernées et les aidant·es y siègent.",
  groupe_travail:
    "Créés par le COPIL, ils agissent sur un thème (logement, prévention…) ou pour un public (jeunes, " +
    "personnes âgées…).",
  comite_technique:
    "Il prépare le travail du COPIL, surtout pendant la création du CLSM (on parle aussi de groupe projet).",
  pleniere:
    "Au moins une fois par an, elle réunit tous les partenaires du territoire pour s'informer et échanger.",
  autre:
    "Toute autre instance du CLSM, par exemple la cellule d'aide pour les personnes en situation difficile.",
};

/** "2 personnes ajoutées, 1 déjà membre" — the answer to adding members. */
export function addedSummary({ added, alreadyMembers }: { added: number; alreadyMembers: number }): string {
  const first =
    added === 0
      ? "Aucune personne ajoutée"
      : `${formatNumber(added)} ${added > 1 ? "personnes ajoutées" : "personne ajoutée"}`;
  if (alreadyMembers === 0) return `${first}.`;
  return `${first}, ${formatNumber(alreadyMembers)} déjà ${alreadyMembers > 1 ? "membres" : "membre"}.`;
}
