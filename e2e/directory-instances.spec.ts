import { expect, type Page, test } from "@playwright/test";
import { COORDINATOR, expectAccessible, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

async function choose(
  page: Page,
  scope: Page | ReturnType<Page["getByRole"]>,
  label: string,
  option: string,
) {
  await scope.getByRole("button", { name: new RegExp(`${label}$`) }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

test("the directory filters by instance, adds a selection to an instance, and the instance's pillars show", async ({
  page,
}) => {
  const h1 = page.getByRole("heading", { level: 1 });
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  await page.getByRole("link", { name: "Annuaire" }).click();
  await expect(h1).toHaveText("Annuaire");

  // The COPIL's current members only: the president is there, a member of the housing group is not.
  await choose(page, page, "Instance", "Comité de pilotage");
  await expect(page.getByRole("row", { name: /MORVAN Hélène/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /HAMON Loïc/ })).toHaveCount(0);
  await expectAccessible(page, "directory filtered by instance");
  await choose(page, page, "Instance", "Toutes les instances");

  // Select a person with the keyboard and add them to the COPIL as a guest.
  await page.getByRole("searchbox", { name: "Chercher une personne" }).fill("hamon");
  const row = page.getByRole("row", { name: /HAMON Loïc/ });
  await expect(row).toBeVisible();
  await row.getByRole("checkbox", { name: "Sélectionner Loïc Hamon" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Ajouter à une instance" }).click();
  const dialog = page.getByRole("dialog", { name: "Ajouter à une instance" });
  await expect(dialog).toBeVisible();
  await choose(page, dialog, "Instance", "Comité de pilotage");
  await choose(page, dialog, "Rôle", "Invité·e");
  await expectAccessible(page, "add to an instance dialog");
  await dialog.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("1 personne ajoutée à « Comité de pilotage ».")).toBeVisible();

  // Adding again: nothing changes, and the dialog says so.
  await page.getByRole("button", { name: "Ajouter à une instance" }).click();
  await choose(page, dialog, "Instance", "Comité de pilotage");
  await dialog.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(
    page.getByText("0 personne ajoutée à « Comité de pilotage ». 1 personne en était déjà membre."),
  ).toBeVisible();

  // The person's page lists the instances they sit in.
  await row.getByRole("link", { name: /HAMON Loïc/ }).click();
  await expect(h1).toHaveText(/Loïc Hamon/);
  const instances = page.getByRole("region", { name: "Instances" });
  await expect(instances.getByRole("row", { name: /Comité de pilotage/ })).toContainText("Invité·e");
  await expect(instances.getByRole("row", { name: /Logement et habitat/ })).toBeVisible();
  await expectAccessible(page, "person with instances");

  // The pillars page: the COPIL still has no carer.
  await page.getByRole("navigation", { name: "Annuaire" }).getByRole("link", { name: "Piliers" }).click();
  await expect(h1).toHaveText("Les quatre piliers");
  const table = page.getByRole("region", { name: "Les piliers dans les instances" });
  const copil = table.getByRole("row", { name: /Comité de pilotage/ });
  await expect(copil.getByRole("cell").nth(4)).toHaveText(/Absent/);
  await expect(copil.getByRole("cell").nth(1)).toHaveText(/Présent/);
  await expectAccessible(page, "pillars with instances");
});
