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
  /**
   * Which connections may say who the client is (X-Forwarded-For), as Fastify's `trustProxy`: true, false,
   * a number of hops, or addresses / CIDR ranges / "loopback", "linklocal", "uniquelocal".
   */
  trustProxy: boolean | number | string;
}

/**
 * By default only a proxy on the same host or on a private network is believed: a client reaching the server
 * directly cannot forge X-Forwarded-For to change its address (and escape the sign-in rate limit).
 */
const DEFAULT_TRUST_PROXY = "loopback,linklocal,uniquelocal";

function trustProxyFrom(value: string | undefined): boolean | number | string {
  if (value === undefined || value.trim() === "") return DEFAULT_TRUST_PROXY;
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function intFrom(
  value: string | undefined,
  fallback: number,
  name: string,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new Error(`${name} must be an integer between 0 and ${max}, got "${value}"`);
  return n;
}

/** The public URL without its trailing slash; refused unless it is an absolute http(s) URL (mailed links use it). */
function baseUrlFrom(value: string | undefined, port: number): string {
  if (value === undefined || value === "") return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`BASE_URL must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`BASE_URL must be an absolute http(s) URL, got "${value}"`);
  return value.replace(/\/+$/, "");
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env.PORT, 3000, "PORT", 65535);
  const baseUrl = baseUrlFrom(env.BASE_URL, port);
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
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
  };
}
