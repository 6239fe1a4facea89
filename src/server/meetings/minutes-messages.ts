/** French messages of the minutes, decisions and follow-ups (apart from meetings/messages.ts while several people work on the domain). */
export const minutesMessages = {
  notShared:
    "Le compte rendu de cette réunion n'a pas encore été partagé par la coordination : il sera lisible ici une fois partagé.",
  changedMeanwhile: (by: string | null) =>
    `Le compte rendu a été modifié entre-temps${by ? ` par ${by}` : ""} : rechargez-le avant d'enregistrer, pour ne pas effacer ces changements.`,
  decisionNotFound: "Cette décision n'existe pas dans cette réunion.",
  followUpNotFound: "Action introuvable.",
  unknownAssignee: "Cette personne n'est pas dans l'annuaire de ce CLSM.",
  unknownDecision: "Choisissez une décision de la même réunion.",
  unknownAgendaItem: "Choisissez un point de l'ordre du jour de cette réunion.",
} as const;
