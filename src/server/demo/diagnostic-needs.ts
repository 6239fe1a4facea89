import type { CreateLinkBody, CreateNeedBody, CreateResourceBody } from "../../contracts/diagnostic-needs";
import { allQuestions } from "../../contracts/survey-definition";
import type { Services } from "../app";
import { surveyOfTemplate } from "../diagnostic/needs/repo";
import type { Actor } from "../platform/access";

// The demo CLSM's needs, resources and figures: constats drawn from its working groups, meetings and residents'
// survey, the resources of its directory, and a few figures. Figures computed from the official populations say
// so; the others are what a coordinator would enter, and — the CLSM being fictional — their source says that the
// value is fictional. No département or national value is given: none could be sourced here.

/** Links by meeting title (the demo's past meetings) or by question of the residents' survey. */
interface DemoLinks {
  meetings?: string[];
  questions?: string[];
}

const needs: (CreateNeedBody & DemoLinks)[] = [
  {
    title: "Délais d'attente de plusieurs mois pour un premier rendez-vous en CMP adulte",
    description:
      "Les personnes adressées par leur médecin traitant attendent longtemps un premier rendez-vous ; certaines renoncent ou arrivent aux urgences.",
    theme: "Accès aux soins",
    audience: "Adultes",
    territoryPart: "Saint-Brieuc",
    source: "CMP adulte et médecins généralistes du territoire",
    evidence: "Délais relevés par le CMP adulte ; remontées de la maison de santé de Trégueux.",
    objectives: ["parcours"],
    meetings: ["COPIL — point d'étape"],
    questions: ["acces-soins"],
  },
  {
    title: "Isolement des personnes vivant avec des troubles psychiques après une hospitalisation",
    description: "Au retour à domicile, peu de liens sociaux et peu d'activités de jour accessibles.",
    theme: "Lien social",
    audience: "Adultes sortant d'hospitalisation",
    territoryPart: "Tout le territoire",
    source: "Pôle de psychiatrie et GEM L'Escale",
    evidence: "Témoignages d'adhérents du GEM ; réponses des habitants sur le sentiment d'isolement.",
    objectives: ["isolement", "inclusion"],
    questions: ["isolement"],
  },
  {
    title: "Risque d'expulsion locative lié à des troubles psychiques non accompagnés",
    description:
      "Impayés et troubles du voisinage précèdent souvent une rupture de soins ; les bailleurs manquent d'interlocuteur.",
    theme: "Logement",
    audience: "Locataires du parc social",
    territoryPart: "Saint-Brieuc, Plérin",
    source: "Groupe de travail logement et habitat",
    evidence: "Situations examinées par le groupe logement au cours de l'année.",
    objectives: ["determinants", "inclusion"],
    meetings: ["Groupe logement — maintien dans le logement", "Groupe logement — bilan des alertes"],
  },
  {
    title: "Méconnaissance des lieux d'écoute et d'aide par les habitants",
    theme: "Information",
    audience: "Tout public",
    territoryPart: "Tout le territoire",
    source: "Enquête auprès des habitants ; assemblée plénière",
    evidence: "Beaucoup d'habitants ne savent pas vers qui se tourner en cas de difficulté psychique.",
    objectives: ["isolement", "prevention"],
    meetings: ["Assemblée plénière annuelle"],
    questions: ["connaissance", "vers-qui"],
  },
  {
    title: "Repérage tardif de la souffrance psychique chez les collégiens et lycéens",
    description: "Les équipes éducatives se sentent démunies pour repérer et orienter.",
    theme: "Jeunesse",
    audience: "12-18 ans",
    territoryPart: "Tout le territoire",
    source: "Infirmiers scolaires et CMP enfants et adolescents",
    objectives: ["prevention", "parcours"],
  },
  {
    title: "Représentations stigmatisantes de la maladie psychique",
    theme: "Stigmatisation",
    audience: "Tout public",
    territoryPart: "Tout le territoire",
    source: "Groupe SISM et lutte contre la stigmatisation",
    evidence: "Idées reçues fréquentes dans les réponses des habitants.",
    objectives: ["isolement"],
    meetings: ["Groupe SISM — programme"],
    questions: ["idees-recues"],
  },
  {
    title: "Accès difficile aux consultations depuis les communes rurales de l'agglomération",
    description: "Pas de transport adapté vers les consultations de Saint-Brieuc.",
    theme: "Accès aux soins",
    audience: "Habitants des communes rurales",
    territoryPart: "Quintin",
    source: "Centre social de Quintin",
    objectives: ["parcours", "determinants"],
  },
  {
    title: "Épuisement des proches aidants",
    description: "Les familles découvrent tard les aides existantes et s'épuisent.",
    theme: "Aidants",
    audience: "Proches et aidants",
    territoryPart: "Tout le territoire",
    source: "UNAFAM 22 ; COPIL",
    objectives: ["prevention"],
    meetings: ["COPIL — lancement de l'année"],
  },
];

/** Resources, by the name of the demo directory's structure they belong to (if any). */
const resources: (Omit<CreateResourceBody, "structureId"> & DemoLinks & { structure?: string })[] = [
  {
    title: "Consultations et suivi au CMP adulte",
    kind: "service",
    structure: "CMP adulte de Saint-Brieuc",
    audience: "Adultes",
    territoryPart: "Tout le territoire",
    objectives: ["parcours"],
  },
  {
    title: "Groupe d'entraide mutuelle L'Escale",
    kind: "structure",
    structure: "GEM L'Escale",
    description:
      "Lieu d'accueil et d'activités géré par et pour des personnes vivant avec des troubles psychiques.",
    audience: "Adultes",
    territoryPart: "Saint-Brieuc",
    objectives: ["isolement", "inclusion"],
  },
  {
    title: "Fiche d'alerte commune bailleurs / CMP",
    kind: "action",
    structure: "Bailleur Terre et Baie Habitat",
    description:
      "Un référent par bailleur signale au CMP les situations qui l'inquiètent, avec l'accord du locataire.",
    audience: "Locataires du parc social",
    territoryPart: "Saint-Brieuc, Plérin",
    objectives: ["determinants", "inclusion"],
    meetings: ["Groupe logement — maintien dans le logement"],
  },
  {
    title: "Accompagnement à la vie sociale",
    kind: "service",
    structure: "SAVS Les Ajoncs",
    audience: "Adultes en situation de handicap psychique",
    territoryPart: "Langueux",
    objectives: ["inclusion"],
  },
  {
    title: "Semaines d'information sur la santé mentale",
    kind: "action",
    description: "Programme d'événements ouverts à tous chaque mois d'octobre.",
    audience: "Tout public",
    territoryPart: "Tout le territoire",
    objectives: ["isolement"],
    meetings: ["COPIL — bilan des SISM et préparation de l'année"],
  },
  {
    title: "Consultations de pédopsychiatrie",
    kind: "service",
    structure: "CMP enfants et adolescents de Ploufragan",
    audience: "Enfants et adolescents",
    territoryPart: "Tout le territoire",
    objectives: ["parcours"],
  },
  {
    title: "Accompagnement social des personnes en difficulté",
    kind: "service",
    structure: "CCAS de Saint-Brieuc",
    audience: "Adultes",
    territoryPart: "Saint-Brieuc",
    objectives: ["determinants"],
  },
  {
    title: "Soutien et information des familles",
    kind: "structure",
    structure: "UNAFAM 22",
    audience: "Proches et aidants",
    territoryPart: "Tout le territoire",
    objectives: ["isolement"],
  },
];

const FICTIONAL = "valeur fictive de démonstration";

/** Seeds the demo CLSM's needs, resources and figures (after its meetings and residents' survey). */
export async function seedDiagnosticNeeds(services: Services, admin: Actor, clsmId: string) {
  const { diagnosticNeeds, diagnosticFigures, directory, meetings, workspaces, db } = services;
  const past = await meetings.list(admin, clsmId, {
    when: "past",
    includeCancelled: false,
    limit: 100,
    offset: 0,
  });
  const meetingIds = new Map(past.items.map((m) => [m.title, m.id]));
  const structures = await directory.structures(admin, clsmId, { sort: "name", limit: 100, offset: 0 });
  const structureIds = new Map(structures.items.map((s) => [s.name, s.id]));
  // The residents' survey, when the demo made one from the template (its questions keep the template's ids).
  const survey = await surveyOfTemplate(db, clsmId, "perception-habitants");
  const questionIds = new Set(survey ? allQuestions(survey.definition).map((q) => q.id) : []);

  const linksOf = (d: DemoLinks): CreateLinkBody[] => [
    ...(d.meetings ?? []).flatMap((title) => {
      const meetingId = meetingIds.get(title);
      return meetingId ? [{ meetingId }] : [];
    }),
    ...(d.questions ?? []).flatMap((questionId) =>
      survey && questionIds.has(questionId) ? [{ surveyId: survey.id, questionId }] : [],
    ),
  ];

  for (const demo of needs) {
    const { meetings: _meetings, questions: _questions, ...body } = demo;
    const need = await diagnosticNeeds.createNeed(admin, clsmId, body);
    for (const link of linksOf(demo)) await diagnosticNeeds.addLink(admin, clsmId, "need", need.id, link);
  }
  for (const demo of resources) {
    const { meetings: _meetings, questions: _questions, structure, ...body } = demo;
    const resource = await diagnosticNeeds.createResource(admin, clsmId, {
      ...body,
      structureId: structure ? (structureIds.get(structure) ?? null) : null,
    });
    for (const link of linksOf(demo))
      await diagnosticNeeds.addLink(admin, clsmId, "resource", resource.id, link);
  }

  // Two figures computed from the official populations of the territory, then four entered ones.
  const { communes } = await workspaces.territoryPopulation(db, clsmId);
  const total = communes.reduce((sum, c) => sum + c.population, 0);
  const centre = communes.find((c) => c.name === "Saint-Brieuc");
  const official = "Insee, populations légales 2023, via @etalab/decoupage-administratif (calcul du CLSM)";
  const figures = [
    ...(centre && total > 0
      ? [
          {
            label: "Part de la population vivant dans la ville-centre",
            value: Math.round((centre.population / total) * 1000) / 10,
            unit: "%",
            year: 2023,
            source: official,
            level: "territoire" as const,
            theme: "Démographie",
          },
        ]
      : []),
    {
      label: "Communes de moins de 2 000 habitants",
      value: communes.filter((c) => c.population < 2000).length,
      unit: "communes",
      year: 2023,
      source: official,
      level: "territoire" as const,
      theme: "Démographie",
    },
    {
      label: "Patients sous antidépresseurs",
      value: 9.8,
      unit: "% des assurés",
      year: 2023,
      source: `SNDS / Assurance Maladie, données 2023 (${FICTIONAL})`,
      level: "territoire" as const,
      theme: "Santé mentale",
    },
    {
      label: "Délai médian pour un premier rendez-vous en CMP adulte",
      value: 95,
      unit: "jours",
      year: 2025,
      source: `Relevé du CMP adulte de Saint-Brieuc (${FICTIONAL})`,
      level: "commune" as const,
      communeCode: centre?.code ?? null,
      theme: "Offre de soins",
    },
    {
      label: "Ménages en impayé signalés au groupe logement",
      value: 27,
      unit: "ménages",
      year: 2025,
      source: `Groupe logement et habitat du CLSM (${FICTIONAL})`,
      level: "territoire" as const,
      theme: "Logement",
    },
    {
      label: "Adhérents du GEM L'Escale",
      value: 64,
      unit: "personnes",
      year: 2025,
      source: `GEM L'Escale, rapport d'activité 2025 (${FICTIONAL})`,
      level: "commune" as const,
      communeCode: centre?.code ?? null,
      theme: "Entraide",
    },
  ];
  for (const figure of figures) {
    if (figure.level === "commune" && !figure.communeCode) continue;
    await diagnosticFigures.create(admin, clsmId, figure);
  }
}
