import { expect, test } from "@playwright/test";
import { ADMIN, digits, expectAccessible, field, signIn } from "./helpers";

test("an admin creates a CLSM on an EPCI and lands on its home with the population and the map", async ({
  page,
}) => {
  await signIn(page, ADMIN);

  await page.getByRole("link", { name: "Administration" }).click();
  await expect(page).toHaveURL(/\/admin\/clsm$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration des CLSM");
  await expect(page.getByRole("row", { name: /CLSM de Saint-Brieuc Armor Agglomération/ })).toBeVisible();
  await expectAccessible(page, "admin CLSM list");

  await page.getByRole("link", { name: "Créer un CLSM" }).click();
  await expect(page).toHaveTitle("Créer un CLSM – Maillage");
  await expectAccessible(page, "create CLSM page (empty)");

  // Submitting without a territory is refused on the spot, with the message next to the search.
  await field(page, "Nom du CLSM").fill("CLSM du pays de Lorient");
  await page.getByRole("button", { name: "Créer le CLSM" }).click();
  await expect(
    page.getByText("Choisissez au moins une commune ou une intercommunalité (EPCI)."),
  ).toBeVisible();

  const search = page.getByRole("combobox", { name: /Ajouter une commune ou une intercommunalité/ });
  await expect(search).toBeFocused();
  await search.fill("Lorient");
  const option = page.getByRole("option", { name: /CA Lorient Agglomération/ });
  await expect(option).toBeVisible();
  await expectAccessible(page, "create CLSM page with search results", { overlayOpen: true });
  await option.click();

  await expect(page.getByText(/CA Lorient Agglomération ajoutée avec \d+ communes/)).toBeAttached();
  const chosen = page.getByRole("listitem").filter({ hasText: "CA Lorient Agglomération" });
  await expect(chosen).toContainText(/\d+ communes/);
  const total = page.getByTestId("draft-population");
  await expect(total).toContainText("habitants");
  const draftPopulation = digits(await total.locator(".territory-total__value").textContent());
  expect(Number(draftPopulation)).toBeGreaterThan(150_000);

  // The EPCI's communes can be listed before saving.
  await page.getByRole("button", { name: /Voir les \d+ communes de CA Lorient Agglomération/ }).click();
  await expect(page.getByRole("listitem").filter({ hasText: /^Lorient/ })).toBeVisible();
  await expectAccessible(page, "create CLSM page with a chosen EPCI");

  await page.getByRole("button", { name: "Créer le CLSM" }).click();

  await expect(page).toHaveURL(/\/clsm\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CLSM du pays de Lorient");
  await expect(page).toHaveTitle("CLSM du pays de Lorient – Maillage");
  await expect(page.getByRole("status").filter({ hasText: "est créé" })).toBeVisible();
  await expect(page.getByText("Statut : En projet")).toBeVisible();
  await expect(page.getByText("Intercommunal", { exact: true }).first()).toBeVisible();

  const population = page.getByTestId("population");
  await expect(population).toHaveText(/^[\d\s\u202f\u00a0]+ habitants$/);
  expect(digits(await population.textContent())).toBe(draftPopulation);

  const map = page.getByRole("img", { name: /Carte du territoire du CLSM du pays de Lorient/ });
  await expect(map).toBeVisible();
  const shapes = map.locator("path");
  expect(await shapes.count()).toBeGreaterThan(10);
  await expect(shapes.first()).toHaveAttribute("d", /^M[\d.-]+/);
  await expect(page.getByRole("table", { name: /Communes du territoire/ })).toContainText("Lorient");
  await expect(page.getByText("Morbihan (56)")).toBeVisible();
  await expect(page.getByText("Bretagne", { exact: true })).toBeVisible();
  await expectAccessible(page, "new CLSM home");

  // The new CLSM is in the list of all CLSMs.
  await page.getByRole("link", { name: "Tous les CLSM" }).click();
  await page.getByRole("searchbox", { name: "Chercher un CLSM" }).fill("Lorient");
  await expect(page.getByRole("link", { name: "CLSM du pays de Lorient" })).toBeVisible();
  await expect(page.getByText("1 CLSM trouvé")).toBeVisible();
});

test("the admin adds a member by e-mail: the invitation is in the mail outbox", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/clsm");
  await page.getByRole("link", { name: "CLSM Rennes – quartiers nord" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CLSM Rennes – quartiers nord");
  await expect(page.getByRole("table", { name: /Quartiers couverts/ })).toContainText("Maurepas – Patton");

  await page.getByRole("button", { name: "Ajouter un membre" }).click();
  const dialog = page.getByRole("dialog", { name: "Ajouter un membre" });
  await expect(dialog).toBeVisible();
  await expect(field(page, "Adresse e-mail")).toBeFocused();
  await expectAccessible(page, "add member dialog");
  await field(page, "Adresse e-mail").fill("gem.rennes@exemple.fr");
  await field(page, "Nom et prénom").fill("Sami Rennes GEM");
  await dialog.getByText("Co-pilotage (psychiatrie)").click();
  await expect(dialog.getByRole("checkbox", { name: "Co-pilotage (psychiatrie)" })).toBeChecked();
  await dialog.getByRole("button", { name: "Ajouter" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "a reçu une invitation" })).toBeVisible();
  const row = page.getByRole("row", { name: /Sami Rennes GEM/ });
  await expect(row).toContainText("Membre");
  await expect(row).toContainText("Co-pilotage (psychiatrie)");
  await expect(row).toContainText("Invitation en attente");
  await expectAccessible(page, "CLSM home with members");

  // The invitation can be sent again while it is pending.
  await page.getByRole("button", { name: "Actions pour Sami Rennes GEM" }).click();
  await page.getByRole("menuitem", { name: "Renvoyer l'invitation" }).click();
  const resend = page.getByRole("dialog", { name: /Renvoyer l'invitation/ });
  await resend.getByRole("button", { name: "Renvoyer l'invitation" }).click();
  await expect(resend.getByText("Invitation renvoyée à gem.rennes@exemple.fr")).toBeVisible();
  await expectAccessible(page, "resend invitation dialog");
  await resend.getByRole("button", { name: "Fermer", exact: true }).click();
  await expect(resend).toBeHidden();

  // Adding the same address twice: the server's field message shows under the e-mail field.
  await page.getByRole("button", { name: "Ajouter un membre" }).click();
  await field(page, "Adresse e-mail").fill("gem.rennes@exemple.fr");
  await page.getByRole("dialog").getByRole("button", { name: "Ajouter" }).click();
  await expect(
    page.getByRole("dialog").getByText("Cette personne est déjà membre de ce CLSM.").first(),
  ).toBeVisible();
  await expect(field(page, "Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  // Change the new member's role, then remove them.
  await row.getByRole("button", { name: "Actions pour Sami Rennes GEM" }).click();
  await page.getByRole("menuitem", { name: "Modifier le rôle et les fonctions" }).click();
  const roleDialog = page.getByRole("dialog", { name: "Rôle de Sami Rennes GEM" });
  await roleDialog.getByRole("button", { name: /Rôle dans le CLSM/ }).click();
  await page.getByRole("option", { name: "Coordination" }).click();
  await roleDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(roleDialog).toBeHidden();
  await expect(row).toContainText("Coordination");
  await row.getByRole("button", { name: "Actions pour Sami Rennes GEM" }).click();
  await page.getByRole("menuitem", { name: "Retirer du CLSM" }).click();
  await page
    .getByRole("alertdialog", { name: "Retirer Sami Rennes GEM ?" })
    .getByRole("button", { name: "Retirer" })
    .click();
  await expect(row).toHaveCount(0);

  await page.getByRole("link", { name: "Administration" }).click();
  await page.getByRole("link", { name: "Courriels" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Courriels");
  const mail = page.getByRole("listitem").filter({ hasText: "gem.rennes@exemple.fr" }).first();
  await expect(mail).toBeVisible();
  await mail.getByRole("button").click();
  await expect(mail).toContainText("/reinitialiser-mot-de-passe?token=");
  await expectAccessible(page, "mail outbox");
});

test("the admin invites an ARS officer and changes a role", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/personnes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Personnes");
  await expectAccessible(page, "people list");

  await page.getByRole("button", { name: "Inviter une personne" }).click();
  const dialog = page.getByRole("dialog", { name: "Inviter une personne" });
  await field(page, "Nom et prénom").fill("Léa Martin");
  await field(page, "Adresse e-mail").fill("lea.martin@ars.exemple.fr");
  await dialog.getByRole("button", { name: /Rôle sur la plateforme/ }).click();
  await page.getByRole("option", { name: "ARS (agence régionale de santé)" }).click();
  // The région is required for an ARS officer.
  await dialog.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(dialog.getByText("Choisissez la région de l'ARS.")).toBeVisible();
  await dialog.getByRole("button", { name: /Région de l'ARS/ }).click();
  await page.getByRole("option", { name: "Normandie" }).click();
  await expectAccessible(page, "invite dialog");
  await dialog.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("row", { name: /Léa Martin/ });
  await expect(row).toContainText("ARS Normandie");
  await expect(row).toContainText("Invitation en attente");

  await row.getByRole("button", { name: "Changer le rôle de Léa Martin" }).click();
  const edit = page.getByRole("dialog", { name: "Rôle de Léa Martin" });
  await edit.getByRole("button", { name: /Rôle sur la plateforme/ }).click();
  await page.getByRole("option", { name: "Niveau national (centre de ressources)" }).click();
  await edit.getByRole("button", { name: "Enregistrer" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("National");

  await page.getByRole("searchbox", { name: "Chercher une personne" }).fill("lea.martin");
  await expect(page.getByText("1 personne", { exact: true })).toBeVisible();
});
