import { afterAll, describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { convene, copil, parseIcs } from "../support/convocations";
import { createMeeting } from "../support/meetings";
import { startSmtp } from "../support/smtp";

// A convocation delivered by a real SMTP server: the calendar invitation travels as a text/calendar part.

const smtp = await startSmtp();
afterAll(() => smtp.close());
const t = await setupApp({ SMTP_URL: smtp.url, MAIL_FROM: "Maillage <ne-pas-repondre@maillage.test>" });

describe("a convocation over SMTP", () => {
  it("carries the event as text/calendar with its METHOD, readable by calendar applications", async () => {
    const { clsm, coordinator, copil: instance, mayorEmail } = await copil(t);
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL « annuel » & bilan",
      instanceId: instance.id,
      date: "2030-06-11",
      time: "09:30",
    });
    await convene(t, coordinator, clsm.id, meeting.id);
    await t.services.jobs.runDue();
    const received = smtp.received.find((m) => !Array.isArray(m.to) && m.to?.text === mayorEmail);
    expect(received?.subject).toBe("Convocation : COPIL « annuel » & bilan — mardi 11 juin 2030");
    expect(received?.text).toContain("Horaire : de 09 h 30 à 11 h 30");
    expect(received?.html).toContain("COPIL « annuel » &amp; bilan");
    const calendarPart = received?.attachments.find((a) => a.contentType === "text/calendar");
    expect(calendarPart, JSON.stringify(received?.attachments.map((a) => a.contentType))).toBeDefined();
    const { calendar, event } = parseIcs(calendarPart?.content.toString("utf8") ?? "");
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("summary")).toBe("COPIL « annuel » & bilan");
    expect(event.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Paris");
    expect(String(event.getFirstPropertyValue("dtstart"))).toBe("2030-06-11T09:30:00");

    // The cancellation replaces it in the calendar.
    await t.request(coordinator, {
      method: "POST",
      url: `/api/clsms/${clsm.id}/meetings/${meeting.id}/cancel`,
      payload: { notify: true },
    });
    await t.services.jobs.runDue();
    const cancel = smtp.received.find(
      (m) => !Array.isArray(m.to) && m.to?.text === mayorEmail && m.subject?.startsWith("Annulation"),
    );
    const cancelPart = cancel?.attachments.find((a) => a.contentType === "text/calendar");
    const parsed = parseIcs(cancelPart?.content.toString("utf8") ?? "");
    expect(parsed.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(parsed.event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(parsed.event.getFirstPropertyValue("sequence")).toBe(1);
  });
});
