import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  IMPORT_PROGRESS_TYPE,
  type ImportCommitEvent,
  importCommitEvent,
} from "../../src/contracts/directory-import";
import { directoryPerson, directoryStructure } from "../../src/server/directory/tables";
import { messages } from "../../src/server/platform/messages";
import { setupApp } from "../support/app";
import { importsUrl, uploaded } from "../support/directory-import";
import { createTenant, expectErrorBody, type Tenant } from "../support/factories";

const t = await setupApp();

const ROWS = 1_200; // three batches of the commit: 500, 1,000, 1,200
const email = (i: number) => `personne-${i}@exemple.test`;
const csv = () =>
  `Nom;Prénom;Courriel;Structure\n${Array.from(
    { length: ROWS },
    (_, i) => `Nom${i};Prénom${i};${email(i)};Structure ${i % 7}`,
  ).join("\n")}\n`;

async function counts(clsmId: string) {
  const [[people], [structures]] = await Promise.all([
    t.database.db.select({ n: count() }).from(directoryPerson).where(eq(directoryPerson.clsmId, clsmId)),
    t.database.db
      .select({ n: count() })
      .from(directoryStructure)
      .where(eq(directoryStructure.clsmId, clsmId)),
  ]);
  return { people: people?.n, structures: structures?.n };
}

const commit = (tn: Tenant, id: string, accept?: string, by = tn.coordinator) =>
  t.request(by, {
    method: "POST",
    url: importsUrl(tn.clsm.id, `/${id}/commit`),
    headers: accept ? { accept } : {},
  });

/** The lines of a streamed answer, each checked against the contract. */
const events = (body: string): ImportCommitEvent[] =>
  body
    .split("\n")
    .filter(Boolean)
    .map((l) => importCommitEvent.parse(JSON.parse(l)));

describe("directory import: progress streamed during the commit", () => {
  it("streams monotonic progress by batches, then the result", async () => {
    const tn = await createTenant(t);
    const d = await uploaded(t, tn.coordinator, tn.clsm.id, "gros.csv", csv());
    const res = await commit(tn, d.id, IMPORT_PROGRESS_TYPE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/x-ndjson/);
    const lines = events(res.body);
    const progress = lines.flatMap((e) => (e.type === "progress" ? [e] : []));
    expect(progress.map((p) => p.done)).toEqual([500, 1_000, 1_200]);
    expect(progress.every((p) => p.total === ROWS)).toBe(true);
    expect(lines.at(-1)).toMatchObject({
      type: "result",
      import: { id: d.id, status: "committed", createdCount: ROWS, processedRows: ROWS },
    });
    expect(lines.slice(0, -1).every((e) => e.type === "progress")).toBe(true);
    expect(await counts(tn.clsm.id)).toEqual({ people: ROWS, structures: 7 });
  });

  it("streams the error when an e-mail is taken mid-commit, and writes nothing", async () => {
    const tn = await createTenant(t);
    const d = await uploaded(t, tn.coordinator, tn.clsm.id, "gros.csv", csv());
    // The database refuses a row of the last batch as it would an e-mail registered meanwhile (23505).
    await t.database.db.execute(
      `create or replace function take_email() returns trigger language plpgsql as $$ begin
         if new.email = '${email(1_100)}' then
           raise exception 'courriel pris' using errcode = 'unique_violation';
         end if;
         return new; end $$`,
    );
    await t.database.db.execute(
      "create trigger take_email before insert on directory_person for each row execute function take_email()",
    );
    try {
      const res = await commit(tn, d.id, IMPORT_PROGRESS_TYPE);
      expect(res.statusCode).toBe(200); // the stream had started: the error is its last line
      const lines = events(res.body);
      expect(lines.map((e) => (e.type === "progress" ? e.done : e.type))).toEqual([500, 1_000, "error"]);
      expect(lines.at(-1)).toEqual({
        type: "error",
        error: { code: "CONFLICT", message: messages.importConcurrentChange },
      });
    } finally {
      await t.database.db.execute("drop trigger take_email on directory_person");
    }
    expect(await counts(tn.clsm.id)).toEqual({ people: 0, structures: 0 });
    const after = await t.request(tn.coordinator, { method: "GET", url: importsUrl(tn.clsm.id, `/${d.id}`) });
    expect(after.json()).toMatchObject({ status: "draft", createdCount: 0 });
  });

  it("answers plain JSON without the header, and refusals keep their status code with it", async () => {
    const tn = await createTenant(t);
    const other = await createTenant(t);
    const d = await uploaded(t, tn.coordinator, tn.clsm.id, "a.csv", "Nom;Prénom\nRiou;Jean\n");

    const member = await commit(tn, d.id, IMPORT_PROGRESS_TYPE, tn.member);
    expect(member.statusCode).toBe(403);
    expectErrorBody(member.body, "FORBIDDEN");
    const foreign = await commit(tn, d.id, IMPORT_PROGRESS_TYPE, other.coordinator);
    expect(foreign.statusCode).toBe(404);

    const plain = await commit(tn, d.id, "application/json");
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.headers["content-type"]).toMatch(/^application\/json/);
    expect(plain.json()).toMatchObject({ status: "committed", createdCount: 1 });

    const again = await commit(tn, d.id, IMPORT_PROGRESS_TYPE);
    expect(again.statusCode).toBe(409);
    expect(expectErrorBody(again.body, "CONFLICT").message).toBe(messages.importNotDraft);
  });
});
