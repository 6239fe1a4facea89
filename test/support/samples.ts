import { randomUUID } from "node:crypto";
import type { InjectOptions } from "fastify";
import { SAINT_BRIEUC_AGGLO } from "./app";
import type { RouteInfo } from "./routes";

// A valid request for every route of the app, so tests that iterate over the routes (authentication,
// bad input) send something that passes validation. A route added without a sample fails those tests.

const samples: Record<string, { payload?: object; query?: Record<string, string> }> = {
  "POST /api/session": { payload: { email: "quelquun@exemple.test", password: "un-mot-de-passe" } },
  "DELETE /api/session": {},
  "POST /api/session/magic-link": { payload: { email: "quelquun@exemple.test" } },
  "POST /api/password/forgot": { payload: { email: "quelquun@exemple.test" } },
  "POST /api/password/reset": { payload: { token: "jeton", password: "un-mot-de-passe-neuf" } },
  "GET /api/auth/magic-link/verify": { query: { token: "jeton" } },
  "GET /api/me": {},
  "GET /api/admin/users": {},
  "POST /api/admin/users": { payload: { name: "Inès", email: "ines@exemple.test" } },
  "PATCH /api/admin/users/:userId": { payload: { platformRole: "national" } },
  "GET /api/admin/mail": {},
  "GET /api/territory/search": { query: { q: "Rennes" } },
  "GET /api/territory/epci/:code": {},
  "GET /api/territory/regions": {},
  "GET /api/clsms": {},
  "POST /api/clsms": { payload: { name: "CLSM test", territory: { communeCodes: ["35238"] } } },
  "GET /api/clsms/:clsmId": {},
  "PATCH /api/clsms/:clsmId": { payload: { name: "Nouveau nom" } },
  "PUT /api/clsms/:clsmId/territory": { payload: { communeCodes: ["29019"] } },
  "GET /api/clsms/:clsmId/map": {},
  "GET /api/clsms/:clsmId/members": {},
  "POST /api/clsms/:clsmId/members": { payload: { email: "membre@exemple.test" } },
  "PATCH /api/clsms/:clsmId/members/:userId": { payload: { isChair: true } },
  "DELETE /api/clsms/:clsmId/members/:userId": {},
  "POST /api/clsms/:clsmId/members/:userId/invitation": {},
  "POST /api/clsms/:clsmId/directory/imports": { query: { fileName: "annuaire.csv" } },
  "GET /api/clsms/:clsmId/directory/export": { query: { format: "csv" } },
  "GET /api/clsms/:clsmId/directory/imports": {},
  "GET /api/clsms/:clsmId/directory/imports/:importId": {},
  "PUT /api/clsms/:clsmId/directory/imports/:importId/mapping": { payload: { mapping: ["lastName", null] } },
  "GET /api/clsms/:clsmId/directory/imports/:importId/preview": {},
  "PUT /api/clsms/:clsmId/directory/imports/:importId/decisions": {
    payload: { decisions: [{ index: 0, decision: "skip" }] },
  },
  "POST /api/clsms/:clsmId/directory/imports/:importId/commit": {},
  "POST /api/clsms/:clsmId/directory/imports/:importId/undo": {},
  "GET /api/health": {},
  "GET /api/clsms/:clsmId/directory/settings": {},
  "PATCH /api/clsms/:clsmId/directory/settings": { payload: { contactsVisibleToMembers: false } },
  "GET /api/clsms/:clsmId/directory/pillars": {},
  "GET /api/clsms/:clsmId/directory/colleges": {},
  "POST /api/clsms/:clsmId/directory/colleges": { payload: { name: "Collège local", pillar: null } },
  "PUT /api/clsms/:clsmId/directory/colleges/order": { payload: { ids: [randomUUID()] } },
  "PATCH /api/clsms/:clsmId/directory/colleges/:collegeId": { payload: { name: "Renommé" } },
  "DELETE /api/clsms/:clsmId/directory/colleges/:collegeId": {},
  "GET /api/clsms/:clsmId/directory/structures": { query: { q: "cmp", sort: "name" } },
  "POST /api/clsms/:clsmId/directory/structures": {
    payload: { name: "CMP adulte", type: "etablissement_sante", siret: "73282932000074" },
  },
  "GET /api/clsms/:clsmId/directory/structures/:structureId": {},
  "PATCH /api/clsms/:clsmId/directory/structures/:structureId": { payload: { phone: "02 96 00 00 00" } },
  "DELETE /api/clsms/:clsmId/directory/structures/:structureId": {},
  "POST /api/clsms/:clsmId/directory/structures/:structureId/merge": { payload: { otherId: randomUUID() } },
  "GET /api/clsms/:clsmId/directory/people": { query: { q: "le goff", pillar: "elus" } },
  "POST /api/clsms/:clsmId/directory/people": {
    payload: { firstName: "Anne", lastName: "Le Goff", email: "anne@exemple.test" },
  },
  "GET /api/clsms/:clsmId/directory/people/:personId": {},
  "PATCH /api/clsms/:clsmId/directory/people/:personId": { payload: { phone: "06 00 00 00 00" } },
  "DELETE /api/clsms/:clsmId/directory/people/:personId": {},
  "POST /api/clsms/:clsmId/directory/people/:personId/roles": { payload: { function: "Infirmière" } },
  "PATCH /api/clsms/:clsmId/directory/people/:personId/roles/:roleId": { payload: { function: "Cadre" } },
  "DELETE /api/clsms/:clsmId/directory/people/:personId/roles/:roleId": {},
  "POST /api/clsms/:clsmId/directory/people/:personId/merge": { payload: { otherId: randomUUID() } },
  "GET /api/clsms/:clsmId/directory/people/:personId/export": {},
  "POST /api/clsms/:clsmId/directory/people/:personId/anonymise": {},
  "GET /api/clsms/:clsmId/directory/people/:personId/instances": {},
  "GET /api/clsms/:clsmId/instances": { query: { kind: "copil" } },
  "POST /api/clsms/:clsmId/instances": { payload: { kind: "copil", name: "COPIL" } },
  "GET /api/clsms/:clsmId/instances/:instanceId": {},
  "PATCH /api/clsms/:clsmId/instances/:instanceId": { payload: { purpose: "Piloter le CLSM." } },
  "DELETE /api/clsms/:clsmId/instances/:instanceId": {},
  "POST /api/clsms/:clsmId/instances/:instanceId/members": {
    payload: { personIds: [randomUUID()], role: "membre" },
  },
  "PATCH /api/clsms/:clsmId/instances/:instanceId/members/:membershipId": { payload: { role: "suppleant" } },
  "DELETE /api/clsms/:clsmId/instances/:instanceId/members/:membershipId": {},
  "GET /api/clsms/:clsmId/meetings": { query: { when: "past" } },
  "POST /api/clsms/:clsmId/meetings": { payload: { title: "COPIL", date: "2027-01-12", time: "14:00" } },
  "GET /api/clsms/:clsmId/meetings/yearly": { query: { year: "2026" } },
  "GET /api/clsms/:clsmId/meetings/:meetingId": {},
  "PATCH /api/clsms/:clsmId/meetings/:meetingId": { payload: { placeName: "Salle du conseil" } },
  "DELETE /api/clsms/:clsmId/meetings/:meetingId": {},
  "POST /api/clsms/:clsmId/meetings/:meetingId/cancel": { payload: { notify: false } },
  "POST /api/clsms/:clsmId/meetings/:meetingId/duplicate": { payload: { date: "2027-02-09" } },
  "POST /api/clsms/:clsmId/meetings/:meetingId/invitees": {
    payload: { guests: [{ name: "Invitée extérieure", email: "invitee@exemple.test" }] },
  },
  "PATCH /api/clsms/:clsmId/meetings/:meetingId/invitees/:inviteeId": { payload: { rsvp: "yes" } },
  "DELETE /api/clsms/:clsmId/meetings/:meetingId/invitees/:inviteeId": {},
  "PUT /api/clsms/:clsmId/meetings/:meetingId/attendance": {
    payload: { entries: [{ inviteeId: randomUUID(), attendance: "present" }] },
  },
  "POST /api/clsms/:clsmId/meetings/:meetingId/agenda": {
    payload: { title: "Point d'étape", durationMinutes: 20 },
  },
  "PUT /api/clsms/:clsmId/meetings/:meetingId/agenda/order": { payload: { ids: [randomUUID()] } },
  "PATCH /api/clsms/:clsmId/meetings/:meetingId/agenda/:itemId": { payload: { outcome: "treated" } },
  "DELETE /api/clsms/:clsmId/meetings/:meetingId/agenda/:itemId": {},
  "POST /api/clsms/:clsmId/meetings/:meetingId/agenda/:itemId/postpone": {
    payload: { toMeetingId: randomUUID() },
  },
  "GET /api/clsms/:clsmId/meetings/search": { query: { q: "charte adoptée" } },
  "GET /api/clsms/:clsmId/meetings/:meetingId/minutes": {},
  "PUT /api/clsms/:clsmId/meetings/:meetingId/minutes": {
    payload: {
      doc: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Compte rendu." }] }],
      },
    },
  },
  "POST /api/clsms/:clsmId/meetings/:meetingId/minutes/share": {},
  "DELETE /api/clsms/:clsmId/meetings/:meetingId/minutes/share": {},
  "POST /api/clsms/:clsmId/meetings/:meetingId/decisions": { payload: { text: "La charte est adoptée." } },
  "PATCH /api/clsms/:clsmId/meetings/:meetingId/decisions/:decisionId": {
    payload: { text: "La charte est adoptée à l'unanimité." },
  },
  "DELETE /api/clsms/:clsmId/meetings/:meetingId/decisions/:decisionId": {},
  "POST /api/clsms/:clsmId/meetings/:meetingId/follow-ups": {
    payload: { description: "Envoyer la charte aux partenaires.", dueDate: "2027-02-01" },
  },
  "GET /api/clsms/:clsmId/follow-ups": { query: { status: "open" } },
  "PATCH /api/clsms/:clsmId/follow-ups/:followUpId": { payload: { status: "done" } },
  "DELETE /api/clsms/:clsmId/follow-ups/:followUpId": {},
  // The document travels as the raw body (not JSON): without one, the upload is refused with 400 (empty file).
  "POST /api/clsms/:clsmId/meetings/:meetingId/documents": { query: { fileName: "ordre-du-jour.pdf" } },
  "GET /api/clsms/:clsmId/meetings/:meetingId/documents": {},
  "GET /api/clsms/:clsmId/meetings/:meetingId/documents/:documentId": {},
  "DELETE /api/clsms/:clsmId/meetings/:meetingId/documents/:documentId": {},
  "GET /api/clsms/:clsmId/meetings/:meetingId/sign-in-sheet.pdf": {},
  "POST /api/clsms/:clsmId/meetings/:meetingId/convocations": {
    payload: { scope: "pending", message: "Merci de confirmer votre présence." },
  },
  "GET /api/rsvp/:token": {},
  "POST /api/rsvp/:token": { payload: { rsvp: "no", substituteName: "Léa Martin, adjointe" } },
  "GET /api/clsms/:clsmId/calendar-feed": {},
  "POST /api/clsms/:clsmId/calendar-feed": {},
  "DELETE /api/clsms/:clsmId/calendar-feed": {},
  "GET /api/me/calendar-feed": {},
  "POST /api/me/calendar-feed": {},
  "DELETE /api/me/calendar-feed": {},
  "GET /api/calendar/:token.ics": {},
  // Diagnostic: surveys (the builder).
  "GET /api/clsms/:clsmId/surveys": { query: { q: "habitants", limit: "10" } },
  "POST /api/clsms/:clsmId/surveys": {
    payload: { title: "Perception de la santé mentale", audience: "public", anonymous: true },
  },
  "GET /api/clsms/:clsmId/surveys/:surveyId": {},
  "PATCH /api/clsms/:clsmId/surveys/:surveyId": { payload: { title: "Enquête habitants 2027" } },
  "PUT /api/clsms/:clsmId/surveys/:surveyId/definition": {
    payload: {
      sections: [
        { id: "s1", title: "", questions: [{ id: "q1", type: "yes_no", label: "Êtes-vous d'ici ?" }] },
      ],
    },
  },
  "POST /api/clsms/:clsmId/surveys/:surveyId/duplicate": {},
  "POST /api/clsms/:clsmId/surveys/:surveyId/publish": {},
  "POST /api/clsms/:clsmId/surveys/:surveyId/close": {},
  "POST /api/clsms/:clsmId/surveys/:surveyId/reopen": {},
  "DELETE /api/clsms/:clsmId/surveys/:surveyId": {},
  "GET /api/survey-templates": {},
  "GET /api/survey-templates/:templateId": {},
  // Diagnostic: collecting answers (public and personal links, invitations).
  "GET /api/public/surveys/:token": {},
  "POST /api/public/surveys/:token/responses": {
    payload: { answers: { q1: true, q2: "c1" }, others: {}, browserKey: "k".repeat(43) },
  },
  "GET /api/public/survey-invitations/:token": {},
  "POST /api/public/survey-invitations/:token/responses": { payload: { answers: { q1: false }, others: {} } },
  "GET /api/clsms/:clsmId/surveys/:surveyId/invitations": { query: { status: "sent", limit: "10" } },
  "POST /api/clsms/:clsmId/surveys/:surveyId/invitations": { payload: { personIds: [randomUUID()] } },
  "POST /api/clsms/:clsmId/surveys/:surveyId/invitations/send": {
    payload: { message: "Votre avis compte pour le diagnostic." },
  },
  "POST /api/clsms/:clsmId/surveys/:surveyId/invitations/remind": {
    payload: { message: "Il reste trois jours pour répondre." },
  },
  "DELETE /api/clsms/:clsmId/surveys/:surveyId/invitations/:invitationId": {},
  // Diagnostic: survey results.
  "GET /api/clsms/:clsmId/surveys/:surveyId/results": { query: { by: "q1" } },
  "GET /api/clsms/:clsmId/surveys/:surveyId/results/texts": { query: { questionId: "q3", limit: "10" } },
  "GET /api/clsms/:clsmId/surveys/:surveyId/results/tags": {},
  "POST /api/clsms/:clsmId/surveys/:surveyId/responses/:responseId/tags": {
    payload: { questionId: "q3", tag: "Lieux d'écoute" },
  },
  "DELETE /api/clsms/:clsmId/surveys/:surveyId/responses/:responseId/tags": {
    payload: { questionId: "q3", tag: "Lieux d'écoute" },
  },
  "GET /api/clsms/:clsmId/surveys/:surveyId/responses/export": { query: { format: "csv" } },
  "GET /api/clsms/:clsmId/surveys/:surveyId/results/export": { query: { format: "xlsx" } },
  "PUT /api/clsms/:clsmId/surveys/:surveyId/results/publication": { payload: { published: true } },
  // Diagnostic: priority consultations.
  "GET /api/clsms/:clsmId/diagnostic/priorities": { query: { limit: "10" } },
  "POST /api/clsms/:clsmId/diagnostic/priorities": {
    payload: { title: "Priorités 2027", method: "dots", dotsPerMember: 5 },
  },
  "GET /api/clsms/:clsmId/diagnostic/priorities/chosen": {},
  "GET /api/clsms/:clsmId/diagnostic/priorities/:consultationId": {},
  "PATCH /api/clsms/:clsmId/diagnostic/priorities/:consultationId": { payload: { title: "Priorités" } },
  "DELETE /api/clsms/:clsmId/diagnostic/priorities/:consultationId": {},
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates": {
    payload: { title: "Logement d'abord" },
  },
  "PUT /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates/order": {
    payload: { ids: [randomUUID()] },
  },
  "PATCH /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates/:candidateId": {
    payload: { title: "Logement" },
  },
  "DELETE /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates/:candidateId": {},
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/open": {
    payload: { closesAt: "2030-01-01T10:00:00Z" },
  },
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/close": {},
  "GET /api/clsms/:clsmId/diagnostic/priorities/:consultationId/ballot": {},
  "PUT /api/clsms/:clsmId/diagnostic/priorities/:consultationId/ballot": {
    payload: { dots: { [randomUUID()]: 2 } },
  },
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates/:candidateId/choose": {},
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates/:candidateId/unchoose": {},
  // Diagnostic: the avis.
  "GET /api/clsms/:clsmId/diagnostic/opinions": {},
  "POST /api/clsms/:clsmId/diagnostic/opinions": {
    payload: { subject: "ptsm", title: "Avis sur le PTSM", body: "Le CLSM soutient le projet." },
  },
  "GET /api/clsms/:clsmId/diagnostic/opinions/:opinionId": {},
  "PATCH /api/clsms/:clsmId/diagnostic/opinions/:opinionId": { payload: { body: "Texte révisé." } },
  "DELETE /api/clsms/:clsmId/diagnostic/opinions/:opinionId": {},
  "POST /api/clsms/:clsmId/diagnostic/opinions/:opinionId/adopt": { payload: { meetingId: randomUUID() } },
  "POST /api/clsms/:clsmId/diagnostic/opinions/:opinionId/send": { payload: { sentTo: "ARS Bretagne" } },
  "POST /api/clsms/:clsmId/diagnostic/opinions/:opinionId/reopen": {},
  "GET /api/clsms/:clsmId/diagnostic/opinions/:opinionId/export.docx": {},
  // Diagnostic: the page.
  "GET /api/clsms/:clsmId/diagnostic": {},
  "PUT /api/clsms/:clsmId/diagnostic/page": {
    payload: { introduction: "Notre diagnostic.", conclusion: "", surveyIds: [] },
  },
  "GET /api/clsms/:clsmId/diagnostic/export.docx": {},
  // Diagnostic: needs, resources, their links, and the territorial figures.
  "GET /api/clsms/:clsmId/diagnostic/needs": { query: { objective: "parcours", q: "cmp", sort: "title" } },
  "GET /api/clsms/:clsmId/diagnostic/needs/summary": {},
  "POST /api/clsms/:clsmId/diagnostic/needs": {
    payload: { title: "Délais d'attente en CMP", objectives: ["parcours"] },
  },
  "GET /api/clsms/:clsmId/diagnostic/needs/:needId": {},
  "PATCH /api/clsms/:clsmId/diagnostic/needs/:needId": { payload: { theme: "Accès aux soins" } },
  "DELETE /api/clsms/:clsmId/diagnostic/needs/:needId": {},
  "POST /api/clsms/:clsmId/diagnostic/needs/:needId/links": { payload: { meetingId: randomUUID() } },
  "GET /api/clsms/:clsmId/diagnostic/resources": { query: { kind: "structure", objective: "inclusion" } },
  "POST /api/clsms/:clsmId/diagnostic/resources": { payload: { title: "GEM L'Escale", kind: "structure" } },
  "GET /api/clsms/:clsmId/diagnostic/resources/:resourceId": {},
  "PATCH /api/clsms/:clsmId/diagnostic/resources/:resourceId": { payload: { objectives: ["isolement"] } },
  "DELETE /api/clsms/:clsmId/diagnostic/resources/:resourceId": {},
  "POST /api/clsms/:clsmId/diagnostic/resources/:resourceId/links": {
    payload: { surveyId: randomUUID(), questionId: "q1" },
  },
  "DELETE /api/clsms/:clsmId/diagnostic/links/:linkId": {},
  "GET /api/clsms/:clsmId/diagnostic/figures": { query: { theme: "Offre de soins" } },
  "POST /api/clsms/:clsmId/diagnostic/figures": {
    payload: {
      label: "Taux de chômage",
      value: 9.1,
      unit: "%",
      year: 2024,
      source: "Insee",
      level: "territoire",
    },
  },
  "PATCH /api/clsms/:clsmId/diagnostic/figures/:figureId": { payload: { value: 8.9 } },
  "DELETE /api/clsms/:clsmId/diagnostic/figures/:figureId": {},
};

/** Routes that answer without a session (sign-in, password reset, documentation, health). */
export const isPublic = (route: RouteInfo) =>
  route.url.startsWith("/api/docs") ||
  [
    "POST /api/session",
    "POST /api/session/magic-link",
    "POST /api/password/forgot",
    "POST /api/password/reset",
    "GET /api/auth/magic-link/verify",
    "GET /api/health",
    // The answer link of a convocation, and calendar feeds: a token in the path instead of a session.
    "GET /api/rsvp/:token",
    "POST /api/rsvp/:token",
    "GET /api/calendar/:token.ics",
    // A survey's public link and the personal links of its invitations.
    "GET /api/public/surveys/:token",
    "POST /api/public/surveys/:token/responses",
    "GET /api/public/survey-invitations/:token",
    "POST /api/public/survey-invitations/:token/responses",
  ].includes(`${route.method} ${route.url}`);

export const hasBody = (route: RouteInfo) => route.hasBody;

/** A valid request for the route; ids default to fresh ones (unknown to the database). */
export function sampleRequest(
  route: RouteInfo,
  ids: { clsmId?: string; userId?: string; code?: string } = {},
): InjectOptions {
  const key = `${route.method} ${route.url}`;
  const sample = samples[key];
  if (!sample) throw new Error(`no sample request for ${key}: add one to test/support/samples.ts`);
  const url = route.url
    .replace(":clsmId", ids.clsmId ?? randomUUID())
    .replace(":userId", ids.userId ?? randomUUID())
    .replace(":code", ids.code ?? SAINT_BRIEUC_AGGLO)
    // Any other id in the path (collège, structure, person, role): a fresh one.
    .replace(/:\w+Id\b/g, () => randomUUID());
  return { method: route.method as "GET", url, ...sample };
}
