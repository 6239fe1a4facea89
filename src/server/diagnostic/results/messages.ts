// The French words of a survey's results (labels in figures and exports, error messages).
export const resultsMessages = {
  other: "Autre",
  yes: "Oui",
  no: "Non",
  outsideTerritory: "Hors du territoire",
  noAnswer: "Sans réponse",
  noCollege: "Sans collège (lien public ou fiche sans collège)",
  collegeSplit: "Collège dans l'annuaire",
  collegeSplitAnonymous:
    "Les réponses d'une enquête anonyme ne sont reliées à personne : elles ne se croisent pas par collège.",
  surveyNotFound: "Enquête introuvable.",
  responseNotFound: "Réponse introuvable.",
  byUnknown: "Cette question n'existe pas dans l'enquête.",
  byNotSplittable:
    "Les résultats se croisent par une question à choix unique, une échelle, une question oui / non ou la commune.",
  questionUnknown: "Cette question n'existe pas dans l'enquête.",
  questionWithoutText: "Cette question n'attend pas de texte libre.",
  noTextToTag: "Cette réponse ne contient pas de texte pour cette question.",
  tooManyTags: "Une réponse porte au plus 20 étiquettes.",
  exportManagersOnly: "L'export des réponses brutes est réservé à la coordination.",
} as const;
