import { describe, expect, it } from "vitest";
import type { RsvpView } from "../../src/contracts/meetings-convocations";
import { parisParts } from "../../src/server/platform/dates";
import { setupApp, type TestApp } from "../support/app";
import { convene, copil, inDays, lastMail, rsvpLinkIn, uniqueEmail } from "../support/convocations";
import { expectErrorBody } from "../support/factories";
import { createMeeting, getMeeting, meetingsUrl } from "../support/meetings";

// Answering without an account, through the link of the convocation.

const t = await setupApp();
/** An app whose public answer routes take two requests a minute per address. */
const limited = await setupApp({ AUTH_RATE_LIMIT_PER_MINUTE: "2" });

/** A convened COPIL meeting; returns the answer tokens of the mayor and of the guest, read from the outbox. */
async function convened(
  when: { date: string; time: string; durationMinutes?: number } = {
    date: "2030-12-10",
    time: "14:30",
  },
) {
  const tenant = await copil(t);
  const guestEmail = uniqueEmail("invitee");
  const meeting = await createMeeting(t, tenant.coordinator, tenant.clsm.id, {
    title: "COPIL de décembre",
    instanceId: tenant.copil.id,
    placeName: "Mairie",
    videoUrl: "https://visio.exemple.test/copil",
    guests: [{ name: "Dr Invitée", email: guestEmail }],
    ...when,
  });
  await convene(t, tenant.coordinator, tenant.clsm.id, meeting.id);
  await t.services.jobs.runDue();
  const tokenOf = async (email: string) => {
    // The link as the admin reads it in the outbox.
    const outbox = await t.request(tenant.admin, {
      method: "GET",
      url: "/api/admin/mail",
      query: { q: email },
    });
    const mail = outbox.json().items[0];
    expect(mail.status).toBe("outbox");
    const link = rsvpLinkIn(mail.text);
    expect(link.origin).toBe("http://localhost:3000");
    return link.pathname.replace("/reponse/", "");
  };
  return {
    ...tenant,
    meeting,
    guestEmail,
    mayorToken: await tokenOf(tenant.mayorEmail),
    guestToken: await tokenOf(guestEmail),
  };
}

const view = (app: TestApp, token: string) => app.app.inject({ method: "GET", url: `/api/rsvp/${token}` });
const answer = (app: TestApp, token: string, payload: object) =>
  app.app.inject({ method: "POST", url: `/api/rsvp/${token}`, payload });

describe("answering a convocation without an account", () => {
  it("opens the meeting from the mailed link, records the answer, and the coordination sees it", async () => {
    const { clsm, coordinator, meeting, mayorToken } = await convened();
    const opened = await view(t, mayorToken);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.headers["cache-control"]).toBe("no-store");
    expect(opened.json()).toEqual({
      meeting: {
        title: "COPIL de décembre",
        clsmName: clsm.name,
        startsAt: "2030-12-10T13:30:00.000Z",
        date: "2030-12-10",
        time: "14:30",
        endTime: "16:30",
        durationMinutes: 120,
        placeName: "Mairie",
        address: null,
        videoUrl: "https://visio.exemple.test/copil",
      },
      invitee: { name: "Anne Maire" },
      rsvp: "pending",
      substituteName: null,
      respondedAt: null,
      canChange: true,
    } satisfies RsvpView);

    // "I send someone in my place": no, with who comes.
    const absent = await answer(t, mayorToken, { rsvp: "no", substituteName: "Léa Martin, adjointe" });
    expect(absent.statusCode, absent.body).toBe(200);
    expect(absent.json()).toMatchObject({ rsvp: "no", substituteName: "Léa Martin, adjointe" });
    const detail = await getMeeting(t, coordinator, clsm.id, meeting.id);
    expect(detail.invitees[0]).toMatchObject({
      name: "Anne Maire",
      rsvp: "no",
      substituteName: "Léa Martin, adjointe",
    });
    expect(detail.invitees[0]?.respondedAt).not.toBeNull();

    // A substitute goes only with "no"; a new answer clears it.
    const both = await answer(t, mayorToken, { rsvp: "yes", substituteName: "Quelqu'un" });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields).toHaveProperty("substituteName");
    const coming = await answer(t, mayorToken, { rsvp: "yes" });
    expect(coming.json()).toMatchObject({ rsvp: "yes", substituteName: null });
    expect((await getMeeting(t, coordinator, clsm.id, meeting.id)).invitees[0]).toMatchObject({
      rsvp: "yes",
      substituteName: null,
    });
  });

  it("the reminder carries the same link as the convocation", async () => {
    const tenant = await copil(t);
    const meeting = await createMeeting(t, tenant.coordinator, tenant.clsm.id, {
      title: "COPIL",
      instanceId: tenant.copil.id,
      date: inDays(1),
      time: "23:00",
      reminderDaysBefore: 2,
    });
    await convene(t, tenant.coordinator, tenant.clsm.id, meeting.id);
    const convocation = rsvpLinkIn((await lastMail(t, tenant.mayorEmail)).text);
    await t.services.jobs.runDue();
    const reminder = await lastMail(t, tenant.mayorEmail);
    expect(reminder.subject).toMatch(/^Rappel : /);
    expect(rsvpLinkIn(reminder.text).href).toBe(convocation.href);
  });

  it("refuses forged tokens, another invitee's signature and malformed links with 404, changing nothing", async () => {
    const { clsm, coordinator, meeting, mayorToken, guestToken } = await convened();
    const [mayorId, mayorMac] = mayorToken.split(".") as [string, string];
    const [guestId, guestMac] = guestToken.split(".") as [string, string];
    const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith("A") ? "B" : "A"}`;
    for (const token of [
      `${mayorId}.${flip(mayorMac)}`,
      `${mayorId}.${guestMac}`, // the guest's signature on the mayor's id
      `${guestId}.${mayorMac}`,
      `${crypto.randomUUID()}.${mayorMac}`,
      mayorId,
      `${mayorId}.`,
      `${mayorId}.${mayorMac}x`,
      "pas-un-jeton",
    ]) {
      const res = await view(t, token);
      expect(res.statusCode, token).toBe(404);
      expect(expectErrorBody(res.body, "NOT_FOUND").message).toMatch(/lien de réponse n'est pas valide/);
      expect((await answer(t, token, { rsvp: "yes" })).statusCode, token).toBe(404);
    }
    expect((await getMeeting(t, coordinator, clsm.id, meeting.id)).invitees.map((i) => i.rsvp)).toEqual([
      "pending",
      "pending",
      "pending",
    ]);
  });

  it("shows the answer without change once the meeting has started, and expires at its end (410)", async () => {
    const startedAt = parisParts(new Date(Date.now() - 30 * 60_000));
    const started = await convened({ date: startedAt.date, time: startedAt.time, durationMinutes: 120 });
    const during = await view(t, started.mayorToken);
    expect(during.statusCode, during.body).toBe(200);
    expect(during.json().canChange).toBe(false);
    const late = await answer(t, started.mayorToken, { rsvp: "yes" });
    expect(late.statusCode).toBe(409);
    expect(expectErrorBody(late.body, "CONFLICT").message).toBe(
      "La réunion a commencé : votre réponse ne peut plus être modifiée.",
    );

    const past = await convened({ date: inDays(-3), time: "10:00" });
    const expired = await view(t, past.mayorToken);
    expect(expired.statusCode).toBe(410);
    expect(expectErrorBody(expired.body, "GONE").message).toBe(
      "Cette réunion a déjà eu lieu : ce lien de réponse n'est plus valable.",
    );
    expect((await answer(t, past.mayorToken, { rsvp: "yes" })).statusCode).toBe(410);
  });

  it("answers 410 for a cancelled meeting", async () => {
    const { clsm, coordinator, meeting, guestToken } = await convened();
    await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/cancel`),
      payload: { notify: false },
    });
    const res = await view(t, guestToken);
    expect(res.statusCode).toBe(410);
    expect(expectErrorBody(res.body, "GONE").message).toBe(
      "Cette réunion a été annulée : il n'y a plus de réponse à donner.",
    );
  });
});

describe("the public answer routes", () => {
  it("are limited per client address (429)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (
          await limited.app.inject({
            method: "GET",
            url: `/api/rsvp/${crypto.randomUUID()}.${"A".repeat(43)}`,
            remoteAddress: "198.51.100.9",
          })
        ).statusCode,
      );
    expect(statuses).toEqual([404, 404, 429]);
  });
});
