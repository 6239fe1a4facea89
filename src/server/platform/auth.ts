import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { magicLink } from "better-auth/plugins/magic-link";
import { eq } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { account, session, user, verification } from "../accounts/tables";
import type { MailService } from "../mail/service";
import { magicLinkMail, resetPasswordMail } from "../mail/templates";
import type { Config } from "./config";
import type { Db } from "./db";
import { scrubError, scrubText } from "./logger";
import { appSetting } from "./tables";

export const RESET_PASSWORD_PATH = "/reinitialiser-mot-de-passe";
const SESSION_DAYS = 14;

export type Auth = Awaited<ReturnType<typeof createAuth>>;

/** The cookie-signing secret: from AUTH_SECRET, or generated on first start and kept in the database. */
export async function resolveSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const candidate = randomBytes(32).toString("base64url");
  await db.insert(appSetting).values({ key: "auth_secret", value: candidate }).onConflictDoNothing();
  const [row] = await db.select().from(appSetting).where(eq(appSetting.key, "auth_secret"));
  if (!row) throw new Error("auth secret could not be stored");
  return row.value;
}

/**
 * better-auth handles passwords (hashing), sessions (in the database), magic links and password resets.
 * Sign-up is closed: people join by invitation. Rate limiting is Maillage's own (see accounts/service.ts),
 * because it must slow repeated failures per address, across instances.
 */
export async function createAuth(deps: {
  db: Db;
  config: Config;
  mail: MailService;
  log: FastifyBaseLogger;
}) {
  const { db, config, mail, log } = deps;
  const send = (to: string, content: { subject: string; text: string; html: string }) =>
    db.transaction((tx) => mail.queue(tx, { to, ...content }).then(() => undefined));

  return betterAuth({
    appName: "Maillage",
    baseURL: config.baseUrl,
    basePath: "/api/auth",
    secret: await resolveSecret(db, config.authSecret),
    trustedOrigins: [config.baseUrl],
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification } }),
    telemetry: { enabled: false },
    // The library's messages go to the app's logger (not the console), errors scrubbed of query values:
    // a failed insert of a mail would otherwise print the mail, its link and token.
    logger: {
      level: "warn",
      log: (level, message, ...args) => {
        const errors = args.filter((a) => a instanceof Error).map((e) => scrubError(e));
        log[level]({ errors: errors.length ? errors : undefined }, `[auth] ${scrubText(message)}`);
      },
    },
    rateLimit: { enabled: false },
    session: { expiresIn: SESSION_DAYS * 24 * 3600, updateAge: 24 * 3600 },
    advanced: {
      useSecureCookies: config.secureCookies,
      cookiePrefix: "maillage",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: config.secureCookies },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user: target, token }) => {
        await send(target.email, resetPasswordMail(resetPasswordUrl(config.baseUrl, token)));
      },
    },
    plugins: [
      magicLink({
        disableSignUp: true,
        expiresIn: 15 * 60,
        sendMagicLink: async ({ email, url }) => {
          await send(email, magicLinkMail(url));
        },
      }),
    ],
  });
}

export const resetPasswordUrl = (baseUrl: string, token: string) =>
  `${baseUrl}${RESET_PASSWORD_PATH}?token=${encodeURIComponent(token)}`;

/** Node's incoming headers as the Fetch `Headers` better-auth expects. */
export function toFetchHeaders(incoming: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}
