import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import { loadActor } from "./accounts/repo";
import { accountsRoutes } from "./accounts/routes";
import { createAccountsService } from "./accounts/service";
import { createDiagnosticAccess } from "./diagnostic/access";
import { createInvitationsService } from "./diagnostic/answering/invitations";
import { answeringRoutes } from "./diagnostic/answering/routes";
import { createAnsweringService } from "./diagnostic/answering/service";
import { diagnosticFiguresRoutes } from "./diagnostic/figures/routes";
import { createFiguresService } from "./diagnostic/figures/service";
import { diagnosticNeedsRoutes } from "./diagnostic/needs/routes";
import { createNeedsService } from "./diagnostic/needs/service";
import { opinionsRoutes } from "./diagnostic/opinions/routes";
import { createOpinionsService } from "./diagnostic/opinions/service";
import { diagnosticPageRoutes } from "./diagnostic/page/routes";
import { createDiagnosticPageService } from "./diagnostic/page/service";
import { prioritiesRoutes } from "./diagnostic/priorities/routes";
import { createPrioritiesService } from "./diagnostic/priorities/service";
import { surveyResultsRoutes } from "./diagnostic/results/routes";
import { createResultsService } from "./diagnostic/results/service";
import { surveysRoutes } from "./diagnostic/surveys/routes";
import { createSurveysService } from "./diagnostic/surveys/service";
import { createDirectoryExportService } from "./directory/export/service";
import { directoryExportRoutes } from "./directory/export-routes";
import { createDirectoryImportService } from "./directory/import/service";
import { directoryImportRoutes } from "./directory/import-routes";
import { directoryRoutes } from "./directory/routes";
import { createDirectoryService } from "./directory/service";
import { governanceRoutes } from "./governance/routes";
import { createGovernanceService } from "./governance/service";
import { JobQueue } from "./jobs/queue";
import { mailRoutes } from "./mail/routes";
import { createMailService } from "./mail/service";
import { createMeetingAccess } from "./meetings/access";
import { createAgendaService } from "./meetings/agenda";
import { createConvocationsService } from "./meetings/convocations";
import { convocationsRoutes } from "./meetings/convocations-routes";
import { createMeetingDocumentsService } from "./meetings/documents";
import { meetingDocumentsRoutes } from "./meetings/documents-routes";
import { createFeedsService } from "./meetings/feeds";
import { createFollowUpsService } from "./meetings/follow-ups";
import { createMinutesService } from "./meetings/minutes";
import { minutesRoutes } from "./meetings/minutes-routes";
import { meetingsRoutes } from "./meetings/routes";
import { createRsvpService } from "./meetings/rsvp";
import { createMeetingSearch } from "./meetings/search";
import { createMeetingsService } from "./meetings/service";
import { createSignInSheet } from "./meetings/sign-in-sheet";
import { createYearlyCheck } from "./meetings/yearly";
import { createAuth, resolveSecret } from "./platform/auth";
import type { Config } from "./platform/config";
import type { Database } from "./platform/db";
import { AppError } from "./platform/errors";
import { installErrorHandling, installSessionRenewal } from "./platform/http";
import { loggerOptions } from "./platform/logger";
import { messages } from "./platform/messages";
import { webDistDir } from "./platform/paths";
import { territoryRoutes } from "./territory/routes";
import { createTerritoryService } from "./territory/service";
import { workspacesRoutes } from "./workspaces/routes";
import { createWorkspacesService } from "./workspaces/service";

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** Where log lines go (default: stdout); tests pass a stream to read what is logged. */
  logStream?: DestinationStream;
}

export type Services = Awaited<ReturnType<typeof createServices>>;

async function createServices(app: FastifyInstance, options: BuildOptions) {
  const { config } = options;
  const db = options.database.db;
  const jobs = new JobQueue(db, app.log);
  const mail = createMailService({ db, jobs, smtpUrl: config.smtpUrl, from: config.mailFrom });
  // The server secret, resolved once: better-auth signs sessions with it, meetings sign the answer links.
  const secret = await resolveSecret(db, config.authSecret);
  const auth = await createAuth({ db, config: { ...config, authSecret: secret }, mail, log: app.log });
  const accounts = createAccountsService({ db, auth, mail, config });
  const territory = createTerritoryService({ db });
  const directory = createDirectoryService({ db });
  const governance = createGovernanceService({ db, directory });
  directory.linkPeople(governance.personLinks);
  const meetingAccess = createMeetingAccess({ directory, governance });
  const meetings = createMeetingsService({ db, access: meetingAccess, directory, governance });
  directory.linkPeople(meetings.personLinks);
  const agenda = createAgendaService({ db, access: meetingAccess, detail: meetings.get });
  const convocations = createConvocationsService({
    db,
    access: meetingAccess,
    meetings,
    directory,
    mail,
    jobs,
    baseUrl: config.baseUrl,
    mailFrom: config.mailFrom,
    secret,
  });
  const rsvp = createRsvpService({ db, secret });
  const feeds = createFeedsService({
    db,
    access: meetingAccess,
    governance,
    loadActor: (userId) => loadActor(db, userId),
    baseUrl: config.baseUrl,
    mailFrom: config.mailFrom,
  });
  const yearlyCheck = createYearlyCheck({ db, access: meetingAccess, governance });
  const followUps = createFollowUpsService({
    db,
    access: meetingAccess,
    directory,
    governance,
    jobs,
    mail,
    baseUrl: config.baseUrl,
  });
  directory.linkPeople(followUps.personLinks);
  const minutes = createMinutesService({ db, access: meetingAccess, followUps });
  const meetingSearch = createMeetingSearch({ db, access: meetingAccess });
  const meetingDocuments = createMeetingDocumentsService({ db, access: meetingAccess });
  const signInSheet = createSignInSheet({ access: meetingAccess, meetings });
  const workspaces = createWorkspacesService({ db, territory, accounts, directory });
  const directoryImports = createDirectoryImportService({ db, directory });
  const directoryExport = createDirectoryExportService({ directory });
  const diagnosticAccess = createDiagnosticAccess({ directory });
  const diagnosticNeeds = createNeedsService({ db, access: diagnosticAccess, directory, meetingAccess });
  const diagnosticFigures = createFiguresService({ db, access: diagnosticAccess, workspaces });
  const surveyResults = createResultsService({ db, access: diagnosticAccess, workspaces, directory });
  const surveys = createSurveysService({ db, access: diagnosticAccess });
  const priorities = createPrioritiesService({ db, access: diagnosticAccess });
  const opinions = createOpinionsService({ db, access: diagnosticAccess, meetingAccess });
  const diagnosticPage = createDiagnosticPageService({
    db,
    access: diagnosticAccess,
    meetingAccess,
    needs: diagnosticNeeds,
    figures: diagnosticFigures,
    results: surveyResults,
    priorities,
    opinions,
  });
  const answering = createAnsweringService({ db, workspaces, directory, secret });
  const surveyInvitations = createInvitationsService({
    db,
    access: diagnosticAccess,
    directory,
    governance,
    mail,
    jobs,
    workspaces,
    baseUrl: config.baseUrl,
    secret,
  });
  directory.linkPeople(surveyInvitations.personLinks);
  return {
    db,
    jobs,
    mail,
    auth,
    accounts,
    territory,
    workspaces,
    directory,
    governance,
    meetingAccess,
    meetings,
    agenda,
    convocations,
    rsvp,
    feeds,
    yearlyCheck,
    followUps,
    minutes,
    meetingSearch,
    meetingDocuments,
    signInSheet,
    directoryImports,
    directoryExport,
    diagnosticAccess,
    diagnosticNeeds,
    diagnosticFigures,
    surveyResults,
    surveys,
    priorities,
    opinions,
    diagnosticPage,
    answering,
    surveyInvitations,
  };
}

/** Builds the whole application without listening: used by main.ts, the CLI, the tests and the bench. */
export async function buildApp(options: BuildOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel, options.logStream),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // A number of hops is given to Fastify as a function (its types accept no number).
    trustProxy:
      typeof config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // A JSON API: Fastify's default text/plain parser would let such bodies reach validation; they get 415.
  app.removeContentTypeParser("text/plain");
  installErrorHandling(app);
  installSessionRenewal(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { "img-src": ["'self'", "data:"], "style-src": ["'self'", "'unsafe-inline'"] },
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError(429, "TOO_MANY_REQUESTS", messages.tooManyRequests),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: "API Maillage", version: "0.1.0", description: "L'API de la plateforme des CLSM." },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  const services = await createServices(app, options);
  app.decorate("resolveActor", services.accounts.actorFromHeaders);

  const authRateLimit = { max: config.authRateLimitPerMinute, timeWindow: "1 minute" };
  accountsRoutes(app, { accounts: services.accounts, authRateLimit, baseUrl: config.baseUrl });
  territoryRoutes(app, services);
  workspacesRoutes(app, services);
  directoryRoutes(app, services);
  mailRoutes(app, services);
  directoryImportRoutes(app, services);
  directoryExportRoutes(app, services);
  governanceRoutes(app, services);
  meetingsRoutes(app, services);
  minutesRoutes(app, services);
  convocationsRoutes(app, { ...services, publicRateLimit: authRateLimit });
  meetingDocumentsRoutes(app, services);
  diagnosticNeedsRoutes(app, services);
  diagnosticFiguresRoutes(app, services);
  surveyResultsRoutes(app, services);
  surveysRoutes(app, services);
  prioritiesRoutes(app, services);
  opinionsRoutes(app, services);
  diagnosticPageRoutes(app, services);
  answeringRoutes(app, { ...services, publicRateLimit: authRateLimit });
  app.get("/api/health", { schema: { hide: true } }, async () => ({
    ok: true,
    database: options.database.kind,
  }));

  if (options.serveWeb !== false && existsSync(path.join(webDistDir, "index.html"))) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // Built assets that do not exist are plain 404s (a stale page must not receive index.html as a script).
    const wantsPage =
      request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/assets/");
    if (wantsPage && existsSync(path.join(webDistDir, "index.html"))) {
      // The SPA routes on the client: every page address serves index.html.
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.status(404).send({ error: { code: "NOT_FOUND", message: messages.routeNotFound } });
  });

  // The daily follow-up reminders: scheduled once, each run then schedules the next.
  app.addHook("onReady", async () => services.followUps.scheduleReminders());
  app.addHook("onClose", async () => services.jobs.stop());
  return { app, services };
}
