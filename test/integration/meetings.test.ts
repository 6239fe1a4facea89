import { describe, expect, it } from "vitest";
import type { MeetingListItem } from "../../src/contracts/meetings";
import { setupApp } from "../support/app";
import { collegeId, createPerson, dir } from "../support/directory";
import { createTenant, expectErrorBody } from "../support/factories";
import { addMembers, createInstance } from "../support/governance";
import { addAgendaItem, createMeeting, getMeeting, meetingsUrl } from "../support/meetings";

const t = await setupApp();

/** A day relative to today (the tests must not depend on the date they run). */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function copilWithMembers() {
  const tenant = await createTenant(t);
  const { clsm, coordinator } = tenant;
  const elus = await collegeId(t, coordinator, clsm.id, "elus");
  const usagers = await collegeId(t, coordinator, clsm.id, "usagers");
  const mayor = await createPerson(t, coordinator, clsm.id, {
    firstName: "Anne",
    lastName: "Maire",
    email: "anne.maire@exemple.test",
    collegeId: elus,
  });
  const gem = await createPerson(t, coordinator, clsm.id, {
    firstName: "Noé",
    lastName: "Gem",
    collegeId: usagers,
  });
  const copil = await createInstance(t, coordinator, clsm.id, { kind: "copil", name: "COPIL" });
  await addMembers(t, coordinator, clsm.id, copil.id, { personIds: [mayor.id, gem.id] });
  return { ...tenant, copil, mayor, gem };
}

describe("meetings", () => {
  it("schedules a COPIL meeting in Paris time: its members and the guests are invited", async () => {
    const { clsm, coordinator, member, copil, mayor } = await copilWithMembers();
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL de décembre",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "14:30",
      durationMinutes: 90,
      placeName: "Hôtel de ville, salle du conseil",
      address: "Place du Général de Gaulle, 22000 Saint-Brieuc",
      videoUrl: "https://visio.exemple.test/copil",
      guests: [{ name: "Dr Invitée", email: "invitee@exemple.test" }],
    });
    expect(meeting).toMatchObject({
      startsAt: "2026-12-08T13:30:00.000Z",
      date: "2026-12-08",
      time: "14:30",
      instance: { id: copil.id, name: "COPIL", kind: "copil" },
      inviteeCount: 3,
      status: "scheduled",
      sequence: 0,
    });
    expect(meeting.invitees.map((i) => [i.name, i.fromInstance, i.rsvp])).toEqual([
      ["Anne Maire", true, "pending"],
      ["Noé Gem", true, "pending"],
      ["Dr Invitée", false, "pending"],
    ]);
    expect(meeting.invitees[0]).toMatchObject({ personId: mayor.id, email: "anne.maire@exemple.test" });

    // Members read it (without write rights); they cannot change it.
    const seen = await getMeeting(t, member, clsm.id, meeting.id);
    expect(seen.can).toEqual({ manage: false, readMinutes: false });
    const refused = await t.request(member, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}`),
      payload: { title: "X" },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("lists a period for the calendar, and upcoming or past meetings", async () => {
    const { clsm, coordinator, member, copil } = await copilWithMembers();
    for (const [date, title] of [
      [inDays(-10), "Avant"],
      [inDays(5), "Premier jour"],
      [inDays(25), "Dernier jour"],
      [inDays(26), "Après"],
    ] as const)
      await createMeeting(t, coordinator, clsm.id, { title, instanceId: copil.id, date, time: "23:30" });
    const period = await t.request(member, {
      method: "GET",
      url: meetingsUrl(clsm.id),
      query: { from: inDays(5), to: inDays(25) },
    });
    expect(period.json().items.map((m: MeetingListItem) => m.title)).toEqual([
      "Premier jour",
      "Dernier jour",
    ]);
    const past = await t.request(member, {
      method: "GET",
      url: meetingsUrl(clsm.id),
      query: { when: "past" },
    });
    expect(past.json().items.map((m: MeetingListItem) => m.title)).toEqual(["Avant"]);
    const upcoming = await t.request(member, { method: "GET", url: meetingsUrl(clsm.id) });
    expect(upcoming.json()).toMatchObject({ total: 3 });
    expect(upcoming.json().items[0].title).toBe("Premier jour");
    const tooLong = await t.request(member, {
      method: "GET",
      url: meetingsUrl(clsm.id),
      query: { from: "2026-01-01", to: "2027-12-31" },
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it("creates a monthly series on the same weekday, each meeting with its own invitations", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const first = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "10:00",
      recurrence: { frequency: "monthly_weekday", interval: 2, count: 3 },
    });
    expect(first.seriesId).not.toBeNull();
    const list = await t.request(coordinator, {
      method: "GET",
      url: meetingsUrl(clsm.id),
      query: { from: "2026-12-01", to: "2027-05-31" },
    });
    expect(
      list.json().items.map((m: MeetingListItem) => [m.date, m.time, m.seriesId, m.inviteeCount]),
    ).toEqual([
      ["2026-12-08", "10:00", first.seriesId, 2],
      ["2027-02-09", "10:00", first.seriesId, 2],
      ["2027-04-13", "10:00", first.seriesId, 2],
    ]);
  });

  it("changes a meeting and the following ones of its series at once, each keeping its day; never a cancelled one", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const first = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "10:00",
      placeName: "Mairie",
      recurrence: { frequency: "monthly_weekday", interval: 1, count: 4 },
    });
    expect(first.seriesFollowing).toBe(3);
    const series = async () =>
      (
        await t.request(coordinator, {
          method: "GET",
          url: meetingsUrl(clsm.id),
          query: { from: "2026-12-01", to: "2027-03-31", includeCancelled: "true" },
        })
      )
        .json()
        .items.map((m: MeetingListItem) => [m.date, m.time, m.placeName, m.status]);
    const [, second, third, fourth] = (
      await t.request(coordinator, {
        method: "GET",
        url: meetingsUrl(clsm.id),
        query: { from: "2026-12-01", to: "2027-03-31" },
      })
    ).json().items as MeetingListItem[];
    if (!second || !third || !fourth) throw new Error("a series of four");
    const patch = (id: string, payload: object) =>
      t.request(coordinator, { method: "PATCH", url: meetingsUrl(clsm.id, `/${id}`), payload });

    const cancelled = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${fourth.id}/cancel`),
      payload: { notify: false },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const changed = await patch(second.id, { applyTo: "following", time: "14:00", placeName: "CCAS" });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      time: "14:00",
      placeName: "CCAS",
      sequence: 1,
      seriesFollowing: 1,
    });
    expect(await series()).toEqual([
      ["2026-12-08", "10:00", "Mairie", "scheduled"],
      ["2027-01-12", "14:00", "CCAS", "scheduled"],
      ["2027-02-09", "14:00", "CCAS", "scheduled"],
      ["2027-03-09", "10:00", "Mairie", "cancelled"],
    ]);
    expect((await getMeeting(t, coordinator, clsm.id, third.id)).sequence).toBe(1);

    // Only this one: the next keeps what it had.
    expect((await patch(second.id, { applyTo: "this", placeName: "Salle B" })).statusCode).toBe(200);
    expect((await series())[2]).toEqual(["2027-02-09", "14:00", "CCAS", "scheduled"]);

    // The day is the meeting's own: it cannot be given to the whole series.
    const dated = await patch(second.id, { applyTo: "following", date: "2027-01-19" });
    expect(dated.statusCode).toBe(400);
    expectErrorBody(dated.body);
    expect(dated.json().error.fields).toHaveProperty("date");
  });

  it("raises the calendar sequence when the time or place changes, not for the description", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "10:00",
    });
    const url = meetingsUrl(clsm.id, `/${meeting.id}`);
    const described = await t.request(coordinator, {
      method: "PATCH",
      url,
      payload: { description: "Ordre du jour." },
    });
    expect(described.json()).toMatchObject({ sequence: 0, description: "Ordre du jour." });
    const moved = await t.request(coordinator, {
      method: "PATCH",
      url,
      payload: { time: "14:00", placeName: "CCAS" },
    });
    expect(moved.json()).toMatchObject({
      sequence: 1,
      time: "14:00",
      placeName: "CCAS",
      startsAt: "2026-12-08T13:00:00.000Z",
    });
    const same = await t.request(coordinator, { method: "PATCH", url, payload: { time: "14:00" } });
    expect(same.json().sequence).toBe(1);
    // The search reads the title with the minutes: the renamed meeting is found under its new name.
    const minutes = await t.request(coordinator, {
      method: "PUT",
      url: `${url}/minutes`,
      payload: {
        doc: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: "Ordre du jour adopté." }] }],
        },
      },
    });
    expect(minutes.statusCode, minutes.body).toBe(200);
    await t.request(coordinator, { method: "PATCH", url, payload: { title: "COPIL de printemps" } });
    const found = await t.request(coordinator, {
      method: "GET",
      url: meetingsUrl(clsm.id, "/search"),
      query: { q: "printemps" },
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(JSON.stringify(found.json())).toContain(meeting.id);
  });

  it("cancels (sequence raised, then frozen), and deletes only a meeting never convened", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "10:00",
    });
    const cancelled = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/cancel`),
      payload: { notify: false },
    });
    expect(cancelled.json()).toMatchObject({ status: "cancelled", sequence: 1 });
    const again = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/cancel`),
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    const edit = await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}`),
      payload: { title: "X" },
    });
    expect(edit.statusCode).toBe(409);
    expectErrorBody(edit.body, "CONFLICT");
    const hidden = await t.request(coordinator, { method: "GET", url: meetingsUrl(clsm.id) });
    expect(hidden.json().total).toBe(0);
    const shown = await t.request(coordinator, {
      method: "GET",
      url: meetingsUrl(clsm.id),
      query: { includeCancelled: "true" },
    });
    expect(shown.json().total).toBe(1);
    const removed = await t.request(coordinator, {
      method: "DELETE",
      url: meetingsUrl(clsm.id, `/${meeting.id}`),
    });
    expect(removed.statusCode).toBe(204);
  });

  it("duplicates a meeting: same instance, place, guests and agenda titles, fresh answers", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "10:00",
      placeName: "Mairie",
      guests: [{ name: "Invitée", email: "invitee@exemple.test" }],
    });
    await addAgendaItem(t, coordinator, clsm.id, meeting.id, { title: "Bilan SISM", durationMinutes: 30 });
    await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}/invitees/${meeting.invitees[0]?.id}`),
      payload: { rsvp: "yes" },
    });
    const copy = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/duplicate`),
      payload: { date: "2027-02-09" },
    });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({
      date: "2027-02-09",
      time: "10:00",
      placeName: "Mairie",
      inviteeCount: 3,
      agenda: [{ title: "Bilan SISM", durationMinutes: 30, outcome: "pending" }],
    });
    expect(copy.json().invitees.every((i: { rsvp: string }) => i.rsvp === "pending")).toBe(true);
  });
});

describe("invitees and attendance", () => {
  it("records answers and attendance; the pillars present are shown and a COPIL without usagers is flagged", async () => {
    const { clsm, coordinator, copil, mayor } = await copilWithMembers();
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-11-03",
      time: "10:00",
    });
    const [mayorInvite, gemInvite] = meeting.invitees;
    expect(meeting.pillarsPresent).toBeNull();
    const taken = await t.request(coordinator, {
      method: "PUT",
      url: meetingsUrl(clsm.id, `/${meeting.id}/attendance`),
      payload: {
        entries: [
          { inviteeId: mayorInvite?.id, attendance: "present" },
          { inviteeId: gemInvite?.id, attendance: "excuse" },
        ],
      },
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().pillarsPresent).toEqual([
      { pillar: "elus", label: "Élus", present: true },
      { pillar: "psychiatrie", label: "Psychiatrie publique", present: false },
      { pillar: "usagers", label: "Personnes concernées", present: false },
      { pillar: "aidants", label: "Aidants", present: false },
    ]);
    expect(taken.json().pillarsWarning).toBe(
      "Ni personnes concernées ni aidants parmi les présent·es de ce COPIL : les quatre piliers y ont leur place.",
    );

    // Represented: who stood in is kept; present again clears it.
    const represented = await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}/invitees/${gemInvite?.id}`),
      payload: { attendance: "represente", representedBy: "Léa, adhérente du GEM" },
    });
    expect(represented.json().invitees[1]).toMatchObject({
      attendance: "represente",
      representedBy: "Léa, adhérente du GEM",
    });
    expect(represented.json().pillarsWarning).toBe(
      "Pas d'aidants parmi les présent·es de ce COPIL : les quatre piliers y ont leur place.",
    );

    // An invitee of another meeting in the entries: 400 naming the entry, nothing written.
    const bad = await t.request(coordinator, {
      method: "PUT",
      url: meetingsUrl(clsm.id, `/${meeting.id}/attendance`),
      payload: {
        entries: [
          { inviteeId: mayorInvite?.id, attendance: "absent" },
          { inviteeId: crypto.randomUUID(), attendance: "present" },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("entries.1.inviteeId");
    expect((await getMeeting(t, coordinator, clsm.id, meeting.id)).invitees[0]?.attendance).toBe("present");
    expect(mayor.id).toBe(mayorInvite?.personId);
  });

  it("adds directory people and outside guests, skips those already invited, refuses strangers", async () => {
    const { clsm, coordinator, copil, mayor } = await copilWithMembers();
    const other = await createTenant(t);
    const stranger = await createPerson(t, other.coordinator, other.clsm.id, {
      firstName: "X",
      lastName: "Y",
    });
    const extra = await createPerson(t, coordinator, clsm.id, { firstName: "Paul", lastName: "Psy" });
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "10:00",
    });
    const url = meetingsUrl(clsm.id, `/${meeting.id}/invitees`);
    const added = await t.request(coordinator, {
      method: "POST",
      url,
      payload: { guests: [{ personId: mayor.id }, { personId: extra.id }, { name: "Élue voisine" }] },
    });
    expect(added.json()).toEqual({ added: 2, alreadyInvited: 1 });
    const refused = await t.request(coordinator, {
      method: "POST",
      url,
      payload: { guests: [{ personId: stranger.id }] },
    });
    expect(refused.statusCode).toBe(400);
    const detail = await getMeeting(t, coordinator, clsm.id, meeting.id);
    expect(detail.inviteeCount).toBe(4);
    const removed = await t.request(coordinator, {
      method: "DELETE",
      url: meetingsUrl(clsm.id, `/${meeting.id}/invitees/${detail.invitees[3]?.id}`),
    });
    expect(removed.json().inviteeCount).toBe(3);
  });

  it("invites an outside guest once (same e-mail, or same name without one); a cancelled meeting is frozen", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: inDays(20),
      time: "10:00",
      guests: [{ name: "Dr Invitée", email: "invitee@exemple.test" }],
    });
    const url = meetingsUrl(clsm.id, `/${meeting.id}/invitees`);
    const again = await t.request(coordinator, {
      method: "POST",
      url,
      payload: {
        guests: [
          { name: "Docteure Invitée", email: "INVITEE@exemple.test" },
          { name: "Élu voisin" },
          { name: "élu voisin " },
        ],
      },
    });
    expect(again.json()).toEqual({ added: 1, alreadyInvited: 2 });
    await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/cancel`),
      payload: { notify: false },
    });
    const invitee = meeting.invitees[0]?.id;
    for (const [method, path, payload] of [
      ["PUT", "/attendance", { entries: [{ inviteeId: invitee, attendance: "present" }] }],
      ["PATCH", `/invitees/${invitee}`, { rsvp: "yes" }],
      ["DELETE", `/invitees/${invitee}`, undefined],
      ["POST", "/invitees", { guests: [{ name: "Tard venu" }] }],
    ] as const) {
      const res = await t.request(coordinator, {
        method,
        url: meetingsUrl(clsm.id, `/${meeting.id}${path}`),
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${path}`).toBe(409);
    }
  });

  it("keeps a meeting under way among the upcoming ones until it ends", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const started = new Date(Date.now() - 30 * 60_000);
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(started);
    const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
    await createMeeting(t, coordinator, clsm.id, {
      title: "En cours",
      instanceId: copil.id,
      date: `${p.year}-${p.month}-${p.day}`,
      time: `${p.hour}:${p.minute}`,
      durationMinutes: 120,
    });
    const upcoming = await t.request(coordinator, { method: "GET", url: meetingsUrl(clsm.id) });
    expect(upcoming.json().items.map((m: MeetingListItem) => m.title)).toEqual(["En cours"]);
    const past = await t.request(coordinator, {
      method: "GET",
      url: meetingsUrl(clsm.id),
      query: { when: "past" },
    });
    expect(past.json().total).toBe(0);
  });

  it("hides e-mails from members when the CLSM hides contact details", async () => {
    const { clsm, coordinator, member, copil } = await copilWithMembers();
    await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, "/settings"),
      payload: { contactsVisibleToMembers: false },
    });
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "10:00",
    });
    expect((await getMeeting(t, member, clsm.id, meeting.id)).invitees.map((i) => i.email)).toEqual([
      null,
      null,
    ]);
    expect((await getMeeting(t, coordinator, clsm.id, meeting.id)).invitees[0]?.email).toBe(
      "anne.maire@exemple.test",
    );
  });

  it("keeps the meetings of a confidential instance for the coordination", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const cellule = await createInstance(t, coordinator, clsm.id, {
      kind: "autre",
      name: "Cellule",
      confidential: true,
    });
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "Cellule",
      instanceId: cellule.id,
      date: "2026-12-08",
      time: "10:00",
    });
    expect((await t.request(member, { method: "GET", url: meetingsUrl(clsm.id) })).json().total).toBe(0);
    const res = await t.request(member, { method: "GET", url: meetingsUrl(clsm.id, `/${meeting.id}`) });
    expect(res.statusCode).toBe(404);
    expect((await t.request(coordinator, { method: "GET", url: meetingsUrl(clsm.id) })).json().total).toBe(1);
  });

  it("a directory merge moves invitations, and the person's export lists them", async () => {
    const { clsm, coordinator, copil, mayor } = await copilWithMembers();
    const dup = await createPerson(t, coordinator, clsm.id, {
      firstName: "Anne",
      lastName: "Maire (doublon)",
    });
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "10:00",
      guests: [{ personId: dup.id }],
    });
    await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/people/${mayor.id}/merge`),
      payload: { otherId: dup.id },
    });
    const after = await getMeeting(t, coordinator, clsm.id, meeting.id);
    expect(after.invitees.filter((i) => i.personId === mayor.id)).toHaveLength(1);
    expect(after.inviteeCount).toBe(2);
    const exported = await t.request(coordinator, {
      method: "GET",
      url: dir(clsm.id, `/people/${mayor.id}/export`),
    });
    expect(exported.json().meetings).toEqual([
      { meeting: "COPIL", date: "2026-12-08", rsvp: "pending", attendance: null, representedBy: null },
    ]);
  });
});

describe("agenda", () => {
  it("adds, orders and marks items; an item not treated moves to the instance's next meeting", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const first = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "10:00",
    });
    const next = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL",
      instanceId: copil.id,
      date: "2027-02-09",
      time: "10:00",
    });
    await addAgendaItem(t, coordinator, clsm.id, first.id, { title: "Accueil", durationMinutes: 10 });
    const withTwo = await addAgendaItem(t, coordinator, clsm.id, first.id, {
      title: "Projet de charte",
      durationMinutes: 45,
      presenter: "Coordination",
    });
    const [a, b] = withTwo.agenda;
    const ordered = await t.request(coordinator, {
      method: "PUT",
      url: meetingsUrl(clsm.id, `/${first.id}/agenda/order`),
      payload: { ids: [b?.id, a?.id] },
    });
    expect(ordered.json().agenda.map((i: { title: string }) => i.title)).toEqual([
      "Projet de charte",
      "Accueil",
    ]);
    const partial = await t.request(coordinator, {
      method: "PUT",
      url: meetingsUrl(clsm.id, `/${first.id}/agenda/order`),
      payload: { ids: [b?.id] },
    });
    expect(partial.statusCode).toBe(400);
    await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${first.id}/agenda/${a?.id}`),
      payload: { outcome: "treated" },
    });
    const postponed = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${first.id}/agenda/${b?.id}/postpone`),
      payload: {},
    });
    expect(postponed.statusCode, postponed.body).toBe(200);
    expect(postponed.json().agenda.map((i: { outcome: string }) => i.outcome)).toEqual([
      "postponed",
      "treated",
    ]);
    const later = await getMeeting(t, coordinator, clsm.id, next.id);
    expect(later.agenda).toMatchObject([
      {
        title: "Projet de charte",
        presenter: "Coordination",
        outcome: "pending",
        carriedFrom: { meetingId: first.id, date: "2026-12-08" },
      },
    ]);
    const backwards = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${next.id}/agenda/${later.agenda[0]?.id}/postpone`),
      payload: { toMeetingId: first.id },
    });
    expect(backwards.statusCode).toBe(400);
  });
});

describe("yearly check and bad input", () => {
  it("says whether the plénière met in a year and how often the COPIL did", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const pleniere = await createInstance(t, coordinator, clsm.id, { kind: "pleniere", name: "Plénière" });
    const last = new Date().getFullYear() - 1;
    for (const date of [`${last}-02-10`, `${last}-06-09`, `${last + 2}-01-12`])
      await createMeeting(t, coordinator, clsm.id, {
        title: "COPIL",
        instanceId: copil.id,
        date,
        time: "10:00",
      });
    await createMeeting(t, coordinator, clsm.id, {
      title: "Plénière",
      instanceId: pleniere.id,
      date: `${last}-12-10`,
      time: "18:00",
    });
    const yearly = async (year: number) => {
      const res = await t.request(coordinator, {
        method: "GET",
        url: meetingsUrl(clsm.id, "/yearly"),
        query: { year: String(year) },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const past = await yearly(last);
    expect(past).toMatchObject({ year: last, pleniereHeld: true, copilMeetings: 2 });
    expect(past.notes).toEqual([
      `L'assemblée plénière s'est réunie en ${last}.`,
      `Le COPIL s'est réuni 2 fois en ${last}.`,
    ]);
    expect(past.instances).toContainEqual({
      id: copil.id,
      name: "COPIL",
      kind: "copil",
      held: 2,
      planned: 0,
    });
    const future = await yearly(last + 2);
    expect(future).toMatchObject({ pleniereHeld: false, copilMeetings: 0 });
    expect(future.notes).toEqual([
      `Aucune assemblée plénière n'est tenue ni programmée en ${last + 2} : elle se réunit au moins une fois par an.`,
      `Le COPIL ne s'est pas encore réuni en ${last + 2}.`,
    ]);
    expect(future.instances).toContainEqual({
      id: copil.id,
      name: "COPIL",
      kind: "copil",
      held: 0,
      planned: 1,
    });
  });

  it("answers 400 naming the field, and writes nothing", async () => {
    const { clsm, coordinator, copil } = await copilWithMembers();
    const base = { title: "COPIL", date: "2026-12-08", time: "10:00" };
    const cases: [unknown, string][] = [
      [{ ...base, title: "" }, "title"],
      [{ ...base, date: "2026-02-30" }, "date"],
      [{ ...base, time: "25:00" }, "time"],
      [{ ...base, time: "9h" }, "time"],
      [{ ...base, durationMinutes: 0 }, "durationMinutes"],
      [{ ...base, durationMinutes: 100_000 }, "durationMinutes"],
      [{ ...base, videoUrl: "javascript:alert(1)" }, "videoUrl"],
      [{ ...base, videoUrl: "http://visio.exemple.test" }, "videoUrl"],
      [{ ...base, instanceId: crypto.randomUUID() }, "instanceId"],
      [{ ...base, guests: [{ name: "X", email: "pas-une-adresse" }] }, "guests.0.email"],
      [{ ...base, guests: [{ personId: crypto.randomUUID() }] }, "guests"],
      [{ ...base, recurrence: { frequency: "daily", count: 3 } }, "recurrence.frequency"],
      [{ ...base, recurrence: { frequency: "weekly", count: 100 } }, "recurrence.count"],
      [{ ...base, reminderDaysBefore: -1 }, "reminderDaysBefore"],
      [{ ...base, title: "A\u0000B" }, "title"],
    ];
    for (const [payload, field] of cases) {
      const res = await t.request(coordinator, {
        method: "POST",
        url: meetingsUrl(clsm.id),
        payload: payload as object,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(payload)).toContain(field);
    }
    const meeting = await createMeeting(t, coordinator, clsm.id, { ...base, instanceId: copil.id });
    const all = await t.request(coordinator, {
      method: "GET",
      url: meetingsUrl(clsm.id),
      query: { from: "2026-01-01", to: "2026-12-31" },
    });
    expect(all.json().total).toBe(1);
    for (const [method, url, payload] of [
      ["PATCH", `/${meeting.id}/invitees/${crypto.randomUUID()}`, { rsvp: "yes" }],
      ["PATCH", `/${meeting.id}/agenda/${crypto.randomUUID()}`, { title: "X" }],
      ["GET", `/${crypto.randomUUID()}`, undefined],
    ] as const) {
      const res = await t.request(coordinator, {
        method,
        url: meetingsUrl(clsm.id, url),
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, url).toBe(404);
    }
    const badQuery = await t.request(coordinator, {
      method: "GET",
      url: meetingsUrl(clsm.id),
      query: { from: "hier" },
    });
    expect(badQuery.statusCode).toBe(400);
  });
});
