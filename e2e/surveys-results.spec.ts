import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { COORDINATOR, expectAccessible, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";
const SURVEY = "Santé mentale : votre avis compte";

test("the coordinator reads the demo survey's results: a chart and its data, crossed by commune, the CSV export", async ({
  page,
}) => {
  // Thirty charts drawn twice and three accessibility checks: longer than the default minute on a busy machine.
  test.setTimeout(150_000);
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Diagnostic" })
    .click();
  await page.getByRole("navigation", { name: "Diagnostic" }).getByRole("link", { name: "Enquêtes" }).click();
  await page.getByRole("link", { name: `Résultats de « ${SURVEY} »` }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Résultats : ${SURVEY}`);
  await expect(page.getByText("300 répondants")).toBeVisible();

  // A question's chart (an SVG image named by its summary) and, under it, its data table.
  const mood = page.getByRole("region", { name: /En ce moment, comment vous sentez-vous/ });
  const chart = mood.getByRole("img");
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute("aria-label", /Barre empilée/);
  await mood.getByText("Voir les données").click();
  const table = mood.getByRole("table", { name: /Données : En ce moment/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Plutôt bien" })).toBeVisible();
  await expectAccessible(page, "survey results");

  // Crossed by commune: one column per commune, Saint-Brieuc first (most answers), then everyone.
  await page.getByRole("button", { name: /Croiser par…/ }).click();
  await page.getByRole("option", { name: "Dans quelle commune habitez-vous ?" }).click();
  await expect(page).toHaveURL(/par=commune/);
  await expect(page.getByRole("status").filter({ hasText: "Résultats croisés par" })).toContainText(
    "Saint-Brieuc",
  );
  const help = page.getByRole("region", { name: /avez-vous eu besoin d'aide/ });
  await expect(help.getByRole("img")).toHaveAttribute("aria-label", /par groupe/);
  await help.getByText("Voir les données").click();
  const crossed = help.getByRole("table");
  await expect(crossed.getByRole("columnheader", { name: "Saint-Brieuc" })).toBeVisible();
  await expect(crossed.getByRole("columnheader", { name: "Ensemble" })).toBeVisible();
  await expectAccessible(page, "survey results by commune");

  // The free comments, some tagged by the coordination.
  const texts = page.getByRole("region", { name: "Réponses libres" });
  await expect(texts.getByRole("listitem").first()).toBeVisible();
  await expect(texts.getByRole("button", { name: /Filtrer sur l'étiquette/ }).first()).toBeVisible();

  // The raw answers as CSV: the header names the questions.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Réponses brutes en CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^reponses-sante-mentale-votre-avis-compte-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await readFile((await file.path()) ?? "", "utf-8");
  const [header, ...rows] = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(header?.split(";").slice(0, 3)).toEqual(["N°", "Jour", "Q1. Dans quelle commune habitez-vous ?"]);
  expect(rows).toHaveLength(300);
});
