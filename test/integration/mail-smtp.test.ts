import { afterAll, describe, expect, it } from "vitest";
import type { MailItem } from "../../src/contracts/mail";
import { linkIn, type Person, setupApp, type TestApp } from "../support/app";
import { startSmtp } from "../support/smtp";

// Mail delivered to a real SMTP server started by the test; and, without SMTP, kept in the outbox.

const smtp = await startSmtp();
afterAll(() => smtp.close());
const withSmtp = await setupApp({
  SMTP_URL: smtp.url,
  MAIL_FROM: "Maillage <ne-pas-repondre@maillage.test>",
});
const withoutSmtp = await setupApp();

async function mailTo(t: TestApp, admin: Person, to: string): Promise<MailItem | undefined> {
  const res = await t.request(admin, { method: "GET", url: "/api/admin/mail", query: { limit: "100" } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: MailItem[] }).items.find((m) => m.to === to);
}

describe("with an SMTP server", () => {
  it("delivers a password-reset mail with its link, and records it as sent", async () => {
    const t = withSmtp;
    const admin = await t.signedIn({ platformRole: "admin" });
    const person = await t.createUser({ name: "Martine Guillou" });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/password/forgot",
      payload: { email: person.email },
    });
    expect(res.statusCode).toBe(202);
    expect(await mailTo(t, admin, person.email)).toMatchObject({ status: "queued", attempts: 0 });
    expect(smtp.received).toHaveLength(0); // nothing leaves before the job runs

    expect(await t.services.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const received = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text === person.email);
    expect(received?.subject).toBe("Changer votre mot de passe Maillage");
    expect(received?.from?.text).toContain("ne-pas-repondre@maillage.test");
    const link = linkIn(received?.text ?? "");
    expect(`${link.origin}${link.pathname}`).toBe("http://localhost:3000/reinitialiser-mot-de-passe");
    expect(link.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{10,}$/);
    expect(received?.html).toContain(link.searchParams.get("token"));

    const recorded = await mailTo(t, admin, person.email);
    expect(recorded).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(recorded?.sentAt).not.toBeNull();

    const reset = await t.app.inject({
      method: "POST",
      url: "/api/password/reset",
      payload: { token: link.searchParams.get("token"), password: "mot-de-passe-recu-par-smtp" },
    });
    expect(reset.statusCode).toBe(200);
  });

  it("sends each mail once, even when the queue is drained again", async () => {
    const t = withSmtp;
    const person = await t.createUser();
    await t.app.inject({ method: "POST", url: "/api/session/magic-link", payload: { email: person.email } });
    await t.services.jobs.runDue();
    await t.services.jobs.runDue();
    const copies = smtp.received.filter((m) => !Array.isArray(m.to) && m.to?.text === person.email);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.subject).toBe("Votre lien de connexion à Maillage");
  });

  it("keeps accents, guillemets and dashes of an invitation intact (UTF-8 subject and body)", async () => {
    const t = withSmtp;
    const admin = await t.signedIn({ platformRole: "admin", name: "Élodie Caër" });
    const name = "CLSM du Pays de Saint-Brieuc — « Armor & Lié »";
    const clsm = await t.request(admin, {
      method: "POST",
      url: "/api/clsms",
      payload: { name, territory: { communeCodes: ["22278"] } },
    });
    await t.request(admin, {
      method: "POST",
      url: `/api/clsms/${clsm.json().id}/members`,
      payload: { email: "gaelle@exemple.test", name: "Gaëlle Le Dû" },
    });
    await t.services.jobs.runDue();
    const received = smtp.received.find((m) => !Array.isArray(m.to) && m.to?.text === "gaelle@exemple.test");
    expect(received?.subject).toBe(`Invitation à rejoindre le CLSM « ${name} » sur Maillage`);
    expect(received?.text).toContain("Bonjour Gaëlle Le Dû,");
    expect(received?.text).toContain("Élodie Caër vous invite");
    expect(received?.html).toContain("Armor &amp; Lié");
  });
});

describe("without SMTP", () => {
  it("keeps the mail readable by the admin, with status outbox, after the queue is drained", async () => {
    const t = withoutSmtp;
    const admin = await t.signedIn({ platformRole: "admin" });
    const person = await t.createUser();
    await t.app.inject({ method: "POST", url: "/api/password/forgot", payload: { email: person.email } });
    await t.services.jobs.runDue();
    const mail = await mailTo(t, admin, person.email);
    expect(mail).toMatchObject({
      status: "outbox",
      subject: "Changer votre mot de passe Maillage",
      sentAt: null,
    });
    expect(linkIn(mail?.text ?? "").pathname).toBe("/reinitialiser-mot-de-passe");
  });

  it("lets only the admin read the outbox", async () => {
    const t = withoutSmtp;
    const national = await t.signedIn({ platformRole: "national" });
    expect((await t.request(national, { method: "GET", url: "/api/admin/mail" })).statusCode).toBe(403);
  });
});
