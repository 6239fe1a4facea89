/** French messages of the meetings domain. */
export const meetingsMessages = {
  meetingNotFound: "Réunion introuvable.",
  inviteeNotFound: "Cette personne n'est pas invitée à cette réunion.",
  agendaItemNotFound: "Ce point n'est pas à l'ordre du jour de cette réunion.",
  unknownInstance: "Cette instance n'existe pas dans ce CLSM.",
  unknownPeople: "Certaines personnes choisies n'existent pas dans l'annuaire de ce CLSM.",
  meetingCancelled: "Cette réunion est annulée : elle ne peut plus être modifiée.",
  meetingAlreadyCancelled: "Cette réunion est déjà annulée.",
  meetingConvened:
    "Des convocations ont déjà été envoyées pour cette réunion : annulez-la plutôt, les invité·es en seront prévenu·es.",
  agendaOrderMismatch: "La liste doit contenir chaque point de l'ordre du jour une seule fois.",
  noNextMeeting:
    "Aucune réunion à venir de cette instance ne peut recevoir ce point : programmez la prochaine réunion d'abord.",
  postponeTarget: "Choisissez une réunion à venir de ce CLSM, autre que celle-ci.",
  /** "Pas d'aidants parmi les présent·es de ce COPIL : …" */
  copilWithoutPillars: (absent: string) =>
    `${absent} parmi les présent·es de ce COPIL : les quatre piliers y ont leur place.`,
} as const;
