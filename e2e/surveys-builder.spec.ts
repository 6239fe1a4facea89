import { expect, type Page, test } from "@playwright/test";
import { COORDINATOR, expectAccessible, field, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

/** Adds a question of a type to section 1 through the "Ajouter une question" menu, with the keyboard. */
async function addQuestion(page: Page, type: string) {
  await page.getByRole("button", { name: /Ajouter une question à la section 1/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  // Type-ahead moves to the type; Entrée adds it.
  await page.keyboard.type(type);
  await expect(page.getByRole("menuitem", { name: type, exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
}

test("a coordinator builds a survey with a question shown only on « Oui », saves it, finds it after a reload and previews it", async ({
  page,
}) => {
  // Several axe runs and a reload on a machine shared with other runs.
  test.setTimeout(150_000);
  const h1 = page.getByRole("heading", { level: 1 });
  const title = `Enquête e2e ${Date.now().toString(36)}`;
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Diagnostic" })
    .click();
  await page.getByRole("navigation", { name: "Diagnostic" }).getByRole("link", { name: "Enquêtes" }).click();
  await expect(h1).toHaveText("Enquêtes");
  await expectAccessible(page, "surveys list");

  // A blank survey for the public, anonymous (what that means is said in the dialog).
  await page.getByRole("button", { name: "Nouvelle enquête" }).click();
  const dialog = page.getByRole("dialog", { name: "Nouvelle enquête" });
  await expect(dialog.getByRole("radio", { name: /Questionnaire vierge/ })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: /Modèle : Perception de la santé mentale/ })).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: "Réponses anonymes" })).toBeChecked();
  await expect(dialog).toContainText("Aucun nom, aucune adresse e-mail");
  await expectAccessible(page, "new survey dialog");
  await field(page, "Titre").fill(title);
  await dialog.getByRole("button", { name: "Créer l'enquête" }).click();
  await expect(h1).toHaveText(title);
  await expect(page.getByRole("status").filter({ hasText: "est créée" })).toBeVisible();
  await expect(page.getByText("Brouillon", { exact: true }).first()).toBeVisible();

  // A yes/no question, then a short-text question shown only when the first is answered « Oui ».
  await addQuestion(page, "Oui / non");
  const first = page.getByRole("region", { name: /Question 1/ });
  await expect(first.getByRole("textbox", { name: "Intitulé" })).toBeFocused();
  await page.keyboard.type("Avez-vous eu besoin d'aide cette année ?");
  await addQuestion(page, "Texte court");
  const second = page.getByRole("region", { name: /Question 2/ });
  await expect(second.getByRole("textbox", { name: "Intitulé" })).toBeFocused();
  await page.keyboard.type("Qui vous a aidé ?");
  await second.getByRole("checkbox", { name: /Afficher cette question seulement/ }).focus();
  await page.keyboard.press("Space");
  await expect(second.getByRole("button", { name: /Question précédente$/ })).toContainText(
    "1. Avez-vous eu besoin d'aide cette année ?",
  );
  await expect(second.getByRole("button", { name: /Condition$/ })).toContainText("est");
  await expect(second.getByRole("button", { name: /Réponse$/ })).toContainText("Oui");
  await expect(page.getByText("Modifications non enregistrées.")).toBeVisible();

  // A second section: the follow-up question goes down into it and back up, the focus staying on its buttons.
  await page.getByRole("button", { name: "Ajouter une section" }).click();
  const sectionTwo = page.getByRole("region", { name: /^Section 2/ });
  await second.getByRole("button", { name: "Descendre la question 2" }).click();
  await expect(sectionTwo.getByRole("region", { name: /Question 2/ })).toBeVisible();
  await expect(sectionTwo.getByRole("button", { name: "Monter la question 2" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(sectionTwo.getByRole("region", { name: /Question 2/ })).toHaveCount(0);
  await expect(second.getByRole("button", { name: "Monter la question 2" })).toBeFocused();
  await page.getByRole("button", { name: "Supprimer la section 2 et ses questions" }).click();
  await expect(sectionTwo).toHaveCount(0);
  await expectAccessible(page, "survey editor");
  await page.getByRole("button", { name: "Enregistrer le questionnaire" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Questionnaire enregistré." })).toBeVisible();
  await expect(page.getByText("Tout est enregistré.")).toBeVisible();

  // After a reload, the questionnaire is as saved.
  await page.reload();
  await expect(h1).toHaveText(title);
  await expect(first.getByRole("textbox", { name: "Intitulé" })).toHaveValue(
    "Avez-vous eu besoin d'aide cette année ?",
  );
  await expect(second.getByRole("textbox", { name: "Intitulé" })).toHaveValue("Qui vous a aidé ?");
  await expect(second.getByRole("button", { name: /Réponse$/ })).toContainText("Oui");

  // The preview, as respondents see it: the second question appears only after « Oui ».
  await page.getByRole("link", { name: "Aperçu" }).click();
  await expect(h1).toContainText(title);
  const followUp = page.getByText("Qui vous a aidé ?");
  await expect(page.getByText("Avez-vous eu besoin d'aide cette année ?")).toBeVisible();
  await expect(followUp).toHaveCount(0);
  await page.getByRole("radio", { name: "Oui", exact: true }).check();
  await expect(followUp).toBeVisible();
  await expectAccessible(page, "survey preview");
  await page.getByRole("radio", { name: "Non", exact: true }).check();
  await expect(followUp).toHaveCount(0);
});
