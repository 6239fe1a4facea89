import { expect, test } from "@playwright/test";
import { COORDINATOR, expectAccessible, field, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

test("a coordinator runs a dot vote on priorities, chooses one, then downloads the diagnostic page; the avis reads well", async ({
  page,
}) => {
  // Eight pages and dialogs checked by axe, on a machine shared with other runs.
  test.setTimeout(150_000);
  const h1 = page.getByRole("heading", { level: 1 });
  const suffix = Date.now().toString(36);
  const title = `Priorités de l'année ${suffix}`;
  const [logement, isolement, prevention] = ["Logement", "Isolement", "Prévention"].map(
    (t) => `${t} ${suffix}`,
  ) as [string, string, string];
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Diagnostic" })
    .click();
  const tabs = page.getByRole("navigation", { name: "Diagnostic" });
  await tabs.getByRole("link", { name: "Priorités" }).click();
  await expect(h1).toHaveText("Priorités");
  // The demo's closed consultation and its three retained priorities.
  await expect(
    page.getByRole("table", { name: "Consultations sur les priorités" }).getByRole("link", {
      name: "Priorités du plan d'actions",
    }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Priorités retenues" }).getByRole("listitem")).toHaveCount(3);
  await expectAccessible(page, "priorities");

  // A new dot vote, three dots per member.
  await page.getByRole("button", { name: "Nouvelle consultation" }).click();
  const dialog = page.getByRole("dialog", { name: "Nouvelle consultation" });
  await field(page, "Titre").fill(title);
  await dialog.getByRole("textbox", { name: "Gommettes par membre" }).fill("3");
  await expectAccessible(page, "new consultation");
  await dialog.getByRole("button", { name: "Créer la consultation" }).click();
  await expect(h1).toHaveText(title);

  // Three candidates, the last moved up with the keyboard: the focus stays on the moved one.
  for (const candidate of [logement, isolement, prevention]) {
    await field(page, "Proposition").fill(candidate);
    await page.getByRole("button", { name: "Ajouter la proposition" }).click();
    await expect(
      page.getByRole("list", { name: "Propositions" }).getByRole("listitem").filter({ hasText: candidate }),
    ).toBeVisible();
  }
  await page.getByRole("button", { name: `Monter « ${prevention} »` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: `Monter « ${prevention} »` })).toBeFocused();
  const titles = page.getByRole("list", { name: "Propositions" }).locator(".priority-list__title");
  await expect(titles).toHaveText([`1. ${logement}`, `2. ${prevention}`, `3. ${isolement}`]);
  await expectAccessible(page, "candidates");

  // Open, vote (two dots on housing, one on prevention), close.
  await page.getByRole("button", { name: "Ouvrir le vote" }).click();
  await page
    .getByRole("dialog", { name: "Ouvrir le vote" })
    .getByRole("button", { name: "Ouvrir le vote" })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: "Le vote est ouvert sur 3 propositions" }),
  ).toBeVisible();
  const ballot = page.getByRole("region", { name: "Mon vote" });
  await ballot.getByRole("textbox", { name: logement }).fill("2");
  await ballot.getByRole("textbox", { name: prevention }).fill("1");
  await ballot.getByRole("textbox", { name: prevention }).press("Tab");
  await expect(ballot.getByText("Toutes vos gommettes sont placées.")).toBeVisible();
  await expectAccessible(page, "ballot");
  await ballot.getByRole("button", { name: "Enregistrer mon vote" }).click();
  await expect(ballot.getByRole("status").filter({ hasText: "Votre vote est enregistré." })).toBeVisible();
  await expect(page.getByText("1 membre a voté")).toBeVisible();

  await page.getByRole("button", { name: "Clôturer le vote" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Clôturer le vote" }).click();
  const results = page.getByRole("table", { name: "Résultats de la consultation" });
  await expect(results.getByRole("row", { name: new RegExp(logement) })).toContainText("2 gommettes");
  await expect(results.getByRole("row").nth(1)).toContainText(logement);
  await results.getByRole("button", { name: `Retenir « ${logement} »` }).click();
  await expect(page.getByRole("status").filter({ hasText: `« ${logement} » est retenue` })).toBeVisible();
  await expect(results.getByRole("row", { name: new RegExp(logement) })).toContainText("Retenue");
  await expectAccessible(page, "results");

  // The diagnostic page lists it and downloads as a Word document.
  await tabs.getByRole("link", { name: "Synthèse" }).click();
  await expect(h1).toHaveText("Diagnostic partagé");
  await expect(page.getByRole("region", { name: "Priorités retenues" })).toContainText(logement);
  await expect(page.getByRole("region", { name: "Ce que disent les enquêtes" })).toContainText(
    "Santé mentale",
  );
  await expectAccessible(page, "diagnostic page");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Télécharger (DOCX)" }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^diagnostic-clsm-de-saint-brieuc-armor-agglomeration-\d{4}-\d{2}-\d{2}\.docx$/,
  );

  // The demo avis, adopted at the plénière.
  await tabs.getByRole("link", { name: "Avis" }).click();
  await expect(h1).toHaveText("Avis");
  await page.getByRole("link", { name: /Avis du CLSM sur le projet territorial/ }).click();
  await expect(page.getByRole("list", { name: "Étapes de l'avis" })).toContainText("Adoption en séance");
  await expect(page.getByRole("link", { name: /Assemblée plénière annuelle du/ })).toBeVisible();
  await expectAccessible(page, "avis");
});
