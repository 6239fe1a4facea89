import type { MinutesBlock, MinutesDoc } from "../../contracts/meetings-minutes";
import type { Services } from "../app";
import type { Actor } from "../platform/access";
import { addDays, parisToday } from "../platform/dates";

// A year of the demo CLSM's meetings, relative to the day the demo is loaded: past meetings with attendance,
// treated agendas, shared minutes, decisions and follow-ups (some closed, some open, one overdue), and the next
// meeting of each instance, not yet convened.

interface DemoMeeting {
  instance: string;
  title: string;
  /** Days from today (negative: past). */
  day: number;
  time: string;
  place: string;
  agenda: string[];
  minutes?: { summary: string; points: string[] };
  decisions?: string[];
  /** description, assignee (last name), due in days from the meeting, closed. */
  followUps?: [string, string, number, boolean][];
  /** Last names of the invitees who were excused (the others came). */
  excused?: string[];
}

const MAIRIE = "Hôtel de ville de Saint-Brieuc, salle du conseil";
const AGGLO = "Saint-Brieuc Armor Agglomération, salle Armor";
const CCAS = "CCAS de Saint-Brieuc, salle de réunion";

const copil = "Comité de pilotage";
const logement = "Logement et habitat";
const sism = "SISM et lutte contre la stigmatisation";
const technique = "Comité technique";
const pleniere = "Assemblée plénière";

const meetings: DemoMeeting[] = [
  {
    instance: copil,
    title: "COPIL — lancement de l'année",
    day: -320,
    time: "14:00",
    place: MAIRIE,
    agenda: [
      "Bilan de l'année écoulée",
      "Priorités du diagnostic partagé",
      "Calendrier des groupes de travail",
    ],
    minutes: {
      summary:
        "Le COPIL valide les priorités issues du diagnostic partagé et relance les groupes de travail.",
      points: [
        "Le logement reste la première préoccupation exprimée par les partenaires.",
        "Les personnes concernées demandent à être associées dès la conception des actions.",
      ],
    },
    decisions: [
      "Le groupe logement et habitat est reconduit pour l'année, co-animé par le bailleur et le CMP.",
    ],
    followUps: [["Rédiger la note de cadrage du groupe logement", "Hamon", 30, true]],
    excused: ["Nicolas"],
  },
  {
    instance: logement,
    title: "Groupe logement — maintien dans le logement",
    day: -290,
    time: "09:30",
    place: CCAS,
    agenda: ["Situations d'impayés et troubles psychiques", "Présentation du dispositif d'aller-vers du CMP"],
    minutes: {
      summary: "Le groupe s'accorde sur une procédure d'alerte précoce entre bailleurs et CMP.",
      points: [
        "Trois bailleurs s'engagent à désigner un référent.",
        "Le CMP propose une permanence mensuelle.",
      ],
    },
    decisions: ["Une fiche d'alerte commune bailleurs / CMP est adoptée."],
    followUps: [
      ["Diffuser la fiche d'alerte aux bailleurs", "Guégan", 21, true],
      ["Organiser la première permanence du CMP chez le bailleur", "Quéré", 45, true],
    ],
  },
  {
    instance: technique,
    title: "Comité technique",
    day: -250,
    time: "10:00",
    place: AGGLO,
    agenda: ["Suivi des fiches actions", "Préparation du COPIL"],
    minutes: { summary: "Revue des fiches actions : quatre en cours, une à reprogrammer.", points: [] },
  },
  {
    instance: copil,
    title: "COPIL — point d'étape",
    day: -230,
    time: "14:00",
    place: MAIRIE,
    agenda: ["Avancement des groupes de travail", "Programme des SISM", "Budget de la coordination"],
    minutes: {
      summary: "Point d'étape des groupes ; le programme des SISM est lancé.",
      points: ["Le thème national des SISM sera décliné avec le GEM et les médiathèques."],
    },
    decisions: ["Le CLSM porte un programme SISM sur deux semaines en octobre."],
    followUps: [["Solliciter les médiathèques pour les SISM", "Robin", 40, true]],
    excused: ["Lebreton", "Nicolas"],
  },
  {
    instance: pleniere,
    title: "Assemblée plénière annuelle",
    day: -200,
    time: "18:00",
    place: MAIRIE,
    agenda: ["Rapport d'activité", "Témoignages de personnes concernées", "Échanges avec la salle"],
    minutes: {
      summary: "Plus de quarante partenaires réunis ; le rapport d'activité est présenté et discuté.",
      points: [
        "Le GEM présente son projet de café-rencontre.",
        "Des habitants demandent une information sur l'urgence.",
      ],
    },
    decisions: ["Une information sur les numéros d'urgence et d'écoute sera diffusée dans chaque commune."],
    followUps: [["Préparer la plaquette « où trouver de l'aide »", "Thomas", 60, false]],
  },
  {
    instance: sism,
    title: "Groupe SISM — programme",
    day: -120,
    time: "17:30",
    place: CCAS,
    agenda: ["Programme des deux semaines", "Lieux et partenaires", "Communication"],
    minutes: {
      summary: "Le programme compte huit événements, dont un ciné-débat et une marche.",
      points: ["Le collège Jean Macé accueille une intervention en classe."],
    },
    decisions: ["Le ciné-débat est gratuit et accessible aux personnes à mobilité réduite."],
    followUps: [["Réserver la salle du ciné-débat", "Le Men", 20, true]],
  },
  {
    instance: logement,
    title: "Groupe logement — bilan des alertes",
    day: -90,
    time: "09:30",
    place: CCAS,
    agenda: ["Bilan des alertes reçues", "Cas d'usage anonymisés", "Suite du travail"],
    minutes: {
      summary: "Douze alertes en six mois ; neuf situations stabilisées sans expulsion.",
      points: ["Les délais de réponse du CMP sont jugés satisfaisants."],
    },
    followUps: [["Proposer un bilan chiffré au COPIL", "Hamon", 60, false]],
  },
  {
    instance: copil,
    title: "COPIL — bilan des SISM et préparation de l'année",
    day: -40,
    time: "14:00",
    place: MAIRIE,
    agenda: ["Bilan des SISM", "Bilan des alertes logement", "Orientations de l'an prochain"],
    minutes: {
      summary:
        "Les SISM ont réuni près de 600 personnes ; le COPIL prépare les orientations de l'an prochain.",
      points: ["Le pilier des aidants n'est plus représenté au COPIL depuis le départ du délégué UNAFAM."],
    },
    decisions: [
      "La coordination sollicite l'UNAFAM pour désigner un·e représentant·e des aidants au COPIL.",
      "Le bilan des alertes logement sera présenté à la plénière.",
    ],
    followUps: [
      ["Écrire à l'UNAFAM 22 pour la représentation des aidants", "Morvan", 10, false],
      ["Mettre à jour l'annuaire des partenaires du logement", "Guégan", 45, false],
    ],
    excused: ["Le Goff"],
  },
  {
    instance: technique,
    title: "Comité technique",
    day: -20,
    time: "10:00",
    place: AGGLO,
    agenda: ["Préparation du COPIL"],
  },
  {
    instance: logement,
    title: "Groupe logement",
    day: 12,
    time: "09:30",
    place: CCAS,
    agenda: ["Suite du travail"],
  },
  {
    instance: copil,
    title: "COPIL",
    day: 45,
    time: "14:00",
    place: MAIRIE,
    agenda: ["Validation du plan d'actions", "Représentation des aidants"],
  },
];

const text = (s: string) => [{ type: "text" as const, text: s }];
function minutesDoc(m: NonNullable<DemoMeeting["minutes"]>): MinutesDoc {
  const content: MinutesBlock[] = [
    { type: "heading", attrs: { level: 2 }, content: text("Synthèse") },
    { type: "paragraph", content: text(m.summary) },
  ];
  if (m.points.length)
    content.push(
      { type: "heading", attrs: { level: 2 }, content: text("Points à retenir") },
      {
        type: "bulletList",
        content: m.points.map((p) => ({
          type: "listItem" as const,
          content: [{ type: "paragraph" as const, content: text(p) }],
        })),
      },
    );
  return { type: "doc", content };
}

export async function seedMeetings(
  services: Services,
  admin: Actor,
  clsmId: string,
  instances: Map<string, string>,
  people: Map<string, string>,
) {
  const today = parisToday();
  for (const d of meetings) {
    const instanceId = instances.get(d.instance);
    if (!instanceId) continue;
    const meeting = await services.meetings.create(admin, clsmId, {
      title: d.title,
      instanceId,
      date: addDays(today, d.day),
      time: d.time,
      durationMinutes: 120,
      placeName: d.place,
      reminderDaysBefore: 2,
      guests: [],
    });
    for (const title of d.agenda)
      await services.agenda.add(admin, clsmId, meeting.id, { title, durationMinutes: 30 });
    if (d.day >= 0) continue;
    const detail = await services.meetings.get(admin, clsmId, meeting.id);
    const excused = new Set((d.excused ?? []).map((n) => people.get(n)));
    await services.meetings.takeAttendance(
      admin,
      clsmId,
      meeting.id,
      detail.invitees.map((i) => ({
        inviteeId: i.id,
        attendance: excused.has(i.personId ?? undefined) ? "excuse" : "present",
      })),
    );
    for (const item of detail.agenda)
      await services.agenda.update(admin, clsmId, meeting.id, item.id, { outcome: "treated" });
    if (!d.minutes) continue;
    await services.minutes.save(admin, clsmId, meeting.id, { doc: minutesDoc(d.minutes) });
    const decisions = [];
    for (const decision of d.decisions ?? [])
      decisions.push(await services.minutes.addDecision(admin, clsmId, meeting.id, { text: decision }));
    for (const [description, assignee, dueIn, closed] of d.followUps ?? []) {
      const followUp = await services.followUps.create(admin, clsmId, meeting.id, {
        description,
        assigneePersonId: people.get(assignee) ?? null,
        dueDate: addDays(today, d.day + dueIn),
        decisionId: decisions[0]?.id ?? null,
      });
      if (closed) await services.followUps.update(admin, clsmId, followUp.id, { status: "done" });
    }
    await services.minutes.share(admin, clsmId, meeting.id, true);
  }
}
