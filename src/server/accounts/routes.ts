import type { FastifyInstance, FastifyReply } from "fastify";
import {
  forgotPasswordBody,
  inviteUserBody,
  magicLinkBody,
  me,
  resetPasswordBody,
  signInBody,
  updateUserBody,
  userList,
  userListQuery,
} from "../../contracts/accounts";
import { okBody, userIdParam } from "../../contracts/common";
import { z } from "../../contracts/zod";
import { toFetchHeaders } from "../platform/auth";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { AccountsService } from "./service";

function copySetCookie(from: Headers, reply: FastifyReply) {
  for (const cookie of from.getSetCookie()) reply.header("set-cookie", cookie);
}

export function accountsRoutes(
  parent: FastifyInstance,
  deps: { accounts: AccountsService; authRateLimit: { max: number; timeWindow: string }; baseUrl: string },
) {
  const app = zodApp(parent);
  const { accounts } = deps;
  const limited = { rateLimit: deps.authRateLimit };
  const tags = ["Comptes"];

  app.post(
    "/api/session",
    {
      config: limited,
      schema: {
        tags,
        summary: "Se connecter (e-mail et mot de passe)",
        body: signInBody,
        response: { 200: me },
      },
    },
    async (request, reply) => {
      const result = await accounts.signIn(
        request.body.email,
        request.body.password,
        toFetchHeaders(request.headers),
      );
      copySetCookie(result.headers, reply);
      return result.me;
    },
  );

  app.delete("/api/session", { schema: { tags, summary: "Se déconnecter" } }, async (request, reply) => {
    await requireActor(request);
    copySetCookie(await accounts.signOut(toFetchHeaders(request.headers)), reply);
    return reply.status(204).send();
  });

  app.post(
    "/api/session/magic-link",
    {
      config: limited,
      schema: {
        tags,
        summary: "Recevoir un lien de connexion par e-mail",
        body: magicLinkBody,
        response: { 202: okBody },
      },
    },
    async (request, reply) => {
      await accounts.requestMagicLink(request.body.email, toFetchHeaders(request.headers));
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    "/api/password/forgot",
    {
      config: limited,
      schema: { tags, summary: "Mot de passe oublié", body: forgotPasswordBody, response: { 202: okBody } },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(request.body.email);
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    "/api/password/reset",
    {
      config: limited,
      schema: {
        tags,
        summary: "Choisir un nouveau mot de passe",
        body: resetPasswordBody,
        response: { 200: okBody },
      },
    },
    async (request) => {
      await accounts.resetPassword(request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  // The only better-auth endpoint reached directly: the magic link it mails sets the session cookie and redirects.
  // Its other endpoints are not mounted, so nobody can bypass the checks of the routes above.
  app.get(
    "/api/auth/magic-link/verify",
    { config: limited, schema: { hide: true } },
    async (request, reply) => {
      const response = await accounts.verifyMagicLink(
        new URL(request.url, deps.baseUrl).searchParams,
        toFetchHeaders(request.headers),
      );
      reply.status(response.status);
      const location = response.headers.get("location");
      if (location) reply.header("location", location);
      copySetCookie(response.headers, reply);
      return reply.send(response.body ? await response.text() : null);
    },
  );

  app.get(
    "/api/me",
    { schema: { tags, summary: "La personne connectée", response: { 200: me } } },
    async (request) => accounts.me(await requireActor(request)),
  );

  const adminTags = ["Administration"];
  app.get(
    "/api/admin/users",
    {
      schema: {
        tags: adminTags,
        summary: "Personnes de la plateforme",
        querystring: userListQuery,
        response: { 200: userList },
      },
    },
    async (request) => accounts.listUsers(await requireActor(request), request.query),
  );

  app.post(
    "/api/admin/users",
    {
      schema: {
        tags: adminTags,
        summary: "Inviter une personne",
        body: inviteUserBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accounts.inviteUser(await requireActor(request), request.body)),
  );

  app.patch(
    "/api/admin/users/:userId",
    {
      schema: {
        tags: adminTags,
        summary: "Changer le rôle d'une personne",
        params: z.object({ userId: userIdParam }),
        body: updateUserBody,
      },
    },
    async (request, reply) => {
      await accounts.updateUser(await requireActor(request), request.params.userId, request.body);
      return reply.status(204).send();
    },
  );
}
