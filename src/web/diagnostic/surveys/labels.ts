import type { SurveyAudience } from "../../../contracts/surveys";

/** What each audience changes, said plainly in the builder. */
export const audienceExplanations: Record<SurveyAudience, string> = {
  public:
    "Habitants, personnes concernées, proches : chaque question peut avoir une version en FALC (facile à lire et à comprendre) que les répondants peuvent afficher.",
  partners: "Professionnels et structures du territoire, souvent invités depuis l'annuaire.",
};

/** What "anonymous" means for respondents, and what the other choice means. */
export const anonymousExplanation = (anonymous: boolean) =>
  anonymous
    ? "Aucun nom, aucune adresse e-mail, aucun compte et aucune adresse IP ne sont gardés avec les réponses ; seul le jour de la réponse est conservé. Les répondants en sont informés. Ce choix ne peut plus changer une fois les premières réponses reçues."
    : "Les réponses sont nominatives : le nom de la personne (et son adresse e-mail si elle est invitée depuis l'annuaire) est gardé avec sa réponse. Les répondants en sont informés. Ce choix ne peut plus changer une fois les premières réponses reçues.";
