import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../contracts/common";
import {
  addInviteesBody,
  addInviteesResult,
  agendaItemBody,
  attendanceBody,
  cancelMeetingBody,
  createMeetingBody,
  duplicateMeetingBody,
  meetingDetail,
  meetingList,
  meetingListQuery,
  orderAgendaBody,
  postponeAgendaItemBody,
  updateAgendaItemBody,
  updateInviteeBody,
  updateMeetingBody,
  yearlyCheck,
  yearlyCheckQuery,
} from "../../contracts/meetings";
import { z } from "../../contracts/zod";
import type { Actor } from "../platform/access";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { AgendaService } from "./agenda";
import type { MeetingsService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });
const meetingParams = clsmParams.extend({ meetingId: uuidParam });
const inviteeParams = meetingParams.extend({ inviteeId: uuidParam });
const itemParams = meetingParams.extend({ itemId: uuidParam });

export function meetingsRoutes(
  parent: FastifyInstance,
  deps: {
    meetings: MeetingsService;
    agenda: AgendaService;
    yearlyCheck: (actor: Actor, clsmId: string, year?: number) => Promise<z.infer<typeof yearlyCheck>>;
  },
) {
  const app = zodApp(parent);
  const { meetings, agenda } = deps;
  const tags = ["Réunions"];
  const base = "/api/clsms/:clsmId/meetings";
  const one = `${base}/:meetingId`;

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Les réunions : une période (calendrier) ou les prochaines / passées (liste)",
        params: clsmParams,
        querystring: meetingListQuery,
        response: { 200: meetingList },
      },
    },
    async (request) => meetings.list(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Programmer une réunion (ou une série) ; les membres de l'instance sont invités",
        params: clsmParams,
        body: createMeetingBody,
        response: { 201: meetingDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await meetings.create(await requireActor(request), request.params.clsmId, request.body)),
  );

  app.get(
    `${base}/yearly`,
    {
      schema: {
        tags,
        summary: "Bilan de l'année : plénière tenue, nombre de COPIL, réunions par instance",
        params: clsmParams,
        querystring: yearlyCheckQuery,
        response: { 200: yearlyCheck },
      },
    },
    async (request) =>
      deps.yearlyCheck(await requireActor(request), request.params.clsmId, request.query.year),
  );

  app.get(
    one,
    { schema: { tags, summary: "Une réunion", params: meetingParams, response: { 200: meetingDetail } } },
    async (request) =>
      meetings.get(await requireActor(request), request.params.clsmId, request.params.meetingId),
  );

  app.patch(
    one,
    {
      schema: {
        tags,
        summary:
          "Modifier une réunion (un changement d'horaire ou de lieu devient une mise à jour du calendrier)",
        params: meetingParams,
        body: updateMeetingBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) =>
      meetings.update(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.body,
      ),
  );

  app.delete(
    one,
    {
      schema: {
        tags,
        summary: "Supprimer une réunion programmée par erreur (non convoquée)",
        params: meetingParams,
      },
    },
    async (request, reply) => {
      await meetings.remove(await requireActor(request), request.params.clsmId, request.params.meetingId);
      return reply.status(204).send();
    },
  );

  app.post(
    `${one}/cancel`,
    {
      schema: {
        tags,
        summary: "Annuler une réunion (et prévenir les invités convoqués)",
        params: meetingParams,
        body: cancelMeetingBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) =>
      meetings.cancel(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.body,
      ),
  );

  app.post(
    `${one}/duplicate`,
    {
      schema: {
        tags,
        summary: "Dupliquer une réunion à une autre date",
        params: meetingParams,
        body: duplicateMeetingBody,
        response: { 201: meetingDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await meetings.duplicate(
            await requireActor(request),
            request.params.clsmId,
            request.params.meetingId,
            request.body,
          ),
        ),
  );

  // ─── Invitees and attendance ──────────────────────────────────────────────────────────────────────────
  app.post(
    `${one}/invitees`,
    {
      schema: {
        tags,
        summary: "Inviter des personnes de l'annuaire ou des invités extérieurs",
        params: meetingParams,
        body: addInviteesBody,
        response: { 200: addInviteesResult },
      },
    },
    async (request) =>
      meetings.addInvitees(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.body.guests,
      ),
  );

  app.patch(
    `${one}/invitees/:inviteeId`,
    {
      schema: {
        tags,
        summary: "Réponse ou présence d'un invité (saisie par la coordination)",
        params: inviteeParams,
        body: updateInviteeBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) =>
      meetings.updateInvitee(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.params.inviteeId,
        request.body,
      ),
  );

  app.delete(
    `${one}/invitees/:inviteeId`,
    {
      schema: { tags, summary: "Retirer un invité", params: inviteeParams, response: { 200: meetingDetail } },
    },
    async (request) =>
      meetings.removeInvitee(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.params.inviteeId,
      ),
  );

  app.put(
    `${one}/attendance`,
    {
      schema: {
        tags,
        summary: "Émargement : la présence de plusieurs invités d'un coup",
        params: meetingParams,
        body: attendanceBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) =>
      meetings.takeAttendance(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.body.entries,
      ),
  );

  // ─── Agenda ───────────────────────────────────────────────────────────────────────────────────────────
  app.post(
    `${one}/agenda`,
    {
      schema: {
        tags,
        summary: "Ajouter un point à l'ordre du jour",
        params: meetingParams,
        body: agendaItemBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) =>
      agenda.add(await requireActor(request), request.params.clsmId, request.params.meetingId, request.body),
  );

  app.put(
    `${one}/agenda/order`,
    {
      schema: {
        tags,
        summary: "Réordonner l'ordre du jour",
        params: meetingParams,
        body: orderAgendaBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) =>
      agenda.order(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.body.ids,
      ),
  );

  app.patch(
    `${one}/agenda/:itemId`,
    {
      schema: {
        tags,
        summary: "Modifier un point (titre, durée, intervenant, traité)",
        params: itemParams,
        body: updateAgendaItemBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) =>
      agenda.update(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.params.itemId,
        request.body,
      ),
  );

  app.delete(
    `${one}/agenda/:itemId`,
    {
      schema: { tags, summary: "Retirer un point", params: itemParams, response: { 200: meetingDetail } },
    },
    async (request) =>
      agenda.remove(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.params.itemId,
      ),
  );

  app.post(
    `${one}/agenda/:itemId/postpone`,
    {
      schema: {
        tags,
        summary: "Reporter un point non traité à une prochaine réunion",
        params: itemParams,
        body: postponeAgendaItemBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) =>
      agenda.postpone(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.params.itemId,
        request.body.toMeetingId,
      ),
  );
}
