import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    // Modules (fastify, better-auth, the commune shapes…) are loaded once per worker, not once per file: a
    // third faster. Each file still gets its own app and database (setupApp), so files stay independent.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
