import { expect, type Locator, type Page, test } from "@playwright/test";
import { COORDINATOR, expectAccessible, field, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

/** Chooses an option of a React Aria select, by the select's label. */
async function choose(scope: Page | Locator, page: Page, label: string, option: string) {
  await scope.getByRole("button", { name: new RegExp(`${label}$`) }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Presses Tab (or Shift+Tab) until `target` has the focus: it must be reachable with the keyboard. */
async function tabTo(page: Page, target: Locator, backwards = false) {
  for (let n = 0; n < 12; n++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

test("a coordinator creates a COPIL, adds members, sees the missing pillars, ends a membership, creates and archives a working group", async ({
  page,
}) => {
  const h1 = page.getByRole("heading", { level: 1 });
  const suffix = Date.now().toString(36);
  const copilName = `COPIL e2e ${suffix}`;
  const groupName = `Groupe e2e ${suffix}`;
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);

  // The instances of the CLSM, from the main navigation.
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Instances" })
    .click();
  await expect(h1).toHaveText("Instances");
  await expect(h1).toBeFocused();
  await expect(page.getByRole("heading", { level: 2, name: "Comité de pilotage (COPIL)" })).toBeVisible();
  await expectAccessible(page, "instances list");

  // Create a COPIL.
  await page.getByRole("button", { name: "Créer une instance" }).click();
  const createDialog = page.getByRole("dialog", { name: "Créer une instance" });
  await expect(createDialog).toBeVisible();
  await expect(createDialog).toContainText("Le comité de pilotage fixe les orientations");
  // Only a working group has a theme, a public and a COPIL.
  await expect(field(page, "Thème")).toHaveCount(0);
  await expect(createDialog.getByRole("checkbox", { name: "Instance confidentielle" })).not.toBeChecked();
  await expectAccessible(page, "create instance dialog");
  await field(page, "Nom").fill(copilName);
  await field(page, "Objet").fill("Orientations du CLSM, créé par le test de bout en bout.");
  await createDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(h1).toHaveText(copilName);
  await expect(page.getByRole("status").filter({ hasText: "est créée" })).toBeVisible();
  await expect(page.getByText("Aucun membre pour l'instant.")).toBeVisible();
  const copilUrl = page.url();

  // Add the first member with the keyboard only: search, tick, choose the role, submit.
  const addButton = page.getByRole("button", { name: "Ajouter des membres" });
  await addButton.focus();
  await page.keyboard.press("Enter");
  const addDialog = page.getByRole("dialog", { name: `Ajouter des membres à ${copilName}` });
  await expect(addDialog).toBeVisible();
  const search = addDialog.getByRole("searchbox", { name: "Chercher dans l'annuaire" });
  await expect(search).toBeFocused();
  await page.keyboard.type("morvan");
  const morvan = addDialog.getByRole("checkbox", { name: "Hélène Morvan" });
  await expect(morvan).toBeVisible();
  await tabTo(page, morvan);
  await page.keyboard.press("Space");
  await expect(morvan).toBeChecked();
  await expect(addDialog.getByRole("heading", { name: "1 personne choisie" })).toBeVisible();
  const role = addDialog.getByRole("button", { name: /Rôle$/ });
  await tabTo(page, role);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("option", { name: "Membre", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("option", { name: "Président·e", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(role).toContainText("Président·e");
  await expect(role).toBeFocused();
  await expectAccessible(page, "add members dialog");
  const submit = addDialog.getByRole("button", { name: "Ajouter", exact: true });
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  await expect(addDialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "1 personne ajoutée." })).toBeVisible();
  // Focus goes back to the button that opened the dialog.
  await expect(addButton).toBeFocused();
  const current = page.getByRole("table", { name: "Membres actuels" });
  await expect(current.getByRole("row", { name: /Hélène Morvan/ })).toContainText("Président·e");

  // A current member cannot be ticked again. Escape clears the search, then closes the dialog.
  await page.keyboard.press("Enter");
  await expect(addDialog).toBeVisible();
  await page.keyboard.type("morvan");
  await expect(morvan).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(search).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(addDialog).toBeHidden();
  await expect(addButton).toBeFocused();

  // The second member, with the mouse; then a change of role.
  await addButton.click();
  await search.fill("kerleau");
  await addDialog.getByText("Yann Kerleau", { exact: true }).click();
  await expect(addDialog.getByRole("checkbox", { name: "Yann Kerleau" })).toBeChecked();
  await addDialog.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(addDialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "1 personne ajoutée." })).toBeVisible();
  const kerleau = current.getByRole("row", { name: /Yann Kerleau/ });
  await expect(kerleau).toContainText("Membre");
  await kerleau.getByRole("button", { name: "Actions pour Yann Kerleau" }).click();
  await page.getByRole("menuitem", { name: "Changer le rôle" }).click();
  const roleDialog = page.getByRole("dialog", { name: "Rôle de Yann Kerleau" });
  await choose(roleDialog, page, "Rôle", "Co-animateur·rice");
  await roleDialog.getByRole("button", { name: "Enregistrer le rôle" }).click();
  await expect(roleDialog).toBeHidden();
  await expect(kerleau).toContainText("Co-animateur·rice");

  // The pillars: elected officials and public psychiatry are there, people with lived experience and carers are not.
  const pillars = page.getByRole("list", { name: "Piliers parmi les membres actuels" });
  await expect(pillars).toContainText("Élus : représenté (1)");
  await expect(pillars).toContainText("Psychiatrie publique : représenté (1)");
  await expect(pillars).toContainText("Aidants : absent");
  const warning = page.getByRole("status").filter({ hasText: "Piliers manquants" });
  await expect(warning).toContainText("Aucun·e représentant·e du pilier « Aidants » dans le COPIL.");
  await expect(warning).toContainText(
    "Aucun·e représentant·e du pilier « Personnes concernées » dans le COPIL.",
  );
  await expectAccessible(page, "instance page");

  // End a membership: it moves to the former members, and its pillar is missing now.
  await kerleau.getByRole("button", { name: "Actions pour Yann Kerleau" }).click();
  await page.getByRole("menuitem", { name: "Mettre fin à sa participation" }).click();
  const endDialog = page.getByRole("dialog", { name: "Fin de participation de Yann Kerleau" });
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  await expect(endDialog.locator('input[name="endDate"]')).toHaveValue(today);
  await expectAccessible(page, "end membership dialog");
  await endDialog.getByRole("button", { name: "Mettre fin à la participation" }).click();
  await expect(endDialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "reste dans les anciens membres" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Membres", exact: true })).toBeFocused();
  await expect(current.getByRole("row", { name: /Yann Kerleau/ })).toHaveCount(0);
  const todayFr = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(
    new Date(),
  );
  await expect(
    page.getByRole("table", { name: "Anciens membres" }).getByRole("row", { name: /Yann Kerleau/ }),
  ).toContainText(todayFr);
  await expect(page.getByRole("status").filter({ hasText: "Piliers manquants" })).toContainText(
    "« Psychiatrie publique »",
  );

  // A working group created by this COPIL.
  await page.getByRole("button", { name: "Créer un groupe de travail" }).click();
  const groupDialog = page.getByRole("dialog", { name: "Créer un groupe de travail" });
  await expect(groupDialog.getByRole("button", { name: /COPIL qui l'a créé$/ })).toContainText(copilName);
  await field(page, "Nom").fill(groupName);
  await field(page, "Thème").fill("Logement");
  await field(page, "Public").fill("Jeunes adultes");
  await groupDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(h1).toHaveText(groupName);
  await expect(page.getByRole("definition").filter({ hasText: /^Jeunes adultes$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: copilName })).toBeVisible();

  // Deleting asks first, says memberships go with it and suggests archiving instead.
  await page.getByRole("button", { name: "Supprimer", exact: true }).click();
  const deleteDialog = page.getByRole("alertdialog", { name: `Supprimer ${groupName} ?` });
  await expect(deleteDialog).toContainText("avec toutes ses participations");
  await expect(deleteDialog).toContainText("préférez « Archiver »");
  await expectAccessible(page, "delete instance confirmation");
  await deleteDialog.getByRole("button", { name: "Annuler" }).click();
  await expect(deleteDialog).toBeHidden();

  // Archive it.
  await page.getByRole("button", { name: "Archiver" }).click();
  await expect(page.getByRole("status").filter({ hasText: "L'instance est archivée" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Réactiver" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Ajouter des membres" })).toHaveCount(0);
  await expectAccessible(page, "archived working group");

  // The COPIL lists it as archived; the list of active instances no longer shows it.
  await page.getByRole("link", { name: copilName }).click();
  await expect(h1).toHaveText(copilName);
  await expect(page).toHaveURL(copilUrl);
  await expect(page.getByRole("region", { name: "Groupes de travail" }).getByRole("listitem")).toContainText(
    `${groupName} Archivé`,
  );
  await page.getByRole("link", { name: "Revenir aux instances" }).click();
  await expect(h1).toHaveText("Instances");
  const copilRow = page.getByRole("row", { name: new RegExp(copilName) });
  await expect(copilRow.getByRole("cell").first()).toHaveText("1");
  await expect(copilRow).toContainText("Aidants : absent");
  await expect(page.getByRole("row", { name: new RegExp(groupName) })).toHaveCount(0);
  await page.getByRole("link", { name: "Voir les instances archivées" }).click();
  await expect(h1).toHaveText("Instances archivées");
  const groupRow = page.getByRole("row", { name: new RegExp(groupName) });
  await expect(groupRow).toContainText(copilName);
  await expectAccessible(page, "archived instances");
});

test("a member reads the instances: no write actions, and a confidential instance shows no members", async ({
  page,
}) => {
  const h1 = page.getByRole("heading", { level: 1 });
  await signIn(page, "aidante@clsm-saintbrieuc.demo");
  await openClsm(page, SAINT_BRIEUC);
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Instances" })
    .click();
  await expect(h1).toHaveText("Instances");
  await expect(page.getByRole("button", { name: "Créer une instance" })).toHaveCount(0);
  const cellule = page.getByRole("row", { name: /Cellule de réflexion/ });
  await expect(cellule).toContainText("Confidentielle");
  await expect(cellule).toContainText("Réservé à la coordination");
  await expectAccessible(page, "instances list as a member");

  await cellule.getByRole("link").click();
  await expect(h1).toHaveText(/Cellule de réflexion/);
  await expect(page.getByRole("status").filter({ hasText: "Instance confidentielle" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Modifier l'instance" })).toHaveCount(0);
  await expectAccessible(page, "confidential instance as a member");

  await page.getByRole("link", { name: "Revenir aux instances" }).click();
  await page.getByRole("rowheader", { name: "Comité de pilotage", exact: true }).getByRole("link").click();
  await expect(h1).toHaveText("Comité de pilotage");
  await expect(page.getByRole("table", { name: "Membres actuels" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Actions pour/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ajouter des membres" })).toHaveCount(0);
});
