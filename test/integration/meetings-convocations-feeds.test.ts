import { describe, expect, it } from "vitest";
import { type Person, setupApp } from "../support/app";
import { parseIcs } from "../support/convocations";
import { createPerson } from "../support/directory";
import { createTenant, expectErrorBody } from "../support/factories";
import { createInstance } from "../support/governance";
import { createMeeting, meetingsUrl } from "../support/meetings";

// Private calendar feeds: a CLSM's meetings, and a person's own meetings across their CLSMs.

const t = await setupApp();

async function createFeed(by: Person, url: string) {
  const res = await t.request(by, { method: "POST", url });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { active: boolean; url: string; createdAt: string };
  expect(body.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return body;
}

/** Fetches a feed as a calendar application does: no session. */
const fetchFeed = (url: string) => t.app.inject({ method: "GET", url: new URL(url).pathname });

const uids = (ics: string) =>
  parseIcs(ics)
    .events.map((e) => String(e.getFirstPropertyValue("uid")))
    .sort();

describe("a CLSM's calendar feed", () => {
  it("is created by a member, shown once, and serves the CLSM's meetings (cancelled ones marked, confidential ones out)", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const cellule = await createInstance(t, coordinator, clsm.id, {
      kind: "autre",
      name: "Cellule",
      confidential: true,
    });
    const copil = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      date: "2030-12-10",
      time: "14:30",
      placeName: "Mairie",
    });
    const cancelled = await createMeeting(t, coordinator, clsm.id, {
      title: "Groupe de travail",
      date: "2030-12-12",
      time: "09:00",
    });
    await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${cancelled.id}/cancel`),
      payload: { notify: false },
    });
    await createMeeting(t, coordinator, clsm.id, {
      title: "Cellule",
      instanceId: cellule.id,
      date: "2030-12-11",
      time: "10:00",
    });

    const feedUrl = `/api/clsms/${clsm.id}/calendar-feed`;
    expect((await t.request(member, { method: "GET", url: feedUrl })).json()).toEqual({
      active: false,
      createdAt: null,
      url: null,
    });
    const created = await createFeed(member, feedUrl);
    const status = (await t.request(member, { method: "GET", url: feedUrl })).json();
    expect(status).toEqual({ active: true, createdAt: created.createdAt, url: null });

    const res = await fetchFeed(created.url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const { calendar } = parseIcs(res.body);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(`Réunions — ${clsm.name}`);
    expect(uids(res.body)).toEqual([`${copil.id}@maillage`, `${cancelled.id}@maillage`].sort());
    const events = parseIcs(res.body).events;
    const byUid = (id: string) => events.find((e) => e.getFirstPropertyValue("uid") === `${id}@maillage`);
    expect(byUid(cancelled.id)?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(byUid(copil.id)?.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Paris");
    expect(String(byUid(copil.id)?.getFirstPropertyValue("dtstart"))).toBe("2030-12-10T14:30:00");
    // Even the coordination's own link leaves the confidential instance out.
    const coordinatorFeed = await createFeed(coordinator, feedUrl);
    expect(uids((await fetchFeed(coordinatorFeed.url)).body)).toHaveLength(2);
  });

  it("is rotated and revoked by its owner, and follows the owner's rights", async () => {
    const { admin, clsm, coordinator, member } = await createTenant(t);
    await createMeeting(t, coordinator, clsm.id, { title: "COPIL", date: "2030-12-10", time: "14:30" });
    const feedUrl = `/api/clsms/${clsm.id}/calendar-feed`;
    const first = await createFeed(member, feedUrl);
    const second = await createFeed(member, feedUrl);
    expect((await fetchFeed(first.url)).statusCode).toBe(404);
    expect((await fetchFeed(second.url)).statusCode).toBe(200);

    const revoked = await t.request(member, { method: "DELETE", url: feedUrl });
    expect(revoked.statusCode).toBe(204);
    const gone = await fetchFeed(second.url);
    expect(gone.statusCode).toBe(404);
    expect(expectErrorBody(gone.body, "NOT_FOUND").message).toBe(
      "Ce lien d'agenda n'existe pas ou a été désactivé.",
    );

    // A member who leaves the CLSM: their link stops.
    const third = await createFeed(member, feedUrl);
    const removed = await t.request(admin, {
      method: "DELETE",
      url: `/api/clsms/${clsm.id}/members/${member.id}`,
    });
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    expect((await fetchFeed(third.url)).statusCode).toBe(404);
  });

  it("answers 404 to unknown and malformed links", async () => {
    for (const token of ["A".repeat(43), "court", "../../etc/passwd"]) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/calendar/${encodeURIComponent(token)}.ics`,
      });
      expect(res.statusCode, token).toBe(404);
    }
  });
});

describe("a person's own calendar feed", () => {
  it("lists the meetings they are invited to in their CLSMs, matched by e-mail", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const me = a.member;
    // In the directory of A with the same address (any case), and as an outside guest of another meeting.
    const person = await createPerson(t, a.coordinator, a.clsm.id, {
      firstName: "Moi",
      lastName: "Même",
      email: me.email.toUpperCase(),
    });
    const asPerson = await createMeeting(t, a.coordinator, a.clsm.id, {
      title: "COPIL",
      date: "2030-12-10",
      time: "14:30",
      guests: [{ personId: person.id }],
    });
    const asGuest = await createMeeting(t, a.coordinator, a.clsm.id, {
      title: "Plénière",
      date: "2031-03-11",
      time: "18:00",
      guests: [{ name: "Moi", email: me.email }],
    });
    await createMeeting(t, a.coordinator, a.clsm.id, {
      title: "Sans moi",
      date: "2030-12-11",
      time: "10:00",
    });
    // B is not one of my CLSMs: its invitation stays out.
    await createMeeting(t, b.coordinator, b.clsm.id, {
      title: "Ailleurs",
      date: "2030-12-10",
      time: "10:00",
      guests: [{ name: "Moi", email: me.email }],
    });

    const url = "/api/me/calendar-feed";
    expect((await t.request(me, { method: "GET", url })).json().active).toBe(false);
    const created = await createFeed(me, url);
    const res = await fetchFeed(created.url);
    expect(res.statusCode, res.body).toBe(200);
    expect(parseIcs(res.body).calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(uids(res.body)).toEqual([`${asPerson.id}@maillage`, `${asGuest.id}@maillage`].sort());

    expect((await t.request(me, { method: "DELETE", url })).statusCode).toBe(204);
    expect((await fetchFeed(created.url)).statusCode).toBe(404);
    expect((await t.request(me, { method: "GET", url })).json().active).toBe(false);
  });
});
