import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { convene, copil, inDays, lastMail, mailsTo, parseIcs, uniqueEmail } from "../support/convocations";
import { expectErrorBody } from "../support/factories";
import { addAgendaItem, createMeeting, getMeeting, meetingsUrl } from "../support/meetings";

// Convocations: one mail per invitee with the meeting's event (.ics), updates after a change, cancellations.

const t = await setupApp({ MAIL_FROM: "Maillage <ne-pas-repondre@maillage.test>" });

async function copilMeeting(extra: Record<string, unknown> = {}) {
  const tenant = await copil(t);
  const guestEmail = uniqueEmail("invitee");
  const meeting = await createMeeting(t, tenant.coordinator, tenant.clsm.id, {
    title: "COPIL de décembre",
    instanceId: tenant.copil.id,
    date: "2030-12-10",
    time: "14:30",
    durationMinutes: 90,
    placeName: "Hôtel de ville, salle du conseil",
    address: "Place du Général de Gaulle, 22000 Saint-Brieuc",
    videoUrl: "https://visio.exemple.test/copil",
    guests: [{ name: "Dr Invitée", email: guestEmail }],
    ...extra,
  });
  return { ...tenant, meeting, guestEmail };
}

describe("convocations", () => {
  it("sends one mail per invitee with an address: French text, agenda, message, answer link and the event", async () => {
    const { clsm, coordinator, meeting, mayorEmail, guestEmail } = await copilMeeting();
    await addAgendaItem(t, coordinator, clsm.id, meeting.id, {
      title: "Bilan de la SISM",
      durationMinutes: 30,
      presenter: "Coordination",
    });
    await addAgendaItem(t, coordinator, clsm.id, meeting.id, { title: "Questions diverses" });

    const result = await convene(t, coordinator, clsm.id, meeting.id, {
      scope: "all",
      message: "Merci de venir avec vos chiffres de l'année.",
    });
    expect(result).toEqual({ sent: 2, withoutEmail: 1 });

    const mail = await lastMail(t, mayorEmail);
    expect(mail.subject).toBe("Convocation : COPIL de décembre — mardi 10 décembre 2030");
    for (const line of [
      "Bonjour Anne Maire,",
      `Vous êtes invité·e à la réunion « COPIL de décembre » du ${clsm.name}, le mardi 10 décembre 2030 à 14 h 30.`,
      "Horaire : de 14 h 30 à 16 h 00",
      "Lieu : Hôtel de ville, salle du conseil",
      "Adresse : Place du Général de Gaulle, 22000 Saint-Brieuc",
      "Visioconférence : https://visio.exemple.test/copil",
      "1. Bilan de la SISM (30 min, Coordination)",
      "2. Questions diverses",
      "Merci de venir avec vos chiffres de l'année.",
      "http://localhost:3000/reponse/",
    ])
      expect(mail.text).toContain(line);
    expect(mail.html).toContain("<li>Bilan de la SISM (30 min, Coordination)</li>");
    expect(mail.html).toContain('href="https://visio.exemple.test/copil"');
    expect(mail.ical).toMatchObject({ method: "REQUEST", filename: "invitation.ics" });

    // The event: Paris time with its VTIMEZONE, stable UID, the meeting's SEQUENCE, organizer and attendee.
    const { calendar, event } = parseIcs(mail.ical?.content ?? "");
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Paris");
    const start = event.getFirstProperty("dtstart");
    expect(start?.getParameter("tzid")).toBe("Europe/Paris");
    expect(String(start?.getFirstValue())).toBe("2030-12-10T14:30:00");
    expect(String(event.getFirstPropertyValue("dtend"))).toBe("2030-12-10T16:00:00");
    expect(event.getFirstPropertyValue("uid")).toBe(`${meeting.id}@maillage`);
    expect(event.getFirstPropertyValue("sequence")).toBe(0);
    expect(event.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event.getFirstPropertyValue("location")).toBe(
      "Hôtel de ville, salle du conseil, Place du Général de Gaulle, 22000 Saint-Brieuc",
    );
    expect(event.getFirstPropertyValue("url")).toBe("https://visio.exemple.test/copil");
    expect(event.getFirstPropertyValue("description")).toContain(
      "1. Bilan de la SISM (30 min, Coordination)",
    );
    const organizer = event.getFirstProperty("organizer");
    expect(organizer?.getParameter("cn")).toBe(clsm.name);
    expect(String(organizer?.getFirstValue()).toLowerCase()).toBe("mailto:ne-pas-repondre@maillage.test");
    const attendee = event.getFirstProperty("attendee");
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe(`mailto:${mayorEmail}`);
    expect(attendee?.getParameter("partstat")).toBe("NEEDS-ACTION");

    // Recorded on the invitees; the one without an address stays to be reached another way.
    const detail = await getMeeting(t, coordinator, clsm.id, meeting.id);
    expect(detail.invitees.map((i) => [i.name, i.convokedAt !== null, i.upToDate])).toEqual([
      ["Anne Maire", true, true],
      ["Noé Gem", false, false],
      ["Dr Invitée", true, true],
    ]);
    expect((await mailsTo(t, guestEmail)).map((x) => x.subject)).toEqual([mail.subject]);

    // Without SMTP the mail lands in the outbox, calendar part kept.
    await t.services.jobs.runDue();
    expect(await lastMail(t, mayorEmail)).toMatchObject({ status: "outbox", ical: { method: "REQUEST" } });
  });

  it("sends the update to those convened with an older version, and only to them (pending)", async () => {
    const { clsm, coordinator, meeting, mayorEmail, guestEmail } = await copilMeeting();
    await convene(t, coordinator, clsm.id, meeting.id);
    expect(await convene(t, coordinator, clsm.id, meeting.id)).toEqual({ sent: 0, withoutEmail: 1 });

    // A change of description is no calendar change: nothing to send.
    await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}`),
      payload: { description: "Ordre du jour à venir." },
    });
    expect((await convene(t, coordinator, clsm.id, meeting.id)).sent).toBe(0);

    const moved = await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}`),
      payload: { time: "16:00", placeName: "CCAS" },
    });
    expect(moved.json().sequence).toBe(1);
    expect(moved.json().invitees.map((i: { upToDate: boolean }) => i.upToDate)).toEqual([
      false,
      false,
      false,
    ]);
    expect(await convene(t, coordinator, clsm.id, meeting.id)).toEqual({ sent: 2, withoutEmail: 1 });
    const update = await lastMail(t, mayorEmail);
    expect(update.subject).toBe("Modification : COPIL de décembre — mardi 10 décembre 2030");
    expect(update.text).toContain("a changé : voici ses informations à jour");
    expect(update.text).toContain("Lieu : CCAS");
    const { event } = parseIcs(update.ical?.content ?? "");
    expect(event.getFirstPropertyValue("uid")).toBe(`${meeting.id}@maillage`);
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    expect(String(event.getFirstPropertyValue("dtstart"))).toBe("2030-12-10T16:00:00");

    // A guest added later gets their convocation alone.
    const lateEmail = uniqueEmail("retardataire");
    await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/invitees`),
      payload: { guests: [{ name: "Retardataire", email: lateEmail }] },
    });
    expect(await convene(t, coordinator, clsm.id, meeting.id)).toEqual({ sent: 1, withoutEmail: 1 });
    expect((await lastMail(t, lateEmail)).subject).toMatch(/^Convocation : /);
    expect(await mailsTo(t, guestEmail)).toHaveLength(2);
  });

  it("uses the directory's current address of a person invited", async () => {
    const { clsm, coordinator, meeting, mayor } = await copilMeeting();
    const newEmail = uniqueEmail("anne.nouvelle");
    const changed = await t.request(coordinator, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}/directory/people/${mayor.id}`,
      payload: { email: newEmail },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await convene(t, coordinator, clsm.id, meeting.id);
    expect(await mailsTo(t, newEmail)).toHaveLength(1);
  });

  it("sends the cancellation (METHOD:CANCEL, STATUS:CANCELLED, a higher SEQUENCE) to those convened", async () => {
    const { clsm, coordinator, meeting, mayorEmail, guestEmail } = await copilMeeting();
    await convene(t, coordinator, clsm.id, meeting.id);
    const neverConvened = uniqueEmail("jamais");
    await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/invitees`),
      payload: { guests: [{ name: "Jamais convoquée", email: neverConvened }] },
    });
    const cancelled = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/cancel`),
      payload: { notify: true },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().sequence).toBe(1);

    for (const email of [mayorEmail, guestEmail]) {
      const mails = await mailsTo(t, email);
      expect(mails).toHaveLength(2);
      const cancel = mails[1];
      expect(cancel?.subject).toBe("Annulation : COPIL de décembre — mardi 10 décembre 2030");
      expect(cancel?.text).toContain("est annulée");
      expect(cancel?.text).not.toContain("/reponse/");
      expect(cancel?.ical).toMatchObject({ method: "CANCEL" });
      const { calendar, event } = parseIcs(cancel?.ical?.content ?? "");
      expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
      expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(event.getFirstPropertyValue("uid")).toBe(`${meeting.id}@maillage`);
      const convocation = parseIcs(mails[0]?.ical?.content ?? "").event;
      expect(Number(event.getFirstPropertyValue("sequence"))).toBeGreaterThan(
        Number(convocation.getFirstPropertyValue("sequence")),
      );
    }
    expect(await mailsTo(t, neverConvened)).toHaveLength(0);

    // A cancelled meeting is convened no more.
    const refused = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/convocations`),
      payload: { scope: "all" },
    });
    expect(refused.statusCode).toBe(409);
    expect(expectErrorBody(refused.body, "CONFLICT").message).toBe(
      "Cette réunion est annulée : aucune convocation ne peut être envoyée.",
    );
  });

  it("cancels silently when asked not to notify", async () => {
    const { clsm, coordinator, meeting, mayorEmail } = await copilMeeting();
    await convene(t, coordinator, clsm.id, meeting.id);
    await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/cancel`),
      payload: { notify: false },
    });
    expect(await mailsTo(t, mayorEmail)).toHaveLength(1);
  });

  it("is for the coordination: a member gets 403 and nothing is sent", async () => {
    const { clsm, member, meeting, mayorEmail } = await copilMeeting();
    const res = await t.request(member, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/convocations`),
      payload: { scope: "all" },
    });
    expect(res.statusCode).toBe(403);
    expect(await mailsTo(t, mayorEmail)).toHaveLength(0);
    const bad = await t.request(member, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/convocations`),
      payload: { scope: "tous" },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe("reminders", () => {
  /** A meeting tomorrow late in the evening with a reminder 2 days before: its job is already due. */
  async function tomorrow(extra: Record<string, unknown> = {}) {
    return copilMeeting({ date: inDays(1), time: "23:00", reminderDaysBefore: 2, ...extra });
  }
  const reminders = async (email: string) =>
    (await mailsTo(t, email)).filter((x) => x.subject.startsWith("Rappel : "));

  it("reminds those convened who did not decline, once, with the answer link", async () => {
    const { clsm, coordinator, meeting, mayorEmail, guestEmail } = await tomorrow();
    await convene(t, coordinator, clsm.id, meeting.id);
    const guest = meeting.invitees.find((i) => i.name === "Dr Invitée");
    await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}/invitees/${guest?.id}`),
      payload: { rsvp: "no" },
    });
    await t.services.jobs.runDue();
    await t.services.jobs.runDue();
    const sent = await reminders(mayorEmail);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain("Pour rappel, la réunion « COPIL de décembre »");
    expect(sent[0]?.text).toContain("/reponse/");
    expect(sent[0]?.ical).toBeNull();
    expect(await reminders(guestEmail)).toHaveLength(0);
  });

  it("follows a moved meeting: the old job finds it stale, the new one sends once", async () => {
    const { clsm, coordinator, meeting, mayorEmail } = await tomorrow();
    await convene(t, coordinator, clsm.id, meeting.id);
    await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}`),
      payload: { time: "22:00" },
    });
    await t.services.jobs.runDue();
    const sent = await reminders(mayorEmail);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain("à 22 h 00");
  });

  it("sends nothing for a cancelled meeting, without a reminder, or to those never convened", async () => {
    const cancelled = await tomorrow();
    await convene(t, cancelled.coordinator, cancelled.clsm.id, cancelled.meeting.id);
    await t.request(cancelled.coordinator, {
      method: "POST",
      url: meetingsUrl(cancelled.clsm.id, `/${cancelled.meeting.id}/cancel`),
      payload: { notify: false },
    });
    const none = await tomorrow({ reminderDaysBefore: null });
    await convene(t, none.coordinator, none.clsm.id, none.meeting.id);
    const notConvened = await tomorrow();
    await t.services.jobs.runDue();
    for (const email of [cancelled.mayorEmail, none.mayorEmail, notConvened.mayorEmail])
      expect(await reminders(email)).toHaveLength(0);
  });
});
