import { expect, test } from "@playwright/test";
import { COORDINATOR, clsmHomeName, expectAccessible, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";
const RENNES = "CLSM Rennes – quartiers nord";

test("a coordinator of two CLSMs switches between them, and comes back to the last one", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await expect(page).toHaveURL(/\/clsm\/[0-9a-f-]{36}$/);
  const h1 = page.getByRole("heading", { level: 1 });
  const first = await clsmHomeName(page);
  expect([SAINT_BRIEUC, RENNES]).toContain(first);
  const other = first === SAINT_BRIEUC ? RENNES : SAINT_BRIEUC;
  await expectAccessible(page, "coordinator's CLSM home");

  const switcher = page.getByRole("button", { name: /Changer de CLSM/ });
  await expect(switcher).toHaveAccessibleName(`CLSM affiché : ${first}. Changer de CLSM`);
  await switcher.click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectAccessible(page, "CLSM switcher open", { overlayOpen: true });
  await page.getByRole("menuitem", { name: other }).click();
  await expect(h1).toHaveText(other);
  await expect(page).toHaveTitle(`${other} – Maillage`);
  await expect(h1).toBeFocused();
  const otherUrl = page.url();

  // The choice is remembered: "/" lands on it.
  await page.goto("/");
  await expect(page).toHaveURL(otherUrl);
  await expect(h1).toHaveText(other);

  // Keyboard: open the switcher with Entrée, move with the arrows.
  await page.getByRole("button", { name: /Changer de CLSM/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem").first()).toBeFocused();
  await page.getByRole("menuitem", { name: first }).focus();
  await page.keyboard.press("Enter");
  await expect(h1).toHaveText(first);

  // A coordinator cannot browse every CLSM nor administer the platform.
  await expect(page.getByRole("link", { name: "Tous les CLSM" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
});

test("the members list shows roles and functions; the last coordinator cannot be removed", async ({
  page,
}) => {
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  await expect(page.getByTestId("population")).toHaveText(/^154\s?167 habitants$/);
  await expect(page.getByRole("img", { name: /Carte du territoire/ }).locator("path")).toHaveCount(32);

  await expect(page.getByRole("row", { name: /Hélène Morvan/ })).toContainText("Présidence (élu·e)");
  await expect(page.getByRole("row", { name: /Dr Yann Kerleau/ })).toContainText("Co-pilotage (psychiatrie)");
  const self = page.getByRole("row", { name: /Nadia Le Goff/ });
  await expect(self).toContainText("Coordination");

  await self.getByRole("button", { name: "Actions pour Nadia Le Goff" }).click();
  await page.getByRole("menuitem", { name: "Quitter ce CLSM" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Quitter ce CLSM ?" });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, "remove member confirmation");
  await confirm.getByRole("button", { name: "Quitter le CLSM" }).click();
  await expect(confirm.getByRole("alert")).toContainText(
    "Un CLSM doit garder au moins un·e coordinateur·rice.",
  );
  await confirm.getByRole("button", { name: "Annuler" }).click();
  await expect(confirm).toBeHidden();
  await expect(self).toBeVisible();

  // Edit name and status through the dialog, then put them back.
  await page.getByRole("button", { name: "Modifier le nom ou le statut" }).click();
  const dialog = page.getByRole("dialog", { name: "Modifier le CLSM" });
  await dialog.getByRole("button", { name: /Statut/ }).click();
  await page.getByRole("option", { name: "En sommeil" }).click();
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Statut : En sommeil")).toBeVisible();
  await page.getByRole("button", { name: "Modifier le nom ou le statut" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /Statut/ })
    .click();
  await page.getByRole("option", { name: "Actif" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Statut : Actif")).toBeVisible();
});

test("a coordinator edits the territory: adding a commune changes the population", async ({ page }) => {
  await signIn(page, COORDINATOR);
  const h1 = page.getByRole("heading", { level: 1 });
  await openClsm(page, RENNES);
  await page.getByRole("link", { name: "Modifier le territoire" }).click();
  await expect(h1).toHaveText("Modifier le territoire");
  await expect(
    page.getByRole("group", { name: "Quartier 1" }).getByRole("textbox", { name: "Nom du quartier" }),
  ).toHaveValue("Maurepas – Patton");
  await expectAccessible(page, "edit territory page");

  const search = page.getByRole("combobox", { name: /Ajouter une commune/ });
  // Keyboard only: type, arrow down to the first result, Entrée.
  await search.focus();
  await page.keyboard.type("Cesson-Sévigné");
  await expect(page.getByRole("option", { name: /Cesson-Sévigné/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(search).toHaveValue("");
  await expect(page.getByRole("listitem").filter({ hasText: "Cesson-Sévigné" })).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer le territoire" }).click();

  await expect(h1).toHaveText(RENNES);
  await expect(page.getByRole("status").filter({ hasText: "Le territoire est enregistré." })).toBeVisible();
  await expect(page.getByRole("table", { name: /Communes du territoire \(2\)/ })).toContainText(
    "Cesson-Sévigné",
  );
  // Infra-communal: the population stays the sum of the quartiers.
  await expect(page.getByTestId("population")).toHaveText(/^40\s?200 habitants$/);
  await expect(page.getByRole("img", { name: /Carte du territoire/ }).locator("path")).toHaveCount(2);
});

test("unknown addresses and unknown CLSMs get a 404 page", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await page.goto("/nulle-part");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page).toHaveTitle("Page introuvable – Maillage");
  await expectAccessible(page, "404 page");
  await page.goto("/clsm/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CLSM introuvable");
});
