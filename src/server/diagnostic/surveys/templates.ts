import { allQuestions, type Choice, type SurveyDefinition } from "../../../contracts/survey-definition";
import type { SurveyTemplate, SurveyTemplateSummary } from "../../../contracts/surveys";

// The questionnaires shipped with the product: a coordinator starts from one and adapts it. Wordings follow the
// field's practice (perception surveys of residents, inventories of partners' resources); every question of the
// public template has a plain-language (FALC) version. Ids are short and readable: they appear in exports.

const choices = (...items: (string | [label: string, falc: string])[]): Choice[] =>
  items.map((item, i) => {
    const [label, falcLabel] = typeof item === "string" ? [item, undefined] : item;
    // A plain-language version the same as the label adds nothing.
    return { id: `c${i + 1}`, label, ...(falcLabel && falcLabel !== label ? { falcLabel } : {}) };
  });

const agreement = choices(
  "Pas du tout d'accord",
  "Plutôt pas d'accord",
  "Plutôt d'accord",
  "Tout à fait d'accord",
);

const residents: SurveyDefinition = {
  sections: [
    {
      id: "vous",
      title: "Vous",
      falcTitle: "Qui êtes-vous ?",
      description:
        "Ces questions servent à savoir qui a répondu. Elles ne permettent pas de vous reconnaître.",
      questions: [
        {
          id: "commune",
          type: "commune",
          label: "Dans quelle commune habitez-vous ?",
          falcLabel: "Dans quelle ville habitez-vous ?",
          required: true,
        },
        {
          id: "age",
          type: "single_choice",
          label: "Quelle est votre tranche d'âge ?",
          falcLabel: "Quel âge avez-vous ?",
          required: true,
          allowOther: false,
          choices: choices(
            "Moins de 18 ans",
            ["18 à 25 ans", "Entre 18 et 25 ans"],
            ["26 à 40 ans", "Entre 26 et 40 ans"],
            ["41 à 60 ans", "Entre 41 et 60 ans"],
            ["61 à 75 ans", "Entre 61 et 75 ans"],
            "Plus de 75 ans",
          ),
        },
        {
          id: "profil",
          type: "multiple_choice",
          label: "Vous répondez en tant que… (plusieurs réponses possibles)",
          falcLabel: "Qui êtes-vous ? Vous pouvez cocher plusieurs réponses.",
          required: false,
          allowOther: false,
          choices: choices(
            ["Habitant·e du territoire", "J'habite ici"],
            [
              "Personne concernée par un trouble psychique",
              "J'ai ou j'ai eu des difficultés de santé mentale",
            ],
            [
              "Proche ou aidant·e d'une personne concernée",
              "J'aide un proche qui a des difficultés de santé mentale",
            ],
            ["Professionnel·le ou bénévole du territoire", "Je travaille ou je suis bénévole ici"],
          ),
        },
      ],
    },
    {
      id: "bien-etre",
      title: "Votre bien-être",
      falcTitle: "Comment allez-vous ?",
      questions: [
        {
          id: "humeur",
          type: "scale",
          label: "En ce moment, comment vous sentez-vous dans votre vie de tous les jours ?",
          falcLabel: "En ce moment, comment allez-vous ?",
          required: true,
          choices: choices(
            "Très mal",
            ["Plutôt mal", "Pas très bien"],
            ["Ni bien ni mal", "Moyen"],
            "Plutôt bien",
            "Très bien",
          ),
        },
        {
          id: "isolement",
          type: "scale",
          label: "Vous arrive-t-il de vous sentir seul·e ou isolé·e ?",
          falcLabel: "Vous sentez-vous seul ?",
          required: false,
          choices: choices("Jamais", ["Rarement", "Pas souvent"], "Parfois", "Souvent", "Tout le temps"),
        },
        {
          id: "besoin-aide",
          type: "yes_no",
          label:
            "Au cours des 12 derniers mois, avez-vous eu besoin d'aide pour votre santé mentale (moral, stress, angoisse, tristesse…) ?",
          falcLabel:
            "Cette année, avez-vous eu besoin d'aide parce que vous n'alliez pas bien dans votre tête ?",
          help: "Par exemple : parler à quelqu'un, voir un médecin, un psychologue, une association.",
          required: true,
        },
        {
          id: "aide-trouvee",
          type: "single_choice",
          label: "Avez-vous trouvé l'aide dont vous aviez besoin ?",
          falcLabel: "Avez-vous eu de l'aide ?",
          required: false,
          condition: { questionId: "besoin-aide", operator: "equals", value: "yes" },
          allowOther: false,
          choices: choices(
            ["Oui, rapidement", "Oui, vite"],
            ["Oui, mais après une longue attente", "Oui, mais j'ai attendu longtemps"],
            ["En partie seulement", "Un peu"],
            "Non",
          ),
        },
        {
          id: "freins",
          type: "multiple_choice",
          label: "Qu'est-ce qui vous a freiné·e pour demander ou obtenir de l'aide ?",
          falcLabel: "Qu'est-ce qui a été difficile pour avoir de l'aide ?",
          help: "Plusieurs réponses possibles.",
          required: false,
          condition: { questionId: "besoin-aide", operator: "equals", value: "yes" },
          allowOther: true,
          choices: choices(
            ["Je ne savais pas à qui m'adresser", "Je ne savais pas à qui demander"],
            ["Les délais pour avoir un rendez-vous", "Il fallait attendre trop longtemps"],
            ["Le coût", "C'était trop cher"],
            ["La distance ou le transport", "C'était trop loin"],
            ["La peur d'être jugé·e", "J'avais peur qu'on me juge"],
            ["Je pensais m'en sortir seul·e", "Je pensais y arriver seul"],
          ),
        },
        {
          id: "vers-qui",
          type: "multiple_choice",
          label: "Si vous n'alliez pas bien, vers qui vous tourneriez-vous ?",
          falcLabel: "Si vous n'allez pas bien, à qui parlez-vous ?",
          help: "Plusieurs réponses possibles.",
          required: false,
          allowOther: true,
          choices: choices(
            "Ma famille",
            "Mes amis",
            ["Mon médecin traitant", "Mon médecin"],
            ["Un ou une psychologue, un ou une psychiatre", "Un psychologue ou un psychiatre"],
            ["Un service social (CCAS, assistant·e social·e)", "Un assistant social"],
            "Une association",
            ["Une ligne d'écoute (3114, SOS Amitié…)", "Un numéro de téléphone pour parler"],
            "Personne",
          ),
        },
      ],
    },
    {
      id: "ressources",
      title: "Les ressources près de chez vous",
      falcTitle: "Les aides près de chez vous",
      questions: [
        {
          id: "connaissance",
          type: "multiple_choice",
          label: "Parmi ces lieux et services, lesquels connaissez-vous ?",
          falcLabel: "Quels lieux connaissez-vous ?",
          help: "Cochez ceux dont vous avez déjà entendu parler, même si vous n'y êtes jamais allé·e.",
          required: false,
          allowOther: true,
          choices: choices(
            [
              "Le centre médico-psychologique (CMP)",
              "Le CMP : un lieu de soins gratuit, avec des psychologues et des psychiatres",
            ],
            [
              "Le groupe d'entraide mutuelle (GEM)",
              "Le GEM : un lieu où des personnes qui ont des difficultés psychiques se retrouvent et s'entraident",
            ],
            ["Mon médecin traitant", "Mon médecin"],
            ["Le centre communal d'action sociale (CCAS)", "Le CCAS : le service social de la mairie"],
            [
              "La maison des adolescents",
              "La maison des adolescents : un lieu pour les jeunes et leurs parents",
            ],
            [
              "Le 3114, numéro national de prévention du suicide",
              "Le 3114 : un numéro gratuit pour parler quand on a des idées de suicide",
            ],
            [
              "Les associations de familles et de proches (UNAFAM…)",
              "Les associations qui aident les familles",
            ],
          ),
        },
      ],
    },
    {
      id: "avis",
      title: "Ce que vous en pensez",
      falcTitle: "Votre avis",
      questions: [
        {
          id: "idees-recues",
          type: "matrix",
          label: "Êtes-vous d'accord avec les phrases suivantes ?",
          falcLabel: "Êtes-vous d'accord avec ces phrases ?",
          required: false,
          rows: choices(
            [
              "Une personne qui a un trouble psychique peut travailler.",
              "Une personne malade dans sa tête peut travailler.",
            ],
            [
              "Les personnes qui ont un trouble psychique sont dangereuses.",
              "Les personnes malades dans leur tête sont dangereuses.",
            ],
            [
              "On peut aller mieux, voire guérir, d'un trouble psychique.",
              "On peut aller mieux quand on est malade dans sa tête.",
            ],
            [
              "J'aurais honte de dire à mes proches que je vois un psychologue ou un psychiatre.",
              "J'aurais honte de dire que je vois un psychologue.",
            ],
            [
              "J'accepterais sans difficulté d'avoir pour voisin une personne qui a un trouble psychique.",
              "Je veux bien avoir un voisin malade dans sa tête.",
            ],
          ),
          choices: agreement,
        },
        {
          id: "priorites",
          type: "ranking",
          label: "Classez ces sujets du plus important au moins important pour votre territoire.",
          falcLabel: "Mettez en premier ce qui est le plus important pour vous.",
          required: false,
          choices: choices(
            ["Le logement", "Avoir un logement"],
            ["L'accès aux soins", "Pouvoir se soigner"],
            ["Lutter contre l'isolement", "Ne pas être seul"],
            ["L'information sur la santé mentale", "Être bien informé"],
            ["Le soutien aux proches et aux aidants", "Aider les familles"],
            ["La santé mentale des jeunes", "Aider les jeunes"],
          ),
        },
        {
          id: "acces-soins",
          type: "rating",
          label:
            "De 0 à 10, est-il facile, selon vous, d'obtenir de l'aide en santé mentale sur votre territoire ?",
          falcLabel: "Donnez une note de 0 à 10 : est-ce facile d'avoir de l'aide ici ?",
          required: false,
          minLabel: "Très difficile",
          maxLabel: "Très facile",
        },
        {
          id: "commentaire",
          type: "long_text",
          label: "Voulez-vous ajouter quelque chose (une idée, un besoin, votre expérience) ?",
          falcLabel: "Voulez-vous nous dire autre chose ?",
          help: "N'écrivez pas votre nom ni celui d'une autre personne.",
          required: false,
        },
      ],
    },
  ],
};

const partners: SurveyDefinition = {
  sections: [
    {
      id: "structure",
      title: "Votre structure",
      questions: [
        {
          id: "nom-structure",
          type: "short_text",
          label: "Nom de votre structure ou de votre service",
          required: true,
        },
        {
          id: "type-structure",
          type: "single_choice",
          label: "Type de structure",
          required: true,
          allowOther: true,
          choices: choices(
            "Psychiatrie publique (établissement, CMP, hôpital de jour)",
            "Pédopsychiatrie",
            "Psychiatrie ou psychologie libérale",
            "Médecine de ville (médecin généraliste, maison de santé, CPTS)",
            "Établissement ou service médico-social (SAVS, SAMSAH, ESMS…)",
            "Service social (CCAS, conseil départemental…)",
            "Bailleur social ou acteur du logement",
            "Association d'usagers ou de familles (GEM, UNAFAM…)",
            "Autre association",
            "Collectivité (commune, intercommunalité)",
            "Éducation",
            "Justice, police, gendarmerie",
            "Insertion, emploi",
            "Culture, sport, loisirs",
          ),
        },
      ],
    },
    {
      id: "offre",
      title: "Ce que vous proposez",
      questions: [
        {
          id: "services",
          type: "multiple_choice",
          label: "Quels services proposez-vous ?",
          help: "Plusieurs réponses possibles.",
          required: true,
          allowOther: true,
          choices: choices(
            "Accueil, écoute, orientation",
            "Soins",
            "Accompagnement social",
            "Hébergement ou logement",
            "Insertion professionnelle",
            "Activités culturelles, sportives ou de loisirs",
            "Entraide entre pairs",
            "Soutien aux proches et aux aidants",
            "Prévention, information, sensibilisation",
            "Formation des professionnels",
          ),
        },
        {
          id: "publics",
          type: "multiple_choice",
          label: "À quels publics s'adressent-ils ?",
          help: "Plusieurs réponses possibles.",
          required: true,
          allowOther: true,
          choices: choices(
            "Enfants (moins de 12 ans)",
            "Adolescents (12 à 17 ans)",
            "Jeunes adultes (18 à 25 ans)",
            "Adultes",
            "Personnes âgées",
            "Familles et proches",
            "Personnes en situation de précarité",
            "Personnes en situation de handicap psychique",
          ),
        },
        {
          id: "file-active",
          type: "number",
          label: "Combien de personnes accompagnez-vous par an, environ ?",
          help: "Une estimation suffit.",
          required: false,
          integer: true,
          min: 0,
          unit: "personnes",
        },
        {
          id: "liste-attente",
          type: "yes_no",
          label: "Avez-vous une liste ou un délai d'attente pour un premier accueil ?",
          required: false,
        },
        {
          id: "delai",
          type: "number",
          label: "Quel est le délai habituel avant un premier accueil ?",
          required: false,
          condition: { questionId: "liste-attente", operator: "equals", value: "yes" },
          integer: true,
          min: 0,
          max: 730,
          unit: "jours",
        },
      ],
    },
    {
      id: "partenariats",
      title: "Vos partenariats",
      questions: [
        {
          id: "partenaires",
          type: "multiple_choice",
          label: "Avec quels acteurs travaillez-vous régulièrement ?",
          help: "Plusieurs réponses possibles.",
          required: false,
          allowOther: true,
          choices: choices(
            "Psychiatrie publique",
            "Médecine de ville",
            "Médico-social",
            "Services sociaux",
            "Logement",
            "Éducation",
            "Justice, police, gendarmerie",
            "Associations d'usagers ou de familles",
            "Élus et collectivités",
          ),
        },
        {
          id: "coordination",
          type: "scale",
          label: "Comment jugez-vous la coordination entre les acteurs de la santé mentale du territoire ?",
          required: false,
          choices: choices("Très insuffisante", "Insuffisante", "Satisfaisante", "Très satisfaisante"),
        },
        {
          id: "difficultes",
          type: "multiple_choice",
          label: "Quelles sont vos principales difficultés ?",
          help: "Trois réponses au plus.",
          required: false,
          allowOther: true,
          maxChoices: 3,
          choices: choices(
            "Délais d'accès aux soins psychiatriques",
            "Manque de places ou de solutions d'aval",
            "Méconnaissance des autres acteurs",
            "Difficulté à joindre les partenaires",
            "Situations complexes restées sans solution",
            "Manque de formation à la santé mentale",
            "Manque de temps ou de moyens",
          ),
        },
        {
          id: "attentes",
          type: "long_text",
          label: "Qu'attendez-vous du conseil local de santé mentale ?",
          required: false,
        },
        {
          id: "remarques",
          type: "long_text",
          label: "Autres remarques",
          required: false,
        },
      ],
    },
  ],
};

const templates: SurveyTemplate[] = [
  {
    key: "perception-habitants",
    title: "Perception de la santé mentale par les habitants",
    description:
      "Questionnaire anonyme pour le grand public : bien-être, isolement, recours à l'aide, connaissance des ressources locales, idées reçues, priorités. Chaque question a une version en FALC.",
    audience: "public",
    anonymous: true,
    questionCount: allQuestions(residents).length,
    introduction:
      "Le conseil local de santé mentale (CLSM) réunit les élus, les professionnels, les associations et les habitants pour améliorer la santé mentale de tous sur le territoire.\n\nCe questionnaire nous aide à savoir comment vous allez, ce que vous connaissez des aides existantes et ce qui manque. Il prend environ 10 minutes.",
    definition: residents,
  },
  {
    key: "ressources-partenaires",
    title: "Ressources des partenaires",
    description:
      "Questionnaire nominatif pour les partenaires : type de structure, services proposés, publics, file active et délais, partenariats, difficultés, attentes envers le CLSM.",
    audience: "partners",
    anonymous: false,
    questionCount: allQuestions(partners).length,
    introduction:
      "Pour établir le diagnostic partagé du territoire, le CLSM recense les ressources existantes en santé mentale. Merci de répondre au nom de votre structure ; cela prend environ 10 minutes.",
    definition: partners,
  },
];

export function templateSummaries(): SurveyTemplateSummary[] {
  return templates.map(({ introduction: _i, definition: _d, ...summary }) => summary);
}

/** A template by its key, as a fresh copy (callers may change it). */
export function findTemplate(key: string): SurveyTemplate | undefined {
  const found = templates.find((x) => x.key === key);
  return found ? structuredClone(found) : undefined;
}
