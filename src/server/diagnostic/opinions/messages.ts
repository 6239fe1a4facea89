/** French messages of the avis. */
export const opinionsMessages = {
  opinionNotFound: "Avis introuvable.",
  frozen: "L'avis est adopté : son texte ne change plus. Rouvrez-le pour le modifier.",
  deleteOnlyDraft: "Seul un avis en brouillon peut être supprimé.",
  notDraft: "Seul un avis en brouillon peut être adopté.",
  emptyBody: "Rédigez le texte de l'avis avant de l'adopter.",
  meetingCancelled: "Cette réunion a été annulée : choisissez la réunion qui a adopté l'avis.",
  meetingNotHeld: "Cette réunion n'a pas encore eu lieu : un avis s'adopte en séance.",
  adoptedInFuture: "La date d'adoption ne peut pas être dans le futur.",
  adoptedBeforeMeeting: "La date d'adoption ne peut pas précéder la réunion.",
  notAdopted: "Seul un avis adopté peut être transmis.",
  sentInFuture: "La date de transmission ne peut pas être dans le futur.",
  sentBeforeAdopted: "La date de transmission ne peut pas précéder l'adoption.",
  reopenSent: "Un avis transmis ne se rouvre pas : rédigez un nouvel avis.",
  reopenDraft: "Cet avis est déjà un brouillon.",
} as const;
