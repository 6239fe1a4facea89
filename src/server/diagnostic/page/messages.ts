/** French messages of the diagnostic page. */
export const pageMessages = {
  unknownSurveys: "Certaines enquêtes choisies n'existent pas dans ce CLSM.",
} as const;
