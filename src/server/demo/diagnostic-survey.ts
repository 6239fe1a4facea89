import { eq } from "drizzle-orm";
import type { Services } from "../app";
import { survey, surveyAnswerTag, surveyResponse } from "../diagnostic/tables";
import type { Actor } from "../platform/access";
import { addDays, parisToday, parisToUtc } from "../platform/dates";
import { answerGenerator, seededRandom } from "./survey-answers";

// The demo CLSM's residents' survey, made from the shipped "perception-habitants" template: open for six weeks
// about four months ago, now closed, 300 anonymous answers drawn with a fixed seed (plausible shapes: most people
// feel rather well, a third needed help in the year and often waited, the GP is known far more than the GEM…),
// results published to the members, and the free comments partly tagged by the coordination.

const TEMPLATE = "perception-habitants";
const RESPONDENTS = 300;
const OPEN_DAYS = 42;

/** Free comments, each with the tag the coordination gave it (null: not tagged yet). */
const comments: [text: string, tag: string | null][] = [
  ["Six mois d'attente pour un rendez-vous au CMP, c'est beaucoup trop quand on va mal.", "Délais d'attente"],
  ["Il faudrait un lieu d'écoute sans rendez-vous, le soir ou le samedi.", "Lieu d'écoute"],
  ["Mon fils de 17 ans ne va pas bien et nous ne savons pas vers qui nous tourner.", "Jeunes"],
  ["Plus d'informations dans les mairies et chez les médecins sur ce qui existe.", "Information"],
  ["Depuis que je suis à la retraite je ne vois presque plus personne.", "Isolement"],
  ["Le GEM m'a beaucoup aidé, il devrait être mieux connu.", "Entraide"],
  ["Les psychologues ne sont pas remboursés, je ne peux pas payer.", "Coût des soins"],
  ["Sans voiture, aller à Saint-Brieuc pour un rendez-vous prend la demi-journée.", "Transport"],
  ["On parle enfin de santé mentale, merci pour ce questionnaire.", null],
  ["Les délais pour voir un psychiatre sont décourageants.", "Délais d'attente"],
  ["Les jeunes du quartier auraient besoin d'un endroit où parler.", "Jeunes"],
  ["J'ai honte d'en parler à mes collègues, il faut changer le regard.", "Stigmatisation"],
  ["Des permanences dans les communes rurales, pas seulement en ville.", "Transport"],
  ["Mon logement est humide et bruyant, ça joue beaucoup sur mon moral.", "Logement"],
  ["Les proches ont besoin de soutien eux aussi, on se sent seuls face à la maladie.", "Aidants"],
  ["Mon médecin traitant a été très à l'écoute et m'a orientée.", null],
  ["Un numéro unique pour savoir où aller serait une bonne idée.", "Information"],
  ["Les étudiants sont nombreux à aller mal depuis quelques années.", "Jeunes"],
  ["Je ne savais pas que le CMP était gratuit.", "Information"],
  ["Des activités collectives pour sortir de chez soi, sans que ce soit « pour les malades ».", "Isolement"],
  ["Les urgences sont la seule porte d'entrée le week-end, c'est dur.", "Délais d'attente"],
  ["Former les gardiens d'immeuble et les agents d'accueil à repérer la souffrance.", null],
  ["Il y a des personnes isolées dans mon immeuble que personne ne voit.", "Isolement"],
  ["Plus de places en hébergement adapté pour les personnes qui sortent de l'hôpital.", "Logement"],
];

const others: Record<string, string[]> = {
  "freins:other": ["Mes horaires de travail", "Je n'osais pas en parler", "La barrière de la langue"],
  "vers-qui:other": ["Mon pharmacien", "Mon pasteur", "Un collègue de confiance"],
  "connaissance:other": ["Le point d'accueil écoute jeunes", "La ligne d'écoute de la MSA"],
};

/** The shapes of the answers, in the order of each question's choices (rows × columns for the matrix). */
const weights: Record<string, number[]> = {
  age: [4, 12, 26, 30, 20, 8],
  profil: [10, 2, 2.5, 2],
  humeur: [3, 10, 24, 44, 19],
  isolement: [22, 30, 28, 14, 6],
  "besoin-aide": [35, 65],
  "aide-trouvee": [22, 38, 25, 15],
  freins: [5, 7, 3, 2, 4, 4],
  "vers-qui": [8, 7, 7, 3, 1.5, 1, 1, 1.2],
  connaissance: [5, 1.3, 9, 3.5, 2, 2.2, 1],
  "idees-recues:c1": [5, 12, 48, 35],
  "idees-recues:c2": [34, 40, 20, 6],
  "idees-recues:c3": [4, 10, 46, 40],
  "idees-recues:c4": [38, 30, 22, 10],
  "idees-recues:c5": [10, 22, 44, 24],
  priorites: [4, 6, 3, 2, 2.5, 4.5],
  "acces-soins": [3, 5, 9, 13, 16, 17, 13, 10, 7, 4, 3],
};

/** Answers come in at the launch, again after the reminder in the local paper, then fade. */
const arrivalWeight = (day: number) => Math.exp(-day / 6) * 3 + (day >= 20 && day <= 26 ? 1.6 : 0) + 0.3;

/** Seeds the demo residents' survey (before the needs, which link to its questions). */
export async function seedDiagnosticSurvey(services: Services, admin: Actor, clsmId: string) {
  const { db } = services;
  const created = await services.surveys.create(admin, clsmId, {
    title: "Santé mentale : votre avis compte",
    audience: "public",
    anonymous: true,
    templateKey: TEMPLATE,
  });
  const opensOn = addDays(parisToday(), -130);
  const closesOn = addDays(opensOn, OPEN_DAYS);
  await db
    .update(survey)
    .set({
      status: "closed",
      opensAt: parisToUtc(opensOn, "09:00"),
      closesAt: parisToUtc(closesOn, "09:00"),
      resultsPublished: true,
    })
    .where(eq(survey.id, created.id));

  const random = seededRandom(20_26);
  const communes = await services.workspaces.territoryCommunes(db, clsmId);
  const next = answerGenerator(created.definition, random, {
    communes: communes.map((c) => ({ code: c.code, weight: c.population })),
    weights,
    texts: { commentaire: comments.map(([text]) => text), ...others },
    skip: 0.08,
    other: 0.04,
    today: opensOn,
  });
  const days = Array.from({ length: OPEN_DAYS }, (_, d) => arrivalWeight(d));
  const total = days.reduce((s, w) => s + w, 0);
  const dayOf = () => {
    let x = random() * total;
    for (let d = 0; d < days.length; d++) {
      x -= days[d] ?? 0;
      if (x < 0) return d;
    }
    return days.length - 1;
  };
  const rows = Array.from({ length: RESPONDENTS }, () => {
    const kept = next();
    return {
      clsmId,
      surveyId: created.id,
      submittedOn: addDays(opensOn, dayOf()),
      answers: kept.answers,
      others: kept.others,
    };
  });
  const inserted = await db.insert(surveyResponse).values(rows).returning({ id: surveyResponse.id });

  // The coordination has tagged about two comments in three so far.
  const tagOf = new Map(comments);
  const tags = rows.flatMap((r, i) => {
    const text = r.answers.commentaire;
    const tag = typeof text === "string" ? tagOf.get(text) : null;
    const id = inserted[i]?.id;
    return tag && id && random() < 0.67
      ? [{ clsmId, surveyId: created.id, responseId: id, questionId: "commentaire", tag }]
      : [];
  });
  if (tags.length) await db.insert(surveyAnswerTag).values(tags);
}
