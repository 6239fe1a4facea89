import { describe, expect, it } from "vitest";
import type { MeetingSearchResult, MinutesView } from "../../src/contracts/meetings-minutes";
import type { Person, TestApp } from "../support/app";
import { setupApp } from "../support/app";
import { createTenant, expectErrorBody } from "../support/factories";
import { createInstance } from "../support/governance";
import { addAgendaItem, createMeeting, meetingsUrl } from "../support/meetings";

const t = await setupApp();

const paragraph = (text: string, marks?: object[]) => ({
  type: "paragraph",
  content: [{ type: "text", text, ...(marks ? { marks } : {}) }],
});
const doc = (...content: object[]) => ({ type: "doc", content });

async function minutes(app: TestApp, by: Person, clsmId: string, meetingId: string) {
  return app.request(by, { method: "GET", url: meetingsUrl(clsmId, `/${meetingId}/minutes`) });
}

async function save(by: Person, clsmId: string, meetingId: string, body: object) {
  return t.request(by, { method: "PUT", url: meetingsUrl(clsmId, `/${meetingId}/minutes`), payload: body });
}

async function share(by: Person, clsmId: string, meetingId: string, shared = true) {
  const res = await t.request(by, {
    method: shared ? "POST" : "DELETE",
    url: meetingsUrl(clsmId, `/${meetingId}/minutes/share`),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MinutesView;
}

async function search(by: Person, clsmId: string, q: string, extra: Record<string, string> = {}) {
  const res = await t.request(by, {
    method: "GET",
    url: meetingsUrl(clsmId, "/search"),
    query: { q, ...extra },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: MeetingSearchResult[]; total: number };
}

const nameOf = async (p: Person) =>
  ((await t.request(p, { method: "GET", url: "/api/me" })).json() as { name: string }).name;

async function meetingOf(tenant: Awaited<ReturnType<typeof createTenant>>, title = "COPIL de mars") {
  return createMeeting(t, tenant.coordinator, tenant.clsm.id, { title, date: "2026-03-10", time: "14:00" });
}

describe("minutes", () => {
  it("refuses what is not plain rich text, naming the field, and writes nothing", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator } = tenant;
    const meeting = await meetingOf(tenant);
    let deep: object = paragraph("fond");
    for (let i = 0; i < 40; i++)
      deep = { type: "bulletList", content: [{ type: "listItem", content: [deep] }] };
    const cases: [object, string][] = [
      [doc({ type: "image", attrs: { src: "https://exemple.test/x.png" } }), "doc.content.0.type"],
      [doc({ type: "codeBlock", content: [{ type: "text", text: "x" }] }), "doc.content.0.type"],
      [doc(paragraph("x", [{ type: "code" }])), "doc.content.0.content.0.marks.0.type"],
      [doc(paragraph("x", [{ type: "underline" }])), "doc.content.0.content.0.marks.0.type"],
      [
        doc(paragraph("clic", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])),
        "doc.content.0.content.0.marks.0.attrs.href",
      ],
      [
        doc(paragraph("clic", [{ type: "link", attrs: { href: "data:text/html,<script>" } }])),
        "doc.content.0.content.0.marks.0.attrs.href",
      ],
      [doc({ type: "heading", attrs: { level: 1 }, content: [] }), "doc.content.0.attrs.level"],
      [doc(paragraph("x".repeat(205_000))), "doc"],
      [doc(deep), "doc"],
      [doc(paragraph("a\u0000b")), "doc.content.0.content.0.text"],
      [{ type: "html", content: "<p>x</p>" }, "doc.type"],
    ];
    for (const [body, field] of cases) {
      const res = await save(coordinator, clsm.id, meeting.id, { doc: body });
      expect(res.statusCode, field).toBe(400);
      const error = expectErrorBody(res.body, "VALIDATION") as { fields?: Record<string, string> };
      expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toContain(field);
    }
    const tooLong = await save(coordinator, clsm.id, meeting.id, {
      doc: doc(paragraph("x".repeat(205_000))),
    });
    expect(tooLong.json().error.fields.doc).toContain("trop long");
    const read = await minutes(t, coordinator, clsm.id, meeting.id);
    expect(read.json()).toMatchObject({ doc: null, updatedAt: null, sharedAt: null });
  });

  it("keeps headings, lists, links, bold and italic; drops unknown attributes; records who saved", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator } = tenant;
    const meeting = await meetingOf(tenant);
    const sent = doc(
      {
        type: "heading",
        attrs: { level: 2, id: "x" },
        content: [{ type: "text", text: "Relevé de décisions" }],
      },
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              paragraph("Le site", [
                {
                  type: "link",
                  attrs: {
                    href: "https://clsm.exemple.test",
                    target: "_blank",
                    rel: "noopener",
                    class: null,
                  },
                },
              ]),
              {
                type: "orderedList",
                attrs: { start: 1, type: null },
                content: [
                  {
                    type: "listItem",
                    content: [paragraph("écrire", [{ type: "bold" }, { type: "italic" }])],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        type: "paragraph",
        content: [{ type: "text", text: "ligne" }, { type: "hardBreak" }, { type: "text", text: "suite" }],
      },
      { type: "paragraph" },
    );
    const res = await save(coordinator, clsm.id, meeting.id, { doc: sent, expectedUpdatedAt: null });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as MinutesView;
    expect(saved.doc?.content[0]).toEqual({
      type: "heading",
      attrs: { level: 2 },
      content: [{ type: "text", text: "Relevé de décisions" }],
    });
    expect(JSON.stringify(saved.doc)).toContain(
      '"marks":[{"type":"link","attrs":{"href":"https://clsm.exemple.test"}}]',
    );
    expect(JSON.stringify(saved.doc)).not.toContain("noopener");
    expect(saved).toMatchObject({
      updatedByName: await nameOf(coordinator),
      sharedAt: null,
      can: { edit: true, share: true },
      meeting: { id: meeting.id, title: "COPIL de mars", date: "2026-03-10", time: "14:00" },
    });
    expect(saved.updatedAt).not.toBeNull();

    // The meeting now has minutes; a save from an older version is refused instead of overwriting.
    const list = await t.request(coordinator, {
      method: "GET",
      url: meetingsUrl(clsm.id),
      query: { from: "2026-03-01", to: "2026-03-31" },
    });
    expect(list.json().items[0].hasMinutes).toBe(true);
    const stale = await save(coordinator, clsm.id, meeting.id, {
      doc: doc(paragraph("autre")),
      expectedUpdatedAt: null,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain("modifié entre-temps");
    const fresh = await save(coordinator, clsm.id, meeting.id, {
      doc: doc(paragraph("autre")),
      expectedUpdatedAt: saved.updatedAt,
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });

  it("is for the coordination until shared: members get 403, then read it; unsharing hides it again", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator, member } = tenant;
    const meeting = await meetingOf(tenant);
    await save(coordinator, clsm.id, meeting.id, { doc: doc(paragraph("Texte du compte rendu")) });
    const before = await minutes(t, member, clsm.id, meeting.id);
    expect(before.statusCode).toBe(403);
    expect(expectErrorBody(before.body, "FORBIDDEN").message).toContain("pas encore été partagé");
    expect(
      (await t.request(member, { method: "GET", url: meetingsUrl(clsm.id, `/${meeting.id}`) })).json().can,
    ).toEqual({ manage: false, readMinutes: false });

    const refused = await save(member, clsm.id, meeting.id, { doc: doc(paragraph("x")) });
    expect(refused.statusCode).toBe(403);
    const refusedShare = await t.request(member, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/minutes/share`),
    });
    expect(refusedShare.statusCode).toBe(403);

    const shared = await share(coordinator, clsm.id, meeting.id);
    expect(shared.sharedAt).not.toBeNull();
    expect((await share(coordinator, clsm.id, meeting.id)).sharedAt).toBe(shared.sharedAt);
    const read = await minutes(t, member, clsm.id, meeting.id);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      doc: doc(paragraph("Texte du compte rendu")),
      can: { edit: false, share: false },
    });
    expect(
      (await t.request(member, { method: "GET", url: meetingsUrl(clsm.id, `/${meeting.id}`) })).json().can,
    ).toEqual({ manage: false, readMinutes: true });

    expect((await share(coordinator, clsm.id, meeting.id, false)).sharedAt).toBeNull();
    expect((await minutes(t, member, clsm.id, meeting.id)).statusCode).toBe(403);
  });

  it("hides a confidential instance's minutes from members even when shared (404), and other CLSMs' (404)", async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    const { clsm, coordinator, member } = tenant;
    const cellule = await createInstance(t, coordinator, clsm.id, {
      kind: "autre",
      name: "Cellule",
      confidential: true,
    });
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "Cellule",
      instanceId: cellule.id,
      date: "2026-03-10",
      time: "10:00",
    });
    await save(coordinator, clsm.id, meeting.id, { doc: doc(paragraph("Situation individuelle")) });
    await share(coordinator, clsm.id, meeting.id);
    const res = await minutes(t, member, clsm.id, meeting.id);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual((await minutes(t, member, clsm.id, crypto.randomUUID())).json());
    expect((await search(member, clsm.id, "situation individuelle")).total).toBe(0);
    expect((await search(coordinator, clsm.id, "situation individuelle")).total).toBe(1);
    for (const by of [other.coordinator, other.member])
      expect((await minutes(t, by, clsm.id, meeting.id)).statusCode).toBe(404);
  });
});

describe("decisions", () => {
  it("adds, edits and removes decisions, tied to an agenda item of the same meeting", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator, member } = tenant;
    const meeting = await meetingOf(tenant);
    const otherMeeting = await meetingOf(tenant, "Autre");
    const withItem = await addAgendaItem(t, coordinator, clsm.id, meeting.id, { title: "Charte" });
    const foreignItem = await addAgendaItem(t, coordinator, clsm.id, otherMeeting.id, { title: "Ailleurs" });
    const url = meetingsUrl(clsm.id, `/${meeting.id}/decisions`);
    const first = await t.request(coordinator, {
      method: "POST",
      url,
      payload: { text: "La charte du CLSM est adoptée.", agendaItemId: withItem.agenda[0]?.id },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      text: "La charte du CLSM est adoptée.",
      agendaItem: { id: withItem.agenda[0]?.id, title: "Charte" },
      position: 0,
    });
    const second = await t.request(coordinator, {
      method: "POST",
      url,
      payload: { text: "Un groupe logement est créé." },
    });
    expect(second.json()).toMatchObject({ agendaItem: null, position: 1 });

    const foreign = await t.request(coordinator, {
      method: "POST",
      url,
      payload: { text: "X", agendaItemId: foreignItem.agenda[0]?.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toHaveProperty("agendaItemId");
    for (const payload of [{ text: "" }, { text: "a\u0000" }, { text: "x".repeat(5001) }]) {
      const bad = await t.request(coordinator, { method: "POST", url, payload });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toHaveProperty("text");
    }
    expect((await t.request(member, { method: "POST", url, payload: { text: "Membre" } })).statusCode).toBe(
      403,
    );

    const edited = await t.request(coordinator, {
      method: "PATCH",
      url: `${url}/${first.json().id}`,
      payload: { text: "La charte est adoptée à l'unanimité.", agendaItemId: null },
    });
    expect(edited.json()).toMatchObject({ text: "La charte est adoptée à l'unanimité.", agendaItem: null });
    const removed = await t.request(coordinator, { method: "DELETE", url: `${url}/${second.json().id}` });
    expect(removed.statusCode).toBe(204);
    const again = await t.request(coordinator, { method: "DELETE", url: `${url}/${second.json().id}` });
    expect(again.statusCode).toBe(404);
    const elsewhere = await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${otherMeeting.id}/decisions/${first.json().id}`),
      payload: { text: "X" },
    });
    expect(elsewhere.statusCode).toBe(404);

    const view = (await minutes(t, coordinator, clsm.id, meeting.id)).json() as MinutesView;
    expect(view.decisions.map((d) => d.text)).toEqual(["La charte est adoptée à l'unanimité."]);
    expect(view.agenda).toEqual([{ id: withItem.agenda[0]?.id, title: "Charte" }]);
  });
});

describe("search", () => {
  it("finds accent-free words in minutes and decisions, with excerpts in the original text, ranked and paged", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator, member } = tenant;
    const meeting = await meetingOf(tenant, "Plénière annuelle");
    await save(coordinator, clsm.id, meeting.id, {
      doc: doc(
        {
          type: "heading",
          attrs: { level: 2 },
          content: [{ type: "text", text: "Santé mentale des élèves" }],
        },
        paragraph(
          "La réunion a examiné l'accès aux soins psychiatriques des adolescents. Les élus souhaitent une " +
            "coopération renforcée avec l'Éducation nationale et le Centre médico-psychologique.",
        ),
      ),
    });
    await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/decisions`),
      payload: { text: "Création d'un groupe de travail « santé mentale et logement »." },
    });

    // Drafts: the coordination finds them, members do not.
    expect((await search(member, clsm.id, "eleves")).total).toBe(0);
    const draft = await search(coordinator, clsm.id, "eleves");
    expect(draft.items).toHaveLength(1);
    await share(coordinator, clsm.id, meeting.id);

    const found = await search(member, clsm.id, "education nationale");
    expect(found.total).toBe(1);
    const [hit] = found.items;
    expect(hit).toMatchObject({
      kind: "minutes",
      decisionId: null,
      meeting: { id: meeting.id, title: "Plénière annuelle", date: "2026-03-10" },
    });
    const marked = hit?.snippet.filter((p) => p.match).map((p) => p.text);
    expect(marked).toEqual(expect.arrayContaining(["Éducation", "nationale"]));
    expect(hit?.snippet.map((p) => p.text).join("")).toContain("coopération renforcée");

    // Stemmed and accent-free: "creations" finds "Création" in the decision.
    const decision = await search(member, clsm.id, "creations logement");
    expect(decision.items.map((i) => i.kind)).toEqual(["decision"]);
    expect(decision.items[0]?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(
      expect.arrayContaining(["Création", "logement"]),
    );

    // Both kinds, best ranked first; a page at a time.
    const both = await search(member, clsm.id, "sante mentale");
    expect(both.total).toBe(2);
    expect(both.items.map((i) => i.kind).sort()).toEqual(["decision", "minutes"]);
    const page = await search(member, clsm.id, "sante mentale", { limit: "1", offset: "1" });
    expect(page).toMatchObject({ total: 2 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.kind).toBe(both.items[1]?.kind);
    const past = await search(member, clsm.id, "sante mentale", { limit: "1", offset: "5" });
    expect(past).toEqual({ items: [], total: 2 });

    // Web-search syntax: a word left out, a phrase; nothing to search for.
    expect((await search(member, clsm.id, "sante -logement")).items.map((i) => i.kind)).toEqual(["minutes"]);
    expect((await search(member, clsm.id, '"mentale des eleves"')).total).toBe(1);
    expect(await search(member, clsm.id, "  ")).toEqual({ items: [], total: 0 });
    expect(await search(member, clsm.id, "le la de")).toEqual({ items: [], total: 0 });
  });

  it("never returns another CLSM's minutes", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const meetingB = await meetingOf(b);
    await save(b.coordinator, b.clsm.id, meetingB.id, {
      doc: doc(paragraph("Projet territorial confidentiel")),
    });
    await share(b.coordinator, b.clsm.id, meetingB.id);
    expect((await search(b.member, b.clsm.id, "projet territorial")).total).toBe(1);
    expect((await search(a.coordinator, a.clsm.id, "projet territorial")).total).toBe(0);
    const res = await t.request(a.coordinator, {
      method: "GET",
      url: meetingsUrl(b.clsm.id, "/search"),
      query: { q: "projet" },
    });
    expect(res.statusCode).toBe(404);
    const bad = await t.request(a.coordinator, {
      method: "GET",
      url: meetingsUrl(a.clsm.id, "/search"),
      query: { q: "x", limit: "500" },
    });
    expect(bad.statusCode).toBe(400);
  });
});
