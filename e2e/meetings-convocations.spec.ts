import { expect, test } from "@playwright/test";
import { ADMIN, COORDINATOR, expectAccessible, field, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

test("an invitee answers the convocation from the mailed link, on a phone, without an account", async ({
  page,
  browser,
}) => {
  // The coordination schedules a meeting with an outside guest and sends the convocations (through the API).
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  const clsmId = page.url().split("/clsm/")[1];
  const guest = `invitee.${Date.now().toString(36)}@exemple.test`;
  const created = await page.request.post(`/api/clsms/${clsmId}/meetings`, {
    data: {
      title: "Groupe de travail logement",
      date: "2030-12-10",
      time: "14:30",
      placeName: "CCAS",
      address: "2 rue de la Mairie, 22000 Saint-Brieuc",
      videoUrl: "https://visio.exemple.test/logement",
      guests: [{ name: "Dr Invitée", email: guest }],
    },
  });
  expect(created.status()).toBe(201);
  const meeting = await created.json();

  // The coordination sends the convocations from the meeting's page, with a message.
  await page.goto(`/clsm/${clsmId}/reunions/${meeting.id}`);
  const convocations = page.getByRole("region", { name: "Convocations" });
  await expect(convocations.getByText("Les convocations n'ont pas encore été envoyées.")).toBeVisible();
  await convocations
    .getByRole("textbox", { name: "Message aux invités (facultatif)" })
    .fill("Merci de confirmer votre présence.");
  await convocations.getByRole("button", { name: "Envoyer les convocations" }).click();
  await expect(convocations.getByText("1 convocation envoyée.")).toBeVisible();
  await expect(convocations.getByRole("button", { name: "Renvoyer les convocations à tous" })).toBeVisible();
  await expectAccessible(page, "meeting page with convocations");

  // A subscription link for the CLSM's meetings: shown once, with a copy button.
  const feed = page.getByRole("region", { name: "S'abonner aux réunions du CLSM" });
  await feed.getByRole("button", { name: "Créer mon lien d'abonnement" }).click();
  await expect(feed.getByRole("textbox", { name: "Lien d'abonnement (privé)" })).toHaveValue(
    /\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
  );
  await expectAccessible(page, "calendar feed link shown");
  const feedUrl = await feed.getByRole("textbox", { name: "Lien d'abonnement (privé)" }).inputValue();
  const ics = await page.request.get(new URL(feedUrl).pathname);
  expect(await ics.text()).toContain(`UID:${meeting.id}@maillage`);

  // The link, as the admin reads it in the outbox.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN);
  let link = "";
  await expect(async () => {
    const outbox = await adminPage.request.get("/api/admin/mail", { params: { q: guest } });
    const text: string = (await outbox.json()).items[0]?.text ?? "";
    link = /https?:\/\/\S+\/reponse\/\S+/.exec(text)?.[0] ?? "";
    expect(link).not.toBe("");
  }).toPass();
  await admin.close();

  // The invitee, on a phone, not signed in.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "fr-FR" });
  const invitee = await phone.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Groupe de travail logement");
  await expect(invitee.getByText("mardi 10 décembre 2030")).toBeVisible();
  await expect(invitee.getByText("de 14 h 30 à 16 h 30")).toBeVisible();
  await expect(invitee.getByText("Vous n'avez pas encore répondu.")).toBeVisible();
  await expectAccessible(invitee, "answer page");

  // Sending without a choice says what is missing.
  await invitee.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(invitee.getByText("Choisissez une réponse.")).toBeVisible();

  // Absent, someone comes instead (keyboard only for the choice).
  const choices = invitee.getByRole("radiogroup", { name: "Serez-vous présent·e\u00a0?" });
  await choices.getByRole("radio", { name: "Je serai présent·e" }).focus();
  await invitee.keyboard.press("ArrowDown");
  await expect(choices.getByRole("radio", { name: "Je ne pourrai pas venir" })).toBeChecked();
  await field(invitee, "Quelqu'un viendra-t-il à votre place\u00a0?").fill("Léa Martin, adjointe");
  await invitee.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(invitee.getByText("Merci, votre réponse est enregistrée.")).toBeVisible();
  await expect(
    invitee.getByText(/Vous ne pourrez pas venir ; à votre place viendra : Léa Martin, adjointe\./),
  ).toBeVisible();
  await expectAccessible(invitee, "answer confirmed");

  // The coordination sees it.
  const detail = await page.request.get(`/api/clsms/${clsmId}/meetings/${meeting.id}`);
  expect((await detail.json()).invitees).toContainEqual(
    expect.objectContaining({ name: "Dr Invitée", rsvp: "no", substituteName: "Léa Martin, adjointe" }),
  );

  // A link cut short in the mail.
  await invitee.goto(new URL(link).pathname.slice(0, -5));
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Lien de réponse non valide");
  await expectAccessible(invitee, "invalid answer link");
  await phone.close();
});
