/** French messages of the survey builder (questionnaires, their settings and life cycle). */
export const surveyMessages = {
  surveyNotFound: "Enquête introuvable.",
  templateNotFound: "Ce modèle d'enquête n'existe pas.",
  closesBeforeOpens: "La date de clôture doit suivre la date d'ouverture.",
  closesInPast: "La date de clôture est déjà passée : choisissez une date à venir ou retirez-la.",
  noQuestion: "Ajoutez au moins une question avant de publier l'enquête.",
  notDraft: "Cette enquête est déjà publiée.",
  notPublished: "Seule une enquête publiée peut être clôturée.",
  notClosed: "Seule une enquête close peut être rouverte.",
  hasAnswersDelete:
    "Cette enquête a déjà reçu des réponses : elle ne peut plus être supprimée. Clôturez-la pour arrêter la collecte.",
  anonymousLocked:
    "Cette enquête a déjà reçu des réponses : elle ne peut plus passer d'anonyme à nominative, ni l'inverse.",
  questionRemoved: (label: string) =>
    `Cette enquête a déjà reçu des réponses : la question « ${label} » ne peut plus être supprimée.`,
  typeChanged: (label: string) =>
    `Cette enquête a déjà reçu des réponses : le type de la question « ${label} » ne peut plus changer.`,
  choiceRemoved: (choice: string, label: string) =>
    `Cette enquête a déjà reçu des réponses : le choix « ${choice} » de la question « ${label} » ne peut plus être supprimé.`,
  rowRemoved: (row: string, label: string) =>
    `Cette enquête a déjà reçu des réponses : la ligne « ${row} » de la question « ${label} » ne peut plus être supprimée.`,
  otherRemoved: (label: string) =>
    `Cette enquête a déjà reçu des réponses : le choix « Autre, précisez » de la question « ${label} » ne peut plus être retiré.`,
  copySuffix: " (copie)",
} as const;
