import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ConsultationDetail } from "../../src/contracts/diagnostic-priorities";
import { diagnosticNeed, priorityBallot, priorityConsultation } from "../../src/server/diagnostic/tables";
import { type Person, setupApp } from "../support/app";
import { addMember, createTenant, expectErrorBody, type Tenant } from "../support/factories";

const t = await setupApp();

const url = (clsmId: string, path = "") => `/api/clsms/${clsmId}/diagnostic/priorities${path}`;

async function consultation(
  tenant: Tenant,
  body: Record<string, unknown>,
  titles: string[],
): Promise<ConsultationDetail> {
  const created = await t.request(tenant.coordinator, {
    method: "POST",
    url: url(tenant.clsm.id),
    payload: body,
  });
  expect(created.statusCode, created.body).toBe(201);
  let detail = created.json() as ConsultationDetail;
  for (const title of titles) {
    const res = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id, `/${detail.id}/candidates`),
      payload: { title },
    });
    expect(res.statusCode, res.body).toBe(201);
    detail = res.json();
  }
  return detail;
}

async function open(tenant: Tenant, id: string, payload: object = {}) {
  const res = await t.request(tenant.coordinator, {
    method: "POST",
    url: url(tenant.clsm.id, `/${id}/open`),
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ConsultationDetail;
}

const vote = (tenant: Tenant, by: Person, id: string, payload: object) =>
  t.request(by, { method: "PUT", url: url(tenant.clsm.id, `/${id}/ballot`), payload });

const get = async (tenant: Tenant, by: Person, id: string) => {
  const res = await t.request(by, { method: "GET", url: url(tenant.clsm.id, `/${id}`) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ConsultationDetail;
};

/** Another member of the tenant's CLSM, signed in. */
async function newMember(tenant: Tenant): Promise<Person> {
  const person = await t.signedIn();
  await addMember(t, tenant.admin, tenant.clsm.id, person, { role: "member" });
  return person;
}

describe("priority consultations: preparing", () => {
  it("creates a dot vote or a ranking, refuses a dot vote without its dots, and only the coordination writes", async () => {
    const tenant = await createTenant(t);
    const noDots = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id),
      payload: { title: "Priorités", method: "dots" },
    });
    expect(noDots.statusCode).toBe(400);
    expect(expectErrorBody(noDots.body, "VALIDATION")).toBeTruthy();
    expect(noDots.json().error.fields.dotsPerMember).toMatch(/gommettes/);
    const tooMany = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id),
      payload: { title: "Priorités", method: "dots", dotsPerMember: 21 },
    });
    expect(tooMany.json().error.fields.dotsPerMember).toMatch(/au plus 20/);
    const byMember = await t.request(tenant.member, {
      method: "POST",
      url: url(tenant.clsm.id),
      payload: { title: "Priorités", method: "ranking" },
    });
    expect(byMember.statusCode).toBe(403);

    const c = await consultation(tenant, { title: "Classement", method: "ranking", dotsPerMember: 4 }, []);
    expect(c).toMatchObject({ status: "draft", method: "ranking", dotsPerMember: null, candidateCount: 0 });
    expect(c.can).toEqual({ manage: true, edit: true, vote: false, choose: false });
    const list = await t.request(tenant.member, { method: "GET", url: url(tenant.clsm.id) });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id: c.id, title: "Classement" }],
      can: { manage: false },
    });
    const toDots = await t.request(tenant.coordinator, {
      method: "PATCH",
      url: url(tenant.clsm.id, `/${c.id}`),
      payload: { method: "dots" },
    });
    expect(toDots.statusCode).toBe(400);
    expect(toDots.json().error.fields.dotsPerMember).toBeTruthy();
  });

  it("edits and orders candidates, links a need of the CLSM only, and needs two candidates to open", async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    const [need] = await t.database.db
      .insert(diagnosticNeed)
      .values({ clsmId: tenant.clsm.id, title: "Accès au logement" })
      .returning();
    const [foreignNeed] = await t.database.db
      .insert(diagnosticNeed)
      .values({ clsmId: other.clsm.id, title: "Besoin d'un autre CLSM" })
      .returning();
    const c = await consultation(tenant, { title: "Priorités", method: "dots", dotsPerMember: 3 }, [
      "Logement",
    ]);
    const tooEarly = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id, `/${c.id}/open`),
      payload: {},
    });
    expect(tooEarly.statusCode).toBe(409);
    expectErrorBody(tooEarly.body, "CONFLICT");

    const foreign = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id, `/${c.id}/candidates`),
      payload: { title: "Autre", needId: foreignNeed?.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields.needId).toMatch(/besoin/i);
    const linked = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id, `/${c.id}/candidates`),
      payload: { title: "Prévention", description: "Premiers secours en santé mentale", needId: need?.id },
    });
    expect(linked.statusCode).toBe(201);
    const [first, second] = (linked.json() as ConsultationDetail).candidates;
    expect(second).toMatchObject({ title: "Prévention", need: { id: need?.id, title: "Accès au logement" } });

    const badOrder = await t.request(tenant.coordinator, {
      method: "PUT",
      url: url(tenant.clsm.id, `/${c.id}/candidates/order`),
      payload: { ids: [second?.id] },
    });
    expect(badOrder.statusCode).toBe(400);
    const ordered = await t.request(tenant.coordinator, {
      method: "PUT",
      url: url(tenant.clsm.id, `/${c.id}/candidates/order`),
      payload: { ids: [second?.id, first?.id] },
    });
    expect(ordered.json().candidates.map((x: { title: string }) => x.title)).toEqual([
      "Prévention",
      "Logement",
    ]);

    const opened = await open(tenant, c.id);
    expect(opened).toMatchObject({ status: "open", closesAt: null });
    for (const [method, path, payload] of [
      ["POST", `/${c.id}/candidates`, { title: "Trop tard" }],
      ["PATCH", `/${c.id}/candidates/${first?.id}`, { title: "Trop tard" }],
      ["DELETE", `/${c.id}/candidates/${first?.id}`, undefined],
      ["PATCH", `/${c.id}`, { title: "Trop tard" }],
      ["DELETE", `/${c.id}`, undefined],
      ["POST", `/${c.id}/open`, {}],
    ] as const) {
      const res = await t.request(tenant.coordinator, {
        method,
        url: url(tenant.clsm.id, path),
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${path}`).toBe(409);
    }
  });

  it("refuses a closing time in the past, and deletes a consultation in preparation", async () => {
    const tenant = await createTenant(t);
    const c = await consultation(tenant, { title: "P", method: "ranking" }, ["A", "B"]);
    const past = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id, `/${c.id}/open`),
      payload: { closesAt: "2020-01-01T10:00:00Z" },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields.closesAt).toBeTruthy();
    const removed = await t.request(tenant.coordinator, {
      method: "DELETE",
      url: url(tenant.clsm.id, `/${c.id}`),
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await t.request(tenant.member, { method: "GET", url: url(tenant.clsm.id, `/${c.id}`) })).statusCode,
    ).toBe(404);
  });
});

describe("priority consultations: voting", () => {
  it("checks dot ballots: the sum, whole non-negative dots, known candidates, at least one dot", async () => {
    const tenant = await createTenant(t);
    const c = await consultation(tenant, { title: "Gommettes", method: "dots", dotsPerMember: 5 }, [
      "A",
      "B",
      "C",
    ]);
    const draftVote = await vote(tenant, tenant.member, c.id, { dots: { [c.candidates[0]?.id ?? ""]: 1 } });
    expect(draftVote.statusCode).toBe(409);
    await open(tenant, c.id);
    const [a, b] = c.candidates.map((x) => x.id);
    const cases: [object, string][] = [
      [{ dots: { [a ?? ""]: 4, [b ?? ""]: 2 } }, "dots"],
      [{ dots: { [a ?? ""]: -1 } }, `dots.${a}`],
      [{ dots: { [a ?? ""]: 1.5 } }, `dots.${a}`],
      [{ dots: { [crypto.randomUUID()]: 1 } }, "dots"],
      [{ dots: { [a ?? ""]: 0 } }, "dots"],
      [{ ranking: [a, b] }, "dots"],
      [{ dots: { "pas-un-id": 1 } }, "dots"],
    ];
    for (const [payload, field] of cases) {
      const res = await vote(tenant, tenant.member, c.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expectErrorBody(res.body);
      expect(Object.keys(res.json().error.fields ?? {}).join(), JSON.stringify(payload)).toContain(
        field.split(".")[0],
      );
    }
    const ok = await vote(tenant, tenant.member, c.id, { dots: { [a ?? ""]: 3, [b ?? ""]: 2 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().ballot.dots).toEqual({ [a ?? ""]: 3, [b ?? ""]: 2 });
  });

  it("checks rankings: every candidate exactly once", async () => {
    const tenant = await createTenant(t);
    const c = await consultation(tenant, { title: "Classement", method: "ranking" }, ["A", "B", "C"]);
    await open(tenant, c.id);
    const [a, b, x] = c.candidates.map((k) => k.id);
    for (const ranking of [
      [a, b],
      [a, b, b],
      [a, b, x, crypto.randomUUID()],
      [a, b, crypto.randomUUID()],
    ]) {
      const res = await vote(tenant, tenant.member, c.id, { ranking });
      expect(res.statusCode, JSON.stringify(ranking)).toBe(400);
      expect(res.json().error.fields.ranking).toBeTruthy();
    }
    const dots = await vote(tenant, tenant.member, c.id, { dots: { [a ?? ""]: 1 } });
    expect(dots.json().error.fields.ranking).toBeTruthy();
    expect((await vote(tenant, tenant.member, c.id, { ranking: [x, a, b] })).statusCode).toBe(200);
  });

  it("lets members vote once (a new ballot replaces the old), not the ARS; hides results and ballots until closing", async () => {
    const tenant = await createTenant(t);
    const ars = await t.signedIn({ platformRole: "ars", arsRegionCode: "53" });
    const second = await newMember(tenant);
    const c = await consultation(tenant, { title: "Gommettes", method: "dots", dotsPerMember: 3 }, [
      "Logement",
      "Prévention",
      "Culture",
    ]);
    await open(tenant, c.id);
    const [logement, prevention, culture] = c.candidates.map((x) => x.id) as [string, string, string];

    expect((await get(tenant, ars, c.id)).can.vote).toBe(false);
    const byArs = await vote(tenant, ars, c.id, { dots: { [logement]: 1 } });
    expect(byArs.statusCode).toBe(403);
    expect(expectErrorBody(byArs.body, "FORBIDDEN").message).toMatch(/membres/);
    expect(
      (await t.request(ars, { method: "GET", url: url(tenant.clsm.id, `/${c.id}/ballot`) })).statusCode,
    ).toBe(403);

    expect((await vote(tenant, tenant.member, c.id, { dots: { [prevention]: 3 } })).statusCode).toBe(200);
    // Replaced: the member changes their mind.
    expect(
      (await vote(tenant, tenant.member, c.id, { dots: { [logement]: 2, [culture]: 1 } })).statusCode,
    ).toBe(200);
    expect((await vote(tenant, second, c.id, { dots: { [logement]: 1, [prevention]: 2 } })).statusCode).toBe(
      200,
    );
    expect((await vote(tenant, tenant.coordinator, c.id, { dots: { [logement]: 3 } })).statusCode).toBe(200);

    for (const reader of [tenant.member, tenant.coordinator, ars]) {
      const d = await get(tenant, reader, c.id);
      expect(d.ballotCount).toBe(3);
      expect(d.results).toBeNull();
    }
    const mine = await t.request(tenant.member, {
      method: "GET",
      url: url(tenant.clsm.id, `/${c.id}/ballot`),
    });
    expect(mine.json().ballot.dots).toEqual({ [logement]: 2, [culture]: 1 });
    expect((await get(tenant, tenant.member, c.id)).hasVoted).toBe(true);
    expect((await get(tenant, ars, c.id)).hasVoted).toBe(false);

    const closed = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id, `/${c.id}/close`),
    });
    expect(closed.statusCode, closed.body).toBe(200);
    for (const reader of [tenant.member, ars]) {
      const d = await get(tenant, reader, c.id);
      expect(d.status).toBe("closed");
      expect(d.results).toEqual({
        ballotCount: 3,
        items: [
          {
            candidateId: logement,
            title: "Logement",
            place: 1,
            dots: 6,
            points: null,
            averageRank: null,
            chosen: false,
          },
          {
            candidateId: prevention,
            title: "Prévention",
            place: 2,
            dots: 2,
            points: null,
            averageRank: null,
            chosen: false,
          },
          {
            candidateId: culture,
            title: "Culture",
            place: 3,
            dots: 1,
            points: null,
            averageRank: null,
            chosen: false,
          },
        ],
      });
    }
    // Nobody, the coordination included, reads who voted what: no voter id anywhere in what the API answers.
    const everything = JSON.stringify([
      await get(tenant, tenant.coordinator, c.id),
      (await t.request(tenant.coordinator, { method: "GET", url: url(tenant.clsm.id) })).json(),
    ]);
    for (const voter of [tenant.member, second, tenant.coordinator])
      expect(everything).not.toContain(voter.id);
    const after = await vote(tenant, tenant.member, c.id, { dots: { [culture]: 3 } });
    expect(after.statusCode).toBe(409);
  });

  it("keeps one ballot when the same member submits twice at the same time", async () => {
    const tenant = await createTenant(t);
    const c = await consultation(tenant, { title: "Gommettes", method: "dots", dotsPerMember: 2 }, [
      "A",
      "B",
    ]);
    await open(tenant, c.id);
    const [a, b] = c.candidates.map((x) => x.id) as [string, string];
    const results = await Promise.all([
      vote(tenant, tenant.member, c.id, { dots: { [a]: 2 } }),
      vote(tenant, tenant.member, c.id, { dots: { [b]: 2 } }),
      vote(tenant, tenant.member, c.id, { dots: { [a]: 1, [b]: 1 } }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const rows = await t.database.db
      .select()
      .from(priorityBallot)
      .where(eq(priorityBallot.consultationId, c.id));
    expect(rows).toHaveLength(1);
    expect((await get(tenant, tenant.coordinator, c.id)).ballotCount).toBe(1);
  });

  it("totals a ranking with Borda points and the average rank", async () => {
    const tenant = await createTenant(t);
    const second = await newMember(tenant);
    const c = await consultation(tenant, { title: "Classement", method: "ranking" }, ["A", "B", "C"]);
    await open(tenant, c.id);
    const [a, b, x] = c.candidates.map((k) => k.id) as [string, string, string];
    await vote(tenant, tenant.member, c.id, { ranking: [b, a, x] });
    await vote(tenant, second, c.id, { ranking: [b, x, a] });
    await vote(tenant, tenant.coordinator, c.id, { ranking: [a, b, x] });
    await t.request(tenant.coordinator, { method: "POST", url: url(tenant.clsm.id, `/${c.id}/close`) });
    const { results } = await get(tenant, tenant.member, c.id);
    // B: ranks 1, 1, 2 → 2 + 2 + 1 = 5 points; A: 2, 3, 1 → 3 points; C: 3, 2, 3 → 1 point.
    expect(results?.items.map((i) => [i.title, i.place, i.points, i.averageRank])).toEqual([
      ["B", 1, 5, 1.33],
      ["A", 2, 3, 2],
      ["C", 3, 1, 2.67],
    ]);
  });

  it("closes by itself once its closing time has passed", async () => {
    const tenant = await createTenant(t);
    const c = await consultation(tenant, { title: "Gommettes", method: "dots", dotsPerMember: 1 }, [
      "A",
      "B",
    ]);
    const soon = new Date(Date.now() + 60_000).toISOString();
    expect((await open(tenant, c.id, { closesAt: soon })).status).toBe("open");
    await vote(tenant, tenant.member, c.id, { dots: { [c.candidates[1]?.id ?? ""]: 1 } });
    // Time passes: the closing time is now behind us.
    await t.database.db
      .update(priorityConsultation)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(priorityConsultation.id, c.id));
    const d = await get(tenant, tenant.member, c.id);
    expect(d.status).toBe("closed");
    expect(d.closedAt).toBeTruthy();
    expect(d.results?.items[0]).toMatchObject({ title: "B", dots: 1 });
    expect(
      (await vote(tenant, tenant.member, c.id, { dots: { [c.candidates[0]?.id ?? ""]: 1 } })).statusCode,
    ).toBe(409);
    const close = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id, `/${c.id}/close`),
    });
    expect(close.statusCode).toBe(409);
  });
});

describe("priority consultations: choosing", () => {
  it("lets the coordination choose priorities once closed; they are listed across consultations", async () => {
    const tenant = await createTenant(t);
    const c = await consultation(tenant, { title: "Priorités 2027", method: "dots", dotsPerMember: 2 }, [
      "Logement",
      "Prévention",
    ]);
    const [logement, prevention] = c.candidates.map((x) => x.id) as [string, string];
    const choose = (by: Person, id: string, action = "choose") =>
      t.request(by, { method: "POST", url: url(tenant.clsm.id, `/${c.id}/candidates/${id}/${action}`) });
    expect((await choose(tenant.coordinator, logement)).statusCode).toBe(409);
    await open(tenant, c.id);
    expect((await choose(tenant.coordinator, logement)).statusCode).toBe(409);
    await t.request(tenant.coordinator, { method: "POST", url: url(tenant.clsm.id, `/${c.id}/close`) });
    expect((await choose(tenant.member, logement)).statusCode).toBe(403);
    expect((await choose(tenant.coordinator, crypto.randomUUID())).statusCode).toBe(404);
    const chosen = await choose(tenant.coordinator, logement);
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().candidates.map((x: { chosen: boolean }) => x.chosen)).toEqual([true, false]);
    await choose(tenant.coordinator, prevention);

    const list = await t.request(tenant.member, { method: "GET", url: url(tenant.clsm.id, "/chosen") });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 2,
      items: [
        {
          candidateId: logement,
          title: "Logement",
          consultationId: c.id,
          consultationTitle: "Priorités 2027",
        },
        { candidateId: prevention, title: "Prévention" },
      ],
    });
    await choose(tenant.coordinator, logement, "unchoose");
    const after = await t.request(tenant.member, { method: "GET", url: url(tenant.clsm.id, "/chosen") });
    expect(after.json().items.map((i: { title: string }) => i.title)).toEqual(["Prévention"]);
    const other = await createTenant(t);
    const foreign = await t.request(other.coordinator, { method: "GET", url: url(other.clsm.id, "/chosen") });
    expect(foreign.json()).toEqual({ items: [], total: 0 });
  });
});
