const inInstance: Record<string, string> = {
  copil: "dans le COPIL",
  pleniere: "dans l'assemblée plénière",
  comite_technique: "dans le comité technique",
};

/** French messages of the governance domain (instances and their members). */
export const governanceMessages = {
  instanceNotFound: "Instance introuvable.",
  membershipNotFound: "Cette participation n'existe pas dans cette instance.",
  personNotFound: "Personne introuvable.",
  parentOnlyForGroups: "Seul un groupe de travail se rattache au COPIL qui l'a créé.",
  parentNotCopil: "Choisissez un COPIL de ce CLSM.",
  copilHasGroups:
    "Ce COPIL a créé des groupes de travail : rattachez-les à un autre COPIL avant de changer son type.",
  instanceArchived: "Cette instance est archivée : réactivez-la avant d'y ajouter des membres.",
  unknownPeople: "Certaines personnes choisies n'existent pas dans l'annuaire de ce CLSM.",
  endsBeforeStart: "La date de fin ne peut pas précéder la date de début.",
  alreadyCurrentMember: "Cette personne est déjà membre de l'instance.",
  /** "… dans le COPIL", "… dans la plénière", "… dans « Groupe logement »". */
  pillarMissing: (label: string, instance: { kind: string; name: string }) =>
    `Aucun·e représentant·e du pilier « ${label} » ${inInstance[instance.kind] ?? `dans « ${instance.name} »`}.`,
} as const;
