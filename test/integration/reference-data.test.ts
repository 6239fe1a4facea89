import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SEARCH_KEY_VERSION } from "../../src/server/territory/normalize";
import { ensureReferenceData } from "../../src/server/territory/reference";
import { refCommune, refDataset } from "../../src/server/territory/tables";
import { setupApp } from "../support/app";

const t = await setupApp();
const db = t.database.db;

describe("the reference geography", () => {
  it("is not reloaded at start when its version and the search key are unchanged", async () => {
    const result = await ensureReferenceData(db);
    expect(result.loaded).toBe(false);
    expect(result.version).toMatch(new RegExp(`\\+key${SEARCH_KEY_VERSION}$`));
  });

  it("is reloaded, search names recomputed, when the stored version is older", async () => {
    await db.update(refCommune).set({ searchName: "perime" }).where(eq(refCommune.code, "54547"));
    await db.update(refDataset).set({ version: "0.0.0" });
    expect((await ensureReferenceData(db)).loaded).toBe(true);
    const [vandoeuvre] = await db.select().from(refCommune).where(eq(refCommune.code, "54547"));
    expect(vandoeuvre?.searchName).toBe("vandoeuvre les nancy");
    const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(refCommune);
    expect(n).toBeGreaterThan(34_000);
  });
});
