import { and, desc, eq } from "drizzle-orm";
import { loadActor } from "../accounts/repo";
import { user } from "../accounts/tables";
import type { Services } from "../app";
import { priorityConsultation, survey } from "../diagnostic/tables";
import type { Actor } from "../platform/access";
import { addDays, parisToday, parisToUtc } from "../platform/dates";

// The demo CLSM's priorities, avis and diagnostic page: a dot vote of its members, closed, with three priorities
// retained; the avis on the PTSM adopted at the plénière; the page presenting the residents' survey.

/** Candidates and the need of the demo diagnostic each answers (by the start of its title). */
const candidates: [title: string, description: string, need: string | null][] = [
  [
    "Raccourcir l'accès à un premier rendez-vous en santé mentale",
    "Un premier contact rapide (infirmier d'accueil, orientation) avant le rendez-vous médical.",
    "Délais d'attente",
  ],
  [
    "Rompre l'isolement après une hospitalisation",
    "Activités de jour, pair-aidance, lien avec le GEM dès la sortie.",
    "Isolement des personnes",
  ],
  [
    "Prévenir les expulsions locatives",
    "Alerte précoce entre bailleurs et CMP, accompagnement des locataires.",
    "Risque d'expulsion",
  ],
  [
    "Faire connaître les lieux d'écoute et d'aide",
    "Une plaquette et une page « où trouver de l'aide » dans chaque commune.",
    "Méconnaissance",
  ],
  [
    "Former les professionnels de première ligne",
    "Premiers secours en santé mentale pour les accueils.",
    null,
  ],
];

/** Dots of each demo member (5 each), in the order of the candidates above. */
const ballots: [email: string, dots: number[]][] = [
  ["coordination@clsm-saintbrieuc.demo", [2, 1, 1, 1, 0]],
  ["elue@clsm-saintbrieuc.demo", [1, 0, 3, 1, 0]],
  ["psychiatre@clsm-saintbrieuc.demo", [3, 2, 0, 0, 0]],
  ["aidante@clsm-saintbrieuc.demo", [0, 3, 1, 0, 1]],
];

const opinionBody = `Le Conseil local de santé mentale de Saint-Brieuc Armor Agglomération a pris connaissance du projet territorial de santé mentale des Côtes-d'Armor. Il salue une démarche qui a associé les élus, la psychiatrie publique, les personnes concernées et leurs proches.

Le CLSM rend un avis favorable, assorti de trois demandes.

Premièrement, que l'accès à un premier rendez-vous en santé mentale soit raccourci : les délais relevés sur le territoire dépassent souvent trois mois pour les adultes.
Deuxièmement, que le maintien dans le logement figure parmi les actions prioritaires, avec les bailleurs sociaux.
Troisièmement, que la place des personnes concernées et des aidants soit garantie dans le suivi du projet.

Le CLSM propose de contribuer au suivi du PTSM par ses groupes de travail et son assemblée plénière annuelle.`;

const introduction = `Ce diagnostic partagé rassemble ce que les partenaires du CLSM savent de la santé mentale sur le territoire de Saint-Brieuc Armor Agglomération : les chiffres disponibles, la parole de près de trois cents habitants recueillie par questionnaire, les constats des groupes de travail et les ressources existantes.

Il n'est ni exhaustif ni figé : il sera complété au fil des travaux du CLSM.`;

const conclusion = `Trois priorités se dégagent du vote des membres : l'accès aux soins, la lutte contre l'isolement et le maintien dans le logement. Elles structureront le plan d'actions des prochaines années.`;

async function actorOf(services: Services, email: string): Promise<Actor | undefined> {
  const [row] = await services.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return row ? loadActor(services.db, row.id) : undefined;
}

/** A dot vote of the demo members, closed two months ago, with its three best candidates retained. */
async function seedConsultation(services: Services, admin: Actor, clsmId: string) {
  const { priorities } = services;
  const needs = await services.diagnosticNeeds.listNeeds(admin, clsmId, {
    sort: "title",
    limit: 100,
    offset: 0,
  });
  const needId = (start: string | null) =>
    start ? (needs.items.find((n) => n.title.startsWith(start))?.id ?? null) : null;
  const created = await priorities.create(admin, clsmId, {
    title: "Priorités du plan d'actions",
    description:
      "Quelles priorités le CLSM retient-il pour son plan d'actions, à partir du diagnostic partagé ?",
    method: "dots",
    dotsPerMember: 5,
  });
  let detail = created;
  for (const [title, description, need] of candidates)
    detail = await priorities.addCandidate(admin, clsmId, created.id, {
      title,
      description,
      needId: needId(need),
    });
  const ids = detail.candidates.map((c) => c.id);
  await priorities.open(admin, clsmId, created.id, {});
  for (const [email, dots] of ballots) {
    const voter = await actorOf(services, email);
    if (!voter) continue;
    const choice = Object.fromEntries(dots.flatMap((n, i) => (n > 0 && ids[i] ? [[ids[i], n]] : [])));
    await priorities.vote(voter, clsmId, created.id, { dots: choice });
  }
  const closed = await priorities.close(admin, clsmId, created.id);
  for (const item of closed.results?.items.slice(0, 3) ?? [])
    await priorities.choose(admin, clsmId, created.id, item.candidateId);
  // Dated like the rest of the demo: prepared three months ago, closed two months ago.
  await services.db
    .update(priorityConsultation)
    .set({
      createdAt: parisToUtc(addDays(parisToday(), -95), "10:00"),
      closedAt: parisToUtc(addDays(parisToday(), -60), "18:00"),
    })
    .where(eq(priorityConsultation.id, created.id));
}

/** The avis on the PTSM, adopted at the plénière (or else the latest COPIL) of the demo year. */
async function seedOpinion(services: Services, admin: Actor, clsmId: string) {
  const past = await services.meetings.list(admin, clsmId, {
    when: "past",
    includeCancelled: false,
    limit: 100,
    offset: 0,
  });
  const meeting =
    past.items.find((m) => m.instance?.kind === "pleniere") ??
    past.items.find((m) => m.instance?.kind === "copil");
  const opinion = await services.opinions.create(admin, clsmId, {
    subject: "ptsm",
    title: "Avis du CLSM sur le projet territorial de santé mentale des Côtes-d'Armor",
    body: opinionBody,
  });
  if (meeting) await services.opinions.adopt(admin, clsmId, opinion.id, { meetingId: meeting.id });
}

/** The page: an introduction, a conclusion and the residents' survey (made from its template), if seeded. */
async function seedPage(services: Services, admin: Actor, clsmId: string) {
  const [residents] = await services.db
    .select({ id: survey.id })
    .from(survey)
    .where(and(eq(survey.clsmId, clsmId), eq(survey.templateKey, "perception-habitants")))
    .orderBy(desc(survey.createdAt))
    .limit(1);
  await services.diagnosticPage.save(admin, clsmId, {
    introduction,
    conclusion,
    surveyIds: residents ? [residents.id] : [],
  });
}

/** Seeds the priorities, the avis and the diagnostic page (after the survey and the needs they point at). */
export async function seedDiagnosticPriorities(services: Services, admin: Actor, clsmId: string) {
  await seedConsultation(services, admin, clsmId);
  await seedOpinion(services, admin, clsmId);
  await seedPage(services, admin, clsmId);
}
