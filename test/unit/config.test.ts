import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/platform/config";
import { projectRoot } from "../../src/server/platform/paths";

describe("loadConfig", () => {
  it("has safe defaults for a first start", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      baseUrl: "http://localhost:3000",
      databaseUrl: undefined,
      authSecret: undefined,
      smtpUrl: undefined,
      logLevel: "info",
      loadDemo: true,
      authRateLimitPerMinute: 20,
      jobPollMs: 1000,
      secureCookies: true,
      trustProxy: "loopback,linklocal,uniquelocal",
    });
    expect(config.dataDir).toBe(path.join(projectRoot, "data"));
    expect(config.mailFrom).toMatch(/<.+@.+>/);
  });

  it("reads the environment", () => {
    const config = loadConfig({
      PORT: "8080",
      BASE_URL: "https://clsm.exemple.fr/",
      DATABASE_URL: "postgres://maillage@db/maillage",
      SMTP_URL: "smtp://relais:25",
      MAILLAGE_DEMO: "false",
      COOKIE_SECURE: "false",
      JOB_POLL_MS: "0",
      MAILLAGE_DATA_DIR: "/var/lib/maillage",
    });
    expect(config).toMatchObject({
      port: 8080,
      baseUrl: "https://clsm.exemple.fr",
      databaseUrl: "postgres://maillage@db/maillage",
      smtpUrl: "smtp://relais:25",
      loadDemo: false,
      secureCookies: false,
      jobPollMs: 0,
      dataDir: "/var/lib/maillage",
    });
  });

  it("reads TRUST_PROXY as a boolean, a number of hops or a list of addresses", () => {
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8,127.0.0.1" }).trustProxy).toBe("10.0.0.0/8,127.0.0.1");
  });

  it("derives the base URL from the port when none is given", () => {
    expect(loadConfig({ PORT: "4000" }).baseUrl).toBe("http://localhost:4000");
  });

  it("treats empty values as unset", () => {
    const config = loadConfig({ PORT: "", DATABASE_URL: "", SMTP_URL: "", AUTH_SECRET: "" });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      smtpUrl: undefined,
      authSecret: undefined,
    });
  });

  it("refuses a bad PORT or number, naming the variable", () => {
    for (const PORT of ["abc", "-1", "3.5", "80 80"]) {
      expect(() => loadConfig({ PORT }), PORT).toThrow(/PORT/);
    }
    expect(() => loadConfig({ JOB_POLL_MS: "souvent" })).toThrow(/JOB_POLL_MS/);
    expect(() => loadConfig({ AUTH_RATE_LIMIT_PER_MINUTE: "-5" })).toThrow(/AUTH_RATE_LIMIT_PER_MINUTE/);
  });

  it("refuses a port above 65535", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(loadConfig({ PORT: "65535" }).port).toBe(65535);
  });

  it("refuses a BASE_URL that is not an absolute http(s) URL (mailed links are built on it)", () => {
    for (const BASE_URL of ["clsm.exemple.fr", "/maillage", "ftp://clsm.exemple.fr"]) {
      expect(() => loadConfig({ BASE_URL }), BASE_URL).toThrow(/BASE_URL/);
    }
    expect(loadConfig({ BASE_URL: "https://clsm.exemple.fr/maillage/" }).baseUrl).toBe(
      "https://clsm.exemple.fr/maillage",
    );
  });
});
