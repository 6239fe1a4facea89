import path from "node:path";
import { projectRoot } from "./paths";

export interface Config {
  port: number;
  host: string;
  /** Public URL of the platform, used in the links sent by mail. */
  baseUrl: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Secret that signs session cookies; when absent one is generated once and kept in the database. */
  authSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  loadDemo: boolean;
  /** Sign-in attempts allowed per IP per minute before 429. */
  authRateLimitPerMinute: number;
  jobPollMs: number;
  secureCookies: boolean;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env.PORT, 3000, "PORT");
  const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, "");
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    baseUrl,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.MAILLAGE_DATA_DIR ?? path.join(projectRoot, "data")),
    authSecret: env.AUTH_SECRET || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? "Maillage <no-reply@maillage.localhost>",
    logLevel: env.LOG_LEVEL ?? "info",
    loadDemo: env.MAILLAGE_DEMO !== "false",
    authRateLimitPerMinute: intFrom(env.AUTH_RATE_LIMIT_PER_MINUTE, 20, "AUTH_RATE_LIMIT_PER_MINUTE"),
    jobPollMs: intFrom(env.JOB_POLL_MS, 1000, "JOB_POLL_MS"),
    // Browsers accept Secure cookies on http://localhost, so this stays on unless explicitly disabled
    // (e.g. a LAN test over plain http on another host name).
    secureCookies: env.COOKIE_SECURE !== "false",
  };
}
