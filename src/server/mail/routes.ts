import type { FastifyInstance } from "fastify";
import { pageQuery } from "../../contracts/common";
import { mailList } from "../../contracts/mail";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { MailService } from "./service";

export function mailRoutes(parent: FastifyInstance, deps: { mail: MailService }) {
  const app = zodApp(parent);
  app.get(
    "/api/admin/mail",
    {
      schema: {
        tags: ["Administration"],
        summary: "Courriels envoyés et boîte d'envoi",
        querystring: pageQuery,
        response: { 200: mailList },
      },
    },
    async (request) => {
      const { items, total } = await deps.mail.list(await requireActor(request), request.query);
      return {
        total,
        items: items.map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          text: m.text,
          status: m.status as "queued" | "sent" | "failed" | "outbox",
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );
}
