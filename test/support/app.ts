import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { desc, eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { DestinationStream } from "pino";
import { afterAll, inject } from "vitest";
import type { PlatformRole } from "../../src/contracts/accounts";
import { account, user } from "../../src/server/accounts/tables";
import { buildApp, type Services } from "../../src/server/app";
import { mailMessage } from "../../src/server/mail/tables";
import { loadConfig } from "../../src/server/platform/config";
import type { Database } from "../../src/server/platform/db";
import { openTestDatabase } from "./databases";

export const TEST_PASSWORD = "un-mot-de-passe-de-test";
let passwordHash: Promise<string> | undefined;

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  /** Creates a person with a password and returns their session cookie. */
  signedIn(options?: { platformRole?: PlatformRole; arsRegionCode?: string; name?: string }): Promise<Person>;
  createUser(options?: {
    platformRole?: PlatformRole;
    arsRegionCode?: string;
    name?: string;
    email?: string;
  }): Promise<{ id: string; email: string }>;
  signIn(email: string, password?: string): Promise<string>;
  request(person: Person | undefined, options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface Person {
  id: string;
  email: string;
  cookie: string;
}

/** The test configuration: silent, no job polling (tests drain the queue), generous rate limits. */
export const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({
    LOG_LEVEL: "silent",
    BASE_URL: "http://localhost:3000",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    JOB_POLL_MS: "0",
    ...env,
  });

/** Builds the app on a given database with the test configuration; the caller closes it. */
export async function buildTestApp(
  database: Database,
  env: Record<string, string> = {},
  options: { logStream?: DestinationStream } = {},
) {
  const built = await buildApp({
    config: testConfig(env),
    database,
    serveWeb: false,
    // Logs are off, unless a test reads them from a stream.
    ...(options.logStream ? { logStream: options.logStream } : { logger: false }),
  });
  await built.app.ready();
  return built;
}

/** Builds the app on a fresh database for this test file; closed after the file's tests. */
export async function setupApp(
  env: Record<string, string> = {},
  options: { logStream?: DestinationStream } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(inject("testRunId"));
  const { app, services } = await buildTestApp(database, env, options);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function createUser(
    options: { platformRole?: PlatformRole; arsRegionCode?: string; name?: string; email?: string } = {},
  ) {
    const id = randomUUID();
    const email = options.email ?? `p-${id.slice(0, 8)}@exemple.test`;
    passwordHash ??= hashPassword(TEST_PASSWORD);
    await database.db.insert(user).values({
      id,
      email,
      name: options.name ?? `Personne ${id.slice(0, 4)}`,
      emailVerified: true,
      platformRole: options.platformRole ?? null,
      arsRegionCode: options.arsRegionCode ?? null,
    });
    await database.db.insert(account).values({
      id: randomUUID(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: await passwordHash,
    });
    return { id, email };
  }

  async function signIn(email: string, password = TEST_PASSWORD) {
    const res = await app.inject({ method: "POST", url: "/api/session", payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return sessionCookie(res);
  }

  return {
    app,
    services,
    database,
    createUser,
    signIn,
    async signedIn(options = {}) {
      const created = await createUser(options);
      return { ...created, cookie: await signIn(created.email) };
    },
    request(person, options) {
      return app.inject({
        ...options,
        headers: { ...options.headers, ...(person ? { cookie: person.cookie } : {}) },
      });
    },
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const raw = res.headers["set-cookie"];
  const cookies = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return cookies.map((c) => c.split(";")[0]).join("; ");
}

/** The link in the last mail sent to an address (from the outbox table). */
export async function lastMailTo(t: TestApp, email: string) {
  const [mail] = await t.database.db
    .select()
    .from(mailMessage)
    .where(eq(mailMessage.to, email))
    .orderBy(desc(mailMessage.createdAt))
    .limit(1);
  return mail;
}

/** The first http(s) link of a mail's plain text. */
export function linkIn(text: string): URL {
  const match = /https?:\/\/\S+/.exec(text);
  if (!match) throw new Error(`no link in mail: ${text}`);
  return new URL(match[0]);
}

export const SAINT_BRIEUC_AGGLO = "200069409";
export const RENNES = "35238";
export const BREST = "29019";
