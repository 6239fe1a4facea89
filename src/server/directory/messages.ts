/**
 * French messages of the directory. Kept beside the domain (rather than in platform/messages.ts) while
 * several people work on the directory at once; same rules: keys in English, texts a person reads.
 */
export const directoryMessages = {
  clsmNotFound: "CLSM introuvable.",
  collegeNotFound: "Collège introuvable.",
  structureNotFound: "Structure introuvable.",
  personNotFound: "Personne introuvable.",
  roleNotFound: "Fonction introuvable.",
  unknownCollege: "Ce collège n'existe pas dans l'annuaire de ce CLSM.",
  unknownStructure: "Cette structure n'existe pas dans l'annuaire de ce CLSM.",
  unknownInstance: "Cette instance n'existe pas dans ce CLSM.",
  collegeNotEmpty: (n: number) =>
    `Ce collège contient encore ${n} fiche${n > 1 ? "s" : ""} (personnes ou structures) : déplacez-les avant de le supprimer.`,
  collegeOrderMismatch: "La liste doit contenir chaque collège du CLSM une seule fois.",
  emailTaken: "Une personne de l'annuaire a déjà cette adresse e-mail.",
  roleStartsBeforeCurrent:
    "La nouvelle fonction ne peut pas commencer avant le début de la fonction actuelle.",
  roleEndsBeforeStart: "La date de fin ne peut pas précéder la date de début.",
  mergeWithItself: "Choisissez deux fiches différentes à fusionner.",
  anonymisedName: "Personne anonymisée",
  pillarMissing: (label: string) =>
    `Aucun·e représentant·e du pilier « ${label} » : un CLSM réunit les quatre piliers dès sa création.`,
  exportNotice:
    "Voici toutes les informations que l'annuaire de ce CLSM contient sur cette personne : identité, " +
    "coordonnées, collège, pilier représenté, consentement, origine de la fiche, historique des fonctions et " +
    "participations aux instances et réunions (réponses et présences), actions à suivre confiées, " +
    "invitations aux enquêtes et réponses données (sauf aux enquêtes anonymes, dont les réponses ne sont pas " +
    "reliées aux personnes).",
} as const;
