import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { BREST, RENNES, SAINT_BRIEUC_AGGLO, setupApp } from "../support/app";
import { createClsm, expectErrorBody } from "../support/factories";

// A refused or failed write leaves nothing behind. Besides refusals, a database failure is forced in the
// middle of a write with a trigger, to prove each write runs in one transaction.

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });

const TABLES = [
  "clsm",
  "clsm_commune",
  "clsm_quartier",
  "clsm_membership",
  "user",
  "verification",
  "mail_message",
  "job",
] as const;

async function counts() {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const res = (await t.database.db.execute(
      sql.raw(`select count(*)::int as n from "${table}"`),
    )) as unknown as {
      rows: { n: number }[];
    };
    result[table] = res.rows[0]?.n ?? -1;
  }
  return result;
}

/** Makes every insert into `table` fail, as a full disk or a lost connection would. */
async function failInsertsInto(table: string) {
  await t.database.db.execute(
    sql.raw(`create or replace function test_fail() returns trigger language plpgsql as $$
      begin raise exception 'panne simulée'; end $$`),
  );
  await t.database.db.execute(
    sql.raw(`create trigger test_fail before insert on "${table}" for each row execute function test_fail()`),
  );
  return table;
}
let failing: string | undefined;
afterEach(async () => {
  if (failing) await t.database.db.execute(sql.raw(`drop trigger test_fail on "${failing}"`));
  failing = undefined;
});

describe("refused writes leave nothing behind", () => {
  it("a CLSM with an unknown commune among known ones", async () => {
    const before = await counts();
    const res = await t.request(admin, {
      method: "POST",
      url: "/api/clsms",
      payload: { name: "CLSM incomplet", territory: { communeCodes: [RENNES, BREST, "99999"] } },
    });
    expect(res.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("a CLSM with a known EPCI and an unknown one", async () => {
    const before = await counts();
    const res = await t.request(admin, {
      method: "POST",
      url: "/api/clsms",
      payload: { name: "CLSM incomplet", territory: { epciCodes: [SAINT_BRIEUC_AGGLO, "999999999"] } },
    });
    expect(res.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("a member invited twice: the second attempt creates no person, token nor mail", async () => {
    const clsm = await createClsm(t, admin);
    const payload = { email: "nouvelle@exemple.test", name: "Nouvelle" };
    const url = `/api/clsms/${clsm.id}/members`;
    expect((await t.request(admin, { method: "POST", url, payload })).statusCode).toBe(201);
    const before = await counts();
    expect((await t.request(admin, { method: "POST", url, payload })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });
});

describe("a database failure in the middle of a write rolls all of it back", () => {
  it("creating a CLSM: no CLSM without its communes", async () => {
    failing = await failInsertsInto("clsm_commune");
    const before = await counts();
    const res = await t.request(admin, {
      method: "POST",
      url: "/api/clsms",
      payload: { name: "CLSM en panne", territory: { epciCodes: [SAINT_BRIEUC_AGGLO] } },
    });
    expect(res.statusCode).toBe(500);
    expect(expectErrorBody(res.body, "INTERNAL").message).not.toContain("panne simulée");
    expect(await counts()).toEqual(before);
  });

  it("a uniqueness refused by the database is a 409 conflict, not a crash", async () => {
    await t.database.db.execute(
      sql.raw(`create or replace function test_duplicate() returns trigger language plpgsql as $$
        begin raise exception 'doublon simulé' using errcode = 'unique_violation'; end $$`),
    );
    await t.database.db.execute(
      sql.raw(
        `create trigger test_duplicate before insert on "clsm" for each row execute function test_duplicate()`,
      ),
    );
    const res = await t.request(admin, {
      method: "POST",
      url: "/api/clsms",
      payload: { name: "CLSM en double", territory: { communeCodes: [RENNES] } },
    });
    await t.database.db.execute(sql.raw(`drop trigger test_duplicate on "clsm"`));
    expect(res.statusCode).toBe(409);
    expect(expectErrorBody(res.body, "CONFLICT").message).toMatch(/quelqu'un d'autre/);
  });

  it("replacing a territory: the previous communes stay", async () => {
    const clsm = await createClsm(t, admin, { territory: { communeCodes: [RENNES] } });
    failing = await failInsertsInto("clsm_quartier");
    const res = await t.request(admin, {
      method: "PUT",
      url: `/api/clsms/${clsm.id}/territory`,
      payload: {
        communeCodes: [BREST],
        quartiers: [{ name: "Recouvrance", communeCode: BREST, population: 5000 }],
      },
    });
    expect(res.statusCode).toBe(500);
    const read = await t.request(admin, { method: "GET", url: `/api/clsms/${clsm.id}` });
    expect(read.json().territory).toEqual(clsm.territory);
  });

  it("inviting a member: no person, token, mail nor job without the membership", async () => {
    const clsm = await createClsm(t, admin);
    failing = await failInsertsInto("clsm_membership");
    const before = await counts();
    const res = await t.request(admin, {
      method: "POST",
      url: `/api/clsms/${clsm.id}/members`,
      payload: { email: "fantome@exemple.test" },
    });
    expect(res.statusCode).toBe(500);
    expect(await counts()).toEqual(before);
  });
});
