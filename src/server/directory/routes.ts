import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../contracts/common";
import {
  anonymiseResult,
  college,
  collegeList,
  createCollegeBody,
  createPersonBody,
  createStructureBody,
  directorySettings,
  mergeBody,
  orderCollegesBody,
  personDetail,
  personExport,
  personList,
  personListQuery,
  pillarsDashboard,
  roleInput,
  structureDetail,
  structureList,
  structureListQuery,
  updateCollegeBody,
  updateDirectorySettingsBody,
  updatePersonBody,
  updateRoleBody,
  updateStructureBody,
} from "../../contracts/directory";
import { z } from "../../contracts/zod";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { DirectoryService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });
const collegeParams = clsmParams.extend({ collegeId: uuidParam });
const structureParams = clsmParams.extend({ structureId: uuidParam });
const personParams = clsmParams.extend({ personId: uuidParam });
const roleParams = personParams.extend({ roleId: uuidParam });

export function directoryRoutes(parent: FastifyInstance, deps: { directory: DirectoryService }) {
  const app = zodApp(parent);
  const { directory } = deps;
  const tags = ["Annuaire"];
  const base = "/api/clsms/:clsmId/directory";

  // ─── Settings and pillars ──────────────────────────────────────────────────────────────────────────────
  app.get(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: "Réglages de l'annuaire (visibilité des coordonnées)",
        params: clsmParams,
        response: { 200: directorySettings },
      },
    },
    async (request) => directory.settings(await requireActor(request), request.params.clsmId),
  );

  app.patch(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: "Modifier les réglages de l'annuaire",
        params: clsmParams,
        body: updateDirectorySettingsBody,
        response: { 200: directorySettings },
      },
    },
    async (request) =>
      directory.updateSettings(await requireActor(request), request.params.clsmId, request.body),
  );

  app.get(
    `${base}/pillars`,
    {
      schema: {
        tags,
        summary: "Tableau des quatre piliers",
        params: clsmParams,
        response: { 200: pillarsDashboard },
      },
    },
    async (request) => directory.pillars(await requireActor(request), request.params.clsmId),
  );

  // ─── Collèges ──────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    `${base}/colleges`,
    { schema: { tags, summary: "Les collèges", params: clsmParams, response: { 200: collegeList } } },
    async (request) => directory.colleges(await requireActor(request), request.params.clsmId),
  );

  app.post(
    `${base}/colleges`,
    {
      schema: {
        tags,
        summary: "Ajouter un collège",
        params: clsmParams,
        body: createCollegeBody,
        response: { 201: college },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await directory.createCollege(await requireActor(request), request.params.clsmId, request.body),
        ),
  );

  app.put(
    `${base}/colleges/order`,
    {
      schema: {
        tags,
        summary: "Réordonner les collèges",
        params: clsmParams,
        body: orderCollegesBody,
        response: { 200: collegeList },
      },
    },
    async (request) =>
      directory.orderColleges(await requireActor(request), request.params.clsmId, request.body),
  );

  app.patch(
    `${base}/colleges/:collegeId`,
    {
      schema: {
        tags,
        summary: "Renommer un collège, changer son pilier ou sa place",
        params: collegeParams,
        body: updateCollegeBody,
        response: { 200: college },
      },
    },
    async (request) =>
      directory.updateCollege(
        await requireActor(request),
        request.params.clsmId,
        request.params.collegeId,
        request.body,
      ),
  );

  app.delete(
    `${base}/colleges/:collegeId`,
    { schema: { tags, summary: "Supprimer un collège vide", params: collegeParams } },
    async (request, reply) => {
      await directory.deleteCollege(
        await requireActor(request),
        request.params.clsmId,
        request.params.collegeId,
      );
      return reply.status(204).send();
    },
  );

  // ─── Structures ────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    `${base}/structures`,
    {
      schema: {
        tags,
        summary: "Chercher des structures",
        params: clsmParams,
        querystring: structureListQuery,
        response: { 200: structureList },
      },
    },
    async (request) =>
      directory.structures(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    `${base}/structures`,
    {
      schema: {
        tags,
        summary: "Ajouter une structure",
        params: clsmParams,
        body: createStructureBody,
        response: { 201: structureDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await directory.createStructure(await requireActor(request), request.params.clsmId, request.body),
        ),
  );

  app.get(
    `${base}/structures/:structureId`,
    {
      schema: {
        tags,
        summary: "Une structure et les personnes qui y ont une fonction",
        params: structureParams,
        response: { 200: structureDetail },
      },
    },
    async (request) =>
      directory.structure(await requireActor(request), request.params.clsmId, request.params.structureId),
  );

  app.patch(
    `${base}/structures/:structureId`,
    {
      schema: {
        tags,
        summary: "Modifier une structure",
        params: structureParams,
        body: updateStructureBody,
        response: { 200: structureDetail },
      },
    },
    async (request) =>
      directory.updateStructure(
        await requireActor(request),
        request.params.clsmId,
        request.params.structureId,
        request.body,
      ),
  );

  app.delete(
    `${base}/structures/:structureId`,
    {
      schema: {
        tags,
        summary: "Supprimer une structure (les personnes gardent leur historique)",
        params: structureParams,
      },
    },
    async (request, reply) => {
      await directory.deleteStructure(
        await requireActor(request),
        request.params.clsmId,
        request.params.structureId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    `${base}/structures/:structureId/merge`,
    {
      schema: {
        tags,
        summary: "Fusionner une autre structure dans celle-ci",
        params: structureParams,
        body: mergeBody,
        response: { 200: structureDetail },
      },
    },
    async (request) =>
      directory.mergeStructures(
        await requireActor(request),
        request.params.clsmId,
        request.params.structureId,
        request.body.otherId,
      ),
  );

  // ─── People ────────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    `${base}/people`,
    {
      schema: {
        tags,
        summary: "Chercher des personnes",
        params: clsmParams,
        querystring: personListQuery,
        response: { 200: personList },
      },
    },
    async (request) => directory.people(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    `${base}/people`,
    {
      schema: {
        tags,
        summary: "Ajouter une personne",
        params: clsmParams,
        body: createPersonBody,
        response: { 201: personDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await directory.createPerson(await requireActor(request), request.params.clsmId, request.body)),
  );

  app.get(
    `${base}/people/:personId`,
    {
      schema: {
        tags,
        summary: "Une personne et l'historique de ses fonctions",
        params: personParams,
        response: { 200: personDetail },
      },
    },
    async (request) =>
      directory.person(await requireActor(request), request.params.clsmId, request.params.personId),
  );

  app.patch(
    `${base}/people/:personId`,
    {
      schema: {
        tags,
        summary: "Modifier une personne",
        params: personParams,
        body: updatePersonBody,
        response: { 200: personDetail },
      },
    },
    async (request) =>
      directory.updatePerson(
        await requireActor(request),
        request.params.clsmId,
        request.params.personId,
        request.body,
      ),
  );

  app.delete(
    `${base}/people/:personId`,
    { schema: { tags, summary: "Effacer une personne et tout son historique", params: personParams } },
    async (request, reply) => {
      await directory.deletePerson(
        await requireActor(request),
        request.params.clsmId,
        request.params.personId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    `${base}/people/:personId/roles`,
    {
      schema: {
        tags,
        summary: "Nouvelle fonction (la fonction actuelle se termine à sa date de début)",
        params: personParams,
        body: roleInput,
        response: { 201: personDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await directory.addRole(
            await requireActor(request),
            request.params.clsmId,
            request.params.personId,
            request.body,
          ),
        ),
  );

  app.patch(
    `${base}/people/:personId/roles/:roleId`,
    {
      schema: {
        tags,
        summary: "Corriger une fonction",
        params: roleParams,
        body: updateRoleBody,
        response: { 200: personDetail },
      },
    },
    async (request) =>
      directory.updateRole(
        await requireActor(request),
        request.params.clsmId,
        request.params.personId,
        request.params.roleId,
        request.body,
      ),
  );

  app.delete(
    `${base}/people/:personId/roles/:roleId`,
    { schema: { tags, summary: "Supprimer une fonction de l'historique", params: roleParams } },
    async (request, reply) => {
      await directory.deleteRole(
        await requireActor(request),
        request.params.clsmId,
        request.params.personId,
        request.params.roleId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    `${base}/people/:personId/merge`,
    {
      schema: {
        tags,
        summary: "Fusionner une autre fiche de la même personne dans celle-ci",
        params: personParams,
        body: mergeBody,
        response: { 200: personDetail },
      },
    },
    async (request) =>
      directory.mergePeople(
        await requireActor(request),
        request.params.clsmId,
        request.params.personId,
        request.body.otherId,
      ),
  );

  app.get(
    `${base}/people/:personId/export`,
    {
      schema: {
        tags,
        summary: "Exporter tout ce que l'annuaire contient sur une personne (JSON)",
        params: personParams,
        response: { 200: personExport },
      },
    },
    async (request) =>
      directory.exportPerson(await requireActor(request), request.params.clsmId, request.params.personId),
  );

  app.post(
    `${base}/people/:personId/anonymise`,
    {
      schema: {
        tags,
        summary: "Anonymiser une personne (l'historique des fonctions est conservé)",
        params: personParams,
        response: { 200: anonymiseResult },
      },
    },
    async (request) =>
      directory.anonymisePerson(await requireActor(request), request.params.clsmId, request.params.personId),
  );
}
