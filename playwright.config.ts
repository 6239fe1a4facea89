import { defineConfig, devices } from "@playwright/test";

// End-to-end tests against the real server (built SPA + API, PGlite with demo data) in the system Chromium.
const port = Number(process.env.E2E_PORT ?? 3457);
const baseURL = `http://localhost:${port}`;
// CI builds once before both test runs and sets E2E_PREBUILT; on its own, `npm test` builds what it serves.
const build = process.env.E2E_PREBUILT ? "" : "npm run build --silent && ";
// Per port, so two runs on one machine do not share a database.
const dataDir = `.cache/e2e-data-${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    // Spinners and transitions stand still (the app honours the preference): less work for two cores, and elements
    // are stable as soon as they show.
    reducedMotion: "reduce",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // A fresh database every run: PGlite in .cache/e2e-data, or `<db>_e2e` when DATABASE_URL is set.
    command: `${build}MAILLAGE_DATA_DIR=${dataDir} PORT=${port} LOG_LEVEL=warn AUTH_RATE_LIMIT_PER_MINUTE=1000 node scripts/e2e-server.mjs`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
