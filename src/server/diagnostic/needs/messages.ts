/** French messages of the needs and resources of the diagnostic. */
export const needsMessages = {
  needNotFound: "Besoin introuvable.",
  resourceNotFound: "Ressource introuvable.",
  linkNotFound: "Lien introuvable.",
  surveyNotFound: "Enquête introuvable.",
  unknownQuestion: "Cette question n'existe pas dans l'enquête choisie.",
  unknownStructure: "Choisissez une structure de l'annuaire de ce CLSM.",
} as const;
