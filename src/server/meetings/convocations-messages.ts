/** French messages of the convocations, the public answers and the calendar feeds. */
export const convocationsMessages = {
  cancelledNoConvocation: "Cette réunion est annulée : aucune convocation ne peut être envoyée.",
  rsvpNotFound:
    "Ce lien de réponse n'est pas valide. Vérifiez qu'il est complet, ou demandez-en un nouveau à la coordination.",
  rsvpCancelled: "Cette réunion a été annulée : il n'y a plus de réponse à donner.",
  rsvpExpired: "Cette réunion a déjà eu lieu : ce lien de réponse n'est plus valable.",
  rsvpStarted: "La réunion a commencé : votre réponse ne peut plus être modifiée.",
  substituteOnlyWhenAbsent: "Indiquez une personne à votre place seulement si vous ne pouvez pas venir.",
  feedNotFound: "Ce lien d'agenda n'existe pas ou a été désactivé.",
} as const;
