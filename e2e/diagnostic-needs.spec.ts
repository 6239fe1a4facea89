import { expect, type Page, test } from "@playwright/test";
import { COORDINATOR, expectAccessible, field, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

/** Chooses an option of a React Aria select, by the select's label, within a scope. */
async function choose(
  page: Page,
  scope: ReturnType<Page["getByRole"]>,
  label: string,
  option: RegExp | string,
) {
  await scope.getByRole("button", { name: new RegExp(`${label}$`) }).click();
  await page.getByRole("option", { name: option }).first().click();
}

test("a coordinator records a need tagged with an objective, links it to a meeting, adds a resource of the directory and a sourced figure", async ({
  page,
}) => {
  // Two pages, four dialogs and six accessibility checks: longer than the default minute on a busy machine.
  test.setTimeout(150_000);
  const h1 = page.getByRole("heading", { level: 1 });
  const suffix = Date.now().toString(36);
  const needTitle = `Manque de places en hébergement accompagné ${suffix}`;
  const resourceTitle = `Résidence accueil ${suffix}`;
  const figureLabel = `Places en résidence accueil ${suffix}`;
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);

  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Diagnostic" })
    .click();
  await page
    .getByRole("navigation", { name: "Diagnostic" })
    .getByRole("link", { name: "Besoins et ressources" })
    .click();
  await expect(h1).toHaveText("Besoins et ressources");
  // The demo's summary: prevention has needs and no resource yet.
  const summary = page.getByRole("table", { name: "Besoins et ressources par objectif" });
  await expect(summary).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "Besoins sans ressource identifiée" }),
  ).toContainText("Prévenir les troubles psychiques");
  await expectAccessible(page, "needs and resources");

  // A need tagged with an objective.
  await page.getByRole("button", { name: "Ajouter un besoin" }).click();
  const needDialog = page.getByRole("dialog", { name: "Ajouter un besoin" });
  await field(page, "Constat").fill(needTitle);
  await field(page, "Thème").fill("Logement");
  // The territory's communes are suggested as one types.
  await needDialog.getByRole("combobox", { name: "Partie du territoire" }).fill("Plouf");
  await page.getByRole("option", { name: "Ploufragan" }).click();
  await expect(needDialog.getByRole("combobox", { name: "Partie du territoire" })).toHaveValue("Ploufragan");
  await needDialog.getByText("Favoriser l'inclusion des personnes concernées").click();
  await expect(
    needDialog.getByRole("checkbox", { name: "Favoriser l'inclusion des personnes concernées" }),
  ).toBeChecked();
  await expectAccessible(page, "add a need");
  await needDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(needDialog).toBeHidden();
  await expect(
    page.getByRole("status").filter({ hasText: `Le besoin « ${needTitle} » est enregistré` }),
  ).toBeVisible();

  // Filtered by its objective, it is listed; opened, it is linked to a past meeting.
  await choose(page, page.getByRole("main"), "Objectif", "Favoriser l'inclusion des personnes concernées");
  const needsPanel = page.getByRole("tabpanel", { name: "Besoins" });
  await needsPanel.getByRole("button", { name: needTitle }).click();
  const detail = page.getByRole("dialog", { name: needTitle });
  await expect(detail).toContainText("Ploufragan");
  await expect(detail.getByRole("listitem").filter({ hasText: "Favoriser l'inclusion" })).toBeVisible();
  await choose(page, detail, "Réunion", /^Groupe logement — bilan des alertes/);
  await detail.getByRole("button", { name: "Relier à la réunion" }).click();
  await expect(detail.getByRole("link", { name: "« Groupe logement — bilan des alertes »" })).toBeVisible();
  await expectAccessible(page, "need with its link");
  await detail.getByRole("button", { name: "Fermer la fenêtre" }).click();
  // One source linked, in the last column.
  await expect(
    needsPanel
      .getByRole("row", { name: new RegExp(needTitle) })
      .getByRole("cell")
      .last(),
  ).toHaveText("1");

  // A resource pointing at a structure of the directory.
  await page.getByRole("button", { name: "Ajouter une ressource" }).click();
  const resourceDialog = page.getByRole("dialog", { name: "Ajouter une ressource" });
  await field(page, "Ressource").fill(resourceTitle);
  await choose(page, resourceDialog, "Type", "Structure");
  await page.getByRole("combobox", { name: "Structure de l'annuaire" }).fill("SAVS");
  await page.getByRole("option", { name: /SAVS Les Ajoncs/ }).click();
  await expect(resourceDialog.getByText("SAVS Les Ajoncs")).toBeVisible();
  await resourceDialog.getByText("Favoriser l'inclusion des personnes concernées").click();
  await resourceDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(resourceDialog).toBeHidden();
  const resourcesPanel = page.getByRole("tabpanel", { name: "Ressources" });
  await expect(resourcesPanel.getByRole("row", { name: new RegExp(resourceTitle) })).toContainText(
    "SAVS Les Ajoncs",
  );
  await expectAccessible(page, "resources");

  // A figure with its source, on the figures page.
  await page
    .getByRole("navigation", { name: "Diagnostic" })
    .getByRole("link", { name: "Chiffres du territoire" })
    .click();
  await expect(h1).toHaveText("Chiffres du territoire");
  await expect(page.getByRole("table", { name: "Population par commune" })).toContainText("Saint-Brieuc");
  await expect(page.getByText(/Source : Insee, populations légales 2023/)).toBeVisible();
  await page.getByRole("button", { name: "Ajouter un chiffre" }).click();
  const figureDialog = page.getByRole("dialog", { name: "Ajouter un chiffre" });
  await field(page, "Indicateur").fill(figureLabel);
  await field(page, "Valeur").fill("12,5");
  await field(page, "Unité").fill("places");
  await field(page, "Année").fill("2025");
  // Without its source the figure is refused.
  await figureDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(figureDialog.getByText("Indiquez d'où vient ce chiffre.")).toBeVisible();
  await field(page, "Source").fill("Recensement des places par la DDETS");
  await field(page, "Thème").fill("Logement");
  await expectAccessible(page, "add a figure");
  await figureDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(figureDialog).toBeHidden();
  const row = page.getByRole("row", { name: new RegExp(figureLabel) });
  await expect(row).toContainText("12,5 places");
  await expect(row).toContainText("Recensement des places par la DDETS");
  await expect(row).toContainText("non renseignée");
  await expectAccessible(page, "figures");
});
