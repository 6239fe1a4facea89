import { expect, type Locator, type Page, test } from "@playwright/test";
import { ADMIN, COORDINATOR, expectAccessible, field, openClsm, signIn } from "./helpers";

// The whole life of a meeting, as issue 4 asks: a new COPIL, a meeting scheduled, the convocations in the outbox,
// an answer from the mailed link, the attendance, minutes with a decision, and the decision found by search.

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

async function choose(scope: Page | Locator, page: Page, label: string, option: string) {
  await scope.getByRole("button", { name: new RegExp(`${label}$`) }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** A day a few weeks ahead, as YYYY-MM-DD in Paris. */
const ahead = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(
    new Date(Date.now() + days * 86_400_000),
  );

test("create a COPIL, schedule, convene, answer from the link, take attendance, minutes with a decision, search", async ({
  page,
  browser,
}) => {
  const h1 = page.getByRole("heading", { level: 1 });
  const suffix = Date.now().toString(36);
  const copilName = `COPIL parcours ${suffix}`;
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);

  // A COPIL with one member from the directory.
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await nav.getByRole("link", { name: "Instances" }).click();
  await page.getByRole("button", { name: "Créer une instance" }).click();
  const createDialog = page.getByRole("dialog", { name: "Créer une instance" });
  await field(page, "Nom").fill(copilName);
  await createDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(h1).toHaveText(copilName);
  await page.getByRole("button", { name: "Ajouter des membres" }).click();
  const addDialog = page.getByRole("dialog", { name: /Ajouter des membres/ });
  await addDialog.getByRole("searchbox").fill("tanguy");
  await addDialog.getByText("Noé Tanguy", { exact: true }).click();
  await addDialog.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(page.getByRole("row", { name: /Noé Tanguy/ })).toBeVisible();

  // A meeting of it, with an outside guest.
  await nav.getByRole("link", { name: "Réunions" }).click();
  await expect(h1).toHaveText("Réunions");
  await page.getByRole("button", { name: "Programmer une réunion" }).click();
  const schedule = page.getByRole("dialog", { name: "Programmer une réunion" });
  await choose(schedule, page, "Instance qui se réunit", copilName);
  await schedule.locator('input[name="date"]').fill(ahead(21));
  await schedule.locator('input[name="time"]').fill("14:00");
  await field(page, "Lieu").fill("Hôtel de ville, salle du conseil");
  const guest = `parcours.${suffix}@exemple.test`;
  await field(page, "Nom de la personne").fill("Dr Parcours");
  await field(page, "Son adresse e-mail").fill(guest);
  await field(page, "Son adresse e-mail").press("Enter");
  await schedule.getByRole("button", { name: "Programmer", exact: true }).click();
  await page.getByRole("link", { name: "Ouvrir la réunion" }).click();
  await expect(h1).toHaveText(copilName);
  const meetingUrl = page.url();

  // Convocations: sent from the page, found in the outbox by the administrator.
  const convocations = page.getByRole("region", { name: "Convocations" });
  await convocations.getByRole("button", { name: "Envoyer les convocations" }).click();
  await expect(convocations.getByText(/convocations? envoyées?/)).toBeVisible();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/admin/courriels");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Courriels");
  let link = "";
  await expect(async () => {
    const outbox = await admin.request.get("/api/admin/mail", { params: { q: guest } });
    link = /https?:\/\/\S+\/reponse\/\S+/.exec((await outbox.json()).items[0]?.text ?? "")?.[0] ?? "";
    expect(link).not.toBe("");
  }).toPass();
  await adminContext.close();

  // The guest answers from the link, without an account.
  const guestContext = await browser.newContext({ locale: "fr-FR" });
  const invitee = await guestContext.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText(copilName);
  await invitee.getByText("Je serai présent·e").click();
  await invitee.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(invitee.getByRole("status").filter({ hasText: "Merci" })).toContainText(
    "votre réponse est enregistrée",
  );
  await guestContext.close();

  // Back on the meeting: the answer is there; attendance is taken.
  await page.goto(meetingUrl);
  await expect(page.getByRole("row", { name: /Dr Parcours/ })).toContainText("Présent·e");
  const sheet = page.getByRole("region", { name: "Émargement" });
  await sheet
    .getByRole("radiogroup", { name: "Dr Parcours" })
    .getByText("Présent·e", { exact: true })
    .click();
  await sheet.getByRole("radiogroup", { name: "Noé Tanguy" }).getByText("Présent·e", { exact: true }).click();
  await page.getByRole("button", { name: "Enregistrer l'émargement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "L'émargement est enregistré" })).toBeVisible();

  // Minutes and a decision.
  const minutes = page.getByRole("region", { name: "Compte rendu, décisions et actions" });
  const editor = minutes.getByRole("textbox", { name: "Texte du compte rendu" });
  await editor.click();
  await page.keyboard.type(`Le COPIL examine la charte du conseil ${suffix}.`);
  await minutes.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
  await expect(minutes.getByText("Tout est enregistré.")).toBeVisible();
  await minutes.getByText("Ajouter une décision").click();
  await minutes
    .getByRole("textbox", { name: "Décision" })
    .fill(`La charte ${suffix} est adoptée à l'unanimité.`);
  await minutes.getByRole("button", { name: "Ajouter la décision" }).click();
  // In the list of decisions (the follow-up form's decision select holds the text too, in a hidden <select>).
  await expect(
    minutes
      .getByRole("list", { name: /^Décisions/ })
      .getByText(`La charte ${suffix} est adoptée à l'unanimité.`),
  ).toBeVisible();
  await expectAccessible(page, "meeting with minutes and a decision");

  // Found by search, without the accent.
  await page.goto(meetingUrl.replace(/\/reunions\/.*$/, "/reunions/recherche"));
  await page.getByRole("searchbox", { name: "Mots à chercher" }).fill(`adoptee ${suffix}`);
  await page.getByRole("button", { name: "Rechercher" }).click();
  const hit = page.getByRole("link", { name: new RegExp(copilName) }).first();
  await expect(hit).toBeVisible();
  await expectAccessible(page, "search results");
  await hit.click();
  await expect(h1).toHaveText(copilName);
});
