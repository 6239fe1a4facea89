import { expect, test } from "@playwright/test";
import { frLong, nextMonthDay } from "./dates";
import { COORDINATOR, expectAccessible, field, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

test("a coordinator schedules a weekly series, postpones an agenda item to its third meeting, then moves the series to another room", async ({
  page,
}) => {
  const h1 = page.getByRole("heading", { level: 1 });
  const title = `Groupe e2e ${Date.now().toString(36)}`;
  const first = nextMonthDay(2);
  const third = nextMonthDay(16);
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Réunions" })
    .click();

  // Three meetings, a week apart, outside any instance.
  await page.getByRole("button", { name: "Programmer une réunion" }).click();
  const dialog = page.getByRole("dialog", { name: "Programmer une réunion" });
  await field(page, "Titre").fill(title);
  await dialog.locator('input[name="date"]').fill(first);
  await dialog.locator('input[name="time"]').fill("10:00");
  await field(page, "Lieu").fill("Salle A");
  await dialog.getByRole("button", { name: /Se répète$/ }).click();
  await page.getByRole("option", { name: "Toutes les semaines (ou toutes les N semaines)" }).click();
  const count = dialog.getByRole("textbox", { name: "Nombre de réunions en tout", exact: true });
  await count.fill("3");
  await count.blur();
  await expect(dialog.getByText(/^3 réunions, du /)).toBeVisible();
  await dialog.getByRole("button", { name: "Programmer", exact: true }).click();
  await expect(dialog).toBeHidden();

  // From the first: an agenda item postponed to the third meeting, chosen in a list (no instance: no "next one").
  const grid = page.getByRole("table", { name: /^Réunions de / });
  await grid
    .getByRole("link", { name: `10 h 00 ${title}` })
    .first()
    .click();
  await expect(h1).toHaveText(title);
  await field(page, "Intitulé du point").fill("Point reporté");
  await page.getByRole("button", { name: "Ajouter le point" }).click();
  await page.getByRole("button", { name: "Autres actions pour « Point reporté »" }).click();
  await expect(page.getByRole("menuitem", { name: "Reporter à la prochaine réunion" })).toHaveCount(0);
  await page.getByRole("menuitem", { name: "Reporter à une autre réunion…" }).click();
  const postpone = page.getByRole("dialog", { name: "Reporter « Point reporté »" });
  await postpone.getByRole("button", { name: /Réunion qui reprend le point$/ }).click();
  // The later meetings of the CLSM, this series' two among them.
  const ofSeries = page.getByRole("option", { name: new RegExp(`à 10 h 00 — ${title}$`) });
  await expect(ofSeries).toHaveCount(2);
  await ofSeries.nth(1).click();
  await expectAccessible(page, "postpone an agenda item");
  await postpone.getByRole("button", { name: "Reporter", exact: true }).click();
  await expect(postpone).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "est reporté" })).toContainText(
    `« Point reporté » est reporté à la réunion du ${frLong(third)}`,
  );

  // This one and the two following go to room B; each keeps its day.
  await page.getByRole("button", { name: "Modifier", exact: true }).click();
  const edit = page.getByRole("dialog", { name: "Modifier la réunion" });
  const series = edit.getByRole("radiogroup", { name: "Cette réunion fait partie d'une série" });
  await expect(series.getByRole("radio", { name: "Modifier cette réunion seulement" })).toBeChecked();
  // A day typed for this meeting alone goes back once the change is for the series.
  await edit.locator('input[name="date"]').fill(third);
  // React Aria draws the radio over its hidden input: the label takes the click.
  await series.getByText("Modifier cette réunion et les 2 suivantes de la série").click();
  await expect(
    series.getByRole("radio", { name: "Modifier cette réunion et les 2 suivantes de la série" }),
  ).toBeChecked();
  await expect(edit.locator('input[name="date"]')).toBeDisabled();
  await expect(edit.locator('input[name="date"]')).toHaveValue(first);
  await expect(edit).toContainText("Chaque réunion de la série garde son jour.");
  await field(page, "Lieu").fill("Salle B");
  await expectAccessible(page, "edit a meeting of a series");
  await edit.getByRole("button", { name: "Enregistrer" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "de la série" })).toContainText(
    "La réunion et les 2 suivantes de la série sont enregistrées.",
  );
  await expect(page.getByText("Salle B")).toBeVisible();

  // The third meeting of the series: room B, on its own day.
  await page.goBack();
  await grid
    .getByRole("link", { name: `10 h 00 ${title}` })
    .nth(2)
    .click();
  await expect(h1).toHaveText(title);
  await expect(page.getByText(`${frLong(third)}, 10 h 00`)).toBeVisible();
  await expect(page.getByText("Salle B")).toBeVisible();
  await expect(page.getByRole("list", { name: "Ordre du jour" })).toContainText("Point reporté");
});
