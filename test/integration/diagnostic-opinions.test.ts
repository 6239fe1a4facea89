import { describe, expect, it } from "vitest";
import type { OpinionDetail } from "../../src/contracts/diagnostic-opinions";
import { type Person, setupApp } from "../support/app";
import { docxText } from "../support/diagnostic";
import { createTenant, expectErrorBody, type Tenant } from "../support/factories";
import { createInstance } from "../support/governance";
import { createMeeting } from "../support/meetings";

const t = await setupApp();

const url = (clsmId: string, path = "") => `/api/clsms/${clsmId}/diagnostic/opinions${path}`;

async function draft(tenant: Tenant, body: Record<string, unknown> = {}): Promise<OpinionDetail> {
  const res = await t.request(tenant.coordinator, {
    method: "POST",
    url: url(tenant.clsm.id),
    payload: {
      subject: "ptsm",
      title: "Avis du CLSM sur le PTSM des Côtes-d'Armor",
      body: "Le CLSM salue la démarche.\n\nIl demande que le logement soit une priorité.\nEt la prévention.",
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const post = (tenant: Tenant, by: Person, id: string, action: string, payload?: object) =>
  t.request(by, {
    method: "POST",
    url: url(tenant.clsm.id, `/${id}/${action}`),
    ...(payload ? { payload } : {}),
  });

async function pastMeeting(tenant: Tenant, body: Record<string, unknown> = {}) {
  return createMeeting(t, tenant.coordinator, tenant.clsm.id, {
    title: "Assemblée plénière",
    date: "2025-06-12",
    time: "18:00",
    ...body,
  });
}

describe("the avis", () => {
  it("is written by the coordination and read by members; refuses oversized text and unknown subjects", async () => {
    const tenant = await createTenant(t);
    const o = await draft(tenant);
    expect(o).toMatchObject({ status: "draft", subject: "ptsm", meeting: null, adoptedOn: null });
    expect(o.can).toEqual({ manage: true, edit: true });
    const read = await t.request(tenant.member, { method: "GET", url: url(tenant.clsm.id, `/${o.id}`) });
    expect(read.json()).toMatchObject({ id: o.id, body: o.body, can: { manage: false, edit: false } });
    const list = await t.request(tenant.member, { method: "GET", url: url(tenant.clsm.id) });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id: o.id, status: "draft" }],
      can: { manage: false },
    });

    for (const [method, path, payload] of [
      ["POST", "", { subject: "ptsm", title: "X" }],
      ["PATCH", `/${o.id}`, { body: "X" }],
      ["DELETE", `/${o.id}`, undefined],
    ] as const) {
      const res = await t.request(tenant.member, {
        method,
        url: url(tenant.clsm.id, path),
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${path}`).toBe(403);
    }
    const tooLong = await t.request(tenant.coordinator, {
      method: "PATCH",
      url: url(tenant.clsm.id, `/${o.id}`),
      payload: { body: "a".repeat(50_001) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields.body).toBeTruthy();
    const subject = await t.request(tenant.coordinator, {
      method: "POST",
      url: url(tenant.clsm.id),
      payload: { subject: "cls", title: "Avis" },
    });
    expect(subject.json().error.fields.subject).toMatch(/objet/);
  });

  it("is adopted at a meeting of the CLSM that took place, then frozen, then sent; a sent avis stays sent", async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    const o = await draft(tenant);
    const held = await pastMeeting(tenant);
    const foreign = await pastMeeting(other);
    const upcoming = await createMeeting(t, tenant.coordinator, tenant.clsm.id, {
      title: "COPIL",
      date: "2030-03-12",
      time: "14:00",
    });
    const cancelled = await pastMeeting(tenant, { title: "COPIL annulé", date: "2025-05-02" });
    await t.request(tenant.coordinator, {
      method: "POST",
      url: `/api/clsms/${tenant.clsm.id}/meetings/${cancelled.id}/cancel`,
      payload: { notify: false },
    });

    expect((await post(tenant, tenant.coordinator, o.id, "send", { sentTo: "ARS" })).statusCode).toBe(409);
    const notVisible = await post(tenant, tenant.coordinator, o.id, "adopt", { meetingId: foreign.id });
    expect(notVisible.statusCode).toBe(404);
    expectErrorBody(notVisible.body, "NOT_FOUND");
    expect(
      (await post(tenant, tenant.coordinator, o.id, "adopt", { meetingId: crypto.randomUUID() })).statusCode,
    ).toBe(404);
    const future = await post(tenant, tenant.coordinator, o.id, "adopt", { meetingId: upcoming.id });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.meetingId).toMatch(/pas encore eu lieu/);
    const off = await post(tenant, tenant.coordinator, o.id, "adopt", { meetingId: cancelled.id });
    expect(off.json().error.fields.meetingId).toMatch(/annulée/);
    const early = await post(tenant, tenant.coordinator, o.id, "adopt", {
      meetingId: held.id,
      adoptedOn: "2025-06-01",
    });
    expect(early.json().error.fields.adoptedOn).toBeTruthy();
    expect((await post(tenant, tenant.member, o.id, "adopt", { meetingId: held.id })).statusCode).toBe(403);

    const adopted = await post(tenant, tenant.coordinator, o.id, "adopt", { meetingId: held.id });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({
      status: "adopted",
      adoptedOn: "2025-06-12",
      meeting: { id: held.id, title: "Assemblée plénière", date: "2025-06-12" },
      can: { edit: false },
    });
    // Frozen: the text, the title and the subject no longer change; it cannot be deleted or adopted again.
    for (const payload of [
      { body: "Autre texte" },
      { title: "Autre titre" },
      { subject: "diagnostic_territorial" },
    ]) {
      const res = await t.request(tenant.coordinator, {
        method: "PATCH",
        url: url(tenant.clsm.id, `/${o.id}`),
        payload,
      });
      expect(res.statusCode).toBe(409);
    }
    expect(
      (await t.request(tenant.coordinator, { method: "DELETE", url: url(tenant.clsm.id, `/${o.id}`) }))
        .statusCode,
    ).toBe(409);
    expect((await post(tenant, tenant.coordinator, o.id, "adopt", { meetingId: held.id })).statusCode).toBe(
      409,
    );
    const body = (
      await t.request(tenant.member, { method: "GET", url: url(tenant.clsm.id, `/${o.id}`) })
    ).json().body;
    expect(body).toBe(o.body);

    const tooEarly = await post(tenant, tenant.coordinator, o.id, "send", {
      sentTo: "ARS",
      sentOn: "2025-06-01",
    });
    expect(tooEarly.json().error.fields.sentOn).toBeTruthy();
    const sent = await post(tenant, tenant.coordinator, o.id, "send", {
      sentTo: "ARS Bretagne et comité de pilotage du PTSM",
      sentOn: "2025-07-01",
    });
    expect(sent.json()).toMatchObject({
      status: "sent",
      sentOn: "2025-07-01",
      sentTo: "ARS Bretagne et comité de pilotage du PTSM",
    });
    expect((await post(tenant, tenant.coordinator, o.id, "reopen")).statusCode).toBe(409);
  });

  it("reopens an adopted avis as a draft (the adoption is forgotten), and refuses to adopt an empty text", async () => {
    const tenant = await createTenant(t);
    const held = await pastMeeting(tenant);
    const empty = await draft(tenant, { body: "" });
    expect(
      (await post(tenant, tenant.coordinator, empty.id, "adopt", { meetingId: held.id })).statusCode,
    ).toBe(409);
    const o = await draft(tenant);
    await post(tenant, tenant.coordinator, o.id, "adopt", { meetingId: held.id });
    const reopened = await post(tenant, tenant.coordinator, o.id, "reopen");
    expect(reopened.json()).toMatchObject({
      status: "draft",
      meeting: null,
      adoptedOn: null,
      can: { edit: true },
    });
    const edited = await t.request(tenant.coordinator, {
      method: "PATCH",
      url: url(tenant.clsm.id, `/${o.id}`),
      payload: { body: "Texte amendé après la plénière." },
    });
    expect(edited.json().body).toBe("Texte amendé après la plénière.");
    expect(
      (await t.request(tenant.coordinator, { method: "DELETE", url: url(tenant.clsm.id, `/${o.id}`) }))
        .statusCode,
    ).toBe(204);
  });

  it("does not show members a meeting of a confidential instance", async () => {
    const tenant = await createTenant(t);
    const cellule = await createInstance(t, tenant.coordinator, tenant.clsm.id, {
      kind: "autre",
      name: "Cellule",
      confidential: true,
    });
    const meeting = await pastMeeting(tenant, { title: "Cellule", instanceId: cellule.id });
    const o = await draft(tenant);
    await post(tenant, tenant.coordinator, o.id, "adopt", { meetingId: meeting.id });
    const byMember = await t.request(tenant.member, { method: "GET", url: url(tenant.clsm.id, `/${o.id}`) });
    expect(byMember.json()).toMatchObject({ status: "adopted", adoptedOn: "2025-06-12", meeting: null });
    const byCoordination = await t.request(tenant.coordinator, {
      method: "GET",
      url: url(tenant.clsm.id, `/${o.id}`),
    });
    expect(byCoordination.json().meeting).toMatchObject({ id: meeting.id });
  });

  it("exports the avis as a Word document with the CLSM, the adoption and the text", async () => {
    const tenant = await createTenant(t, { name: "CLSM de Lamballe & Penthièvre" });
    const o = await draft(tenant);
    const held = await pastMeeting(tenant, { title: "COPIL" });
    await post(tenant, tenant.coordinator, o.id, "adopt", { meetingId: held.id });
    const res = await t.request(tenant.member, {
      method: "GET",
      url: url(tenant.clsm.id, `/${o.id}/export.docx`),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="avis-clsm-de-lamballe-penthievre-2025-06-12.docx"',
    );
    const text = await docxText(res.rawPayload);
    expect(text).toContain("CLSM de Lamballe & Penthièvre");
    expect(text).toContain("Avis du CLSM sur le PTSM des Côtes-d'Armor");
    expect(text).toContain("Projet territorial de santé mentale (PTSM)");
    expect(text).toContain("COPIL du 12 juin 2025");
    expect(text).toContain("Le CLSM salue la démarche.\n");
    expect(text).toContain("Il demande que le logement soit une priorité.Et la prévention.");
    expect(text).toContain("Avis adopté, pas encore transmis.");
    const other = await createTenant(t);
    const foreign = await t.request(other.coordinator, {
      method: "GET",
      url: url(tenant.clsm.id, `/${o.id}/export.docx`),
    });
    expect(foreign.statusCode).toBe(404);
  });
});
