import { expect, type Page, test } from "@playwright/test";
import { COORDINATOR, expectAccessible, signIn } from "./helpers";

// A resident answers an open survey anonymously from its public link, on a 360 px phone, with the keyboard: the
// anonymity is stated before the first question, a condition shows a question, a reload keeps the answers, the
// problems are listed and linked, the answer is sent, and a second answer from the same browser is refused.

const definition = {
  sections: [
    {
      id: "vous",
      title: "Vous",
      questions: [
        { id: "aidant", type: "yes_no", label: "Accompagnez-vous un proche ?", required: true },
        {
          id: "depuis",
          type: "single_choice",
          label: "Depuis combien de temps ?",
          required: true,
          condition: { questionId: "aidant", operator: "equals", value: "yes" },
          choices: [
            { id: "moins", label: "Moins d'un an" },
            { id: "plus", label: "Un an ou plus" },
          ],
        },
        { id: "commune", type: "commune", label: "Votre commune" },
        {
          id: "moral",
          type: "rating",
          label: "Votre moral, de 0 à 10",
          minLabel: "très bas",
          maxLabel: "très bon",
        },
      ],
    },
    {
      id: "quartier",
      title: "Votre quartier",
      questions: [
        {
          id: "accord",
          type: "matrix",
          label: "Êtes-vous d'accord ?",
          rows: [
            { id: "aide", label: "Je sais où trouver de l'aide" },
            { id: "lien", label: "Je me sens entouré·e" },
          ],
          choices: [
            { id: "non", label: "Pas d'accord" },
            { id: "oui", label: "D'accord" },
          ],
        },
        {
          id: "priorites",
          type: "ranking",
          label: "Classez ces priorités",
          choices: [
            { id: "logement", label: "Logement" },
            { id: "ecoute", label: "Lieux d'écoute" },
            { id: "soins", label: "Accès aux soins" },
          ],
        },
        { id: "mot", type: "short_text", label: "Un mot pour finir" },
      ],
    },
  ],
};

/** An open, anonymous survey of the demo CLSM with its public link, made through the API; returns the token. */
async function openSurvey(page: Page) {
  await signIn(page, COORDINATOR);
  const clsms = await (await page.request.get("/api/clsms", { params: { q: "Saint-Brieuc" } })).json();
  const clsmId: string = clsms.items[0].id;
  const base = `/api/clsms/${clsmId}/surveys`;
  const created = await page.request.post(base, {
    data: { title: `Habiter ici ${Date.now().toString(36)}`, audience: "public", anonymous: true },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect((await page.request.put(`${base}/${id}/definition`, { data: definition })).status()).toBe(200);
  const linked = await page.request.patch(`${base}/${id}`, { data: { publicLink: true } });
  expect(linked.status()).toBe(200);
  expect((await page.request.post(`${base}/${id}/publish`)).status()).toBe(200);
  return { clsmId, surveyId: id as string, token: (await linked.json()).publicToken as string };
}

/** Presses Tab until the element is focused (the keyboard path a respondent takes). */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("a resident answers an anonymous survey on a phone with the keyboard; a reload keeps the answers; one answer per browser", async ({
  page,
  browser,
}) => {
  // Three pages checked with axe and a phone context of its own: more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const { clsmId, surveyId, token } = await openSurvey(page);

  // The coordination's diffusion page gives the public link.
  await page.goto(`/clsm/${clsmId}/diagnostic/enquetes/${surveyId}/diffusion`);
  await expect(page.getByRole("textbox", { name: "Adresse du questionnaire" })).toHaveValue(
    new RegExp(`/questionnaire/${token}$`),
  );
  await expectAccessible(page, "survey diffusion page");

  const phone = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 360, height: 780 },
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
  });
  const resident = await phone.newPage();
  await resident.goto(`/questionnaire/${token}`);
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText(/^Habiter ici/);
  // Anonymity is stated before the first question.
  const statement = resident.getByRole("heading", { name: "Vos réponses sont anonymes" });
  await expect(statement).toBeVisible();
  const firstQuestion = resident.getByRole("radiogroup", { name: /Accompagnez-vous un proche/ });
  expect(
    await statement.evaluate(
      (h, q) => Boolean(h.compareDocumentPosition(q as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
      await firstQuestion.elementHandle(),
    ),
  ).toBe(true);
  await expect(resident.getByText(/sans votre nom, sans adresse e-mail ni adresse IP/)).toBeVisible();
  await expectAccessible(resident, "answering page");

  // Sending nothing: the problems are listed on top, each a link to its question.
  const send = resident.getByRole("button", { name: "Envoyer mes réponses" });
  await tabTo(resident, send);
  await resident.keyboard.press("Enter");
  const problem = resident.getByRole("link", {
    name: /Accompagnez-vous un proche \? : Cette question est obligatoire/,
  });
  await expect(problem).toBeVisible();
  await expectAccessible(resident, "answering page with problems");
  await problem.focus();
  await resident.keyboard.press("Enter");
  const yes = firstQuestion.getByRole("radio", { name: "Oui" });
  await expect(yes).toBeFocused();
  await resident.keyboard.press("Space");
  await expect(yes).toBeChecked();

  // « Oui » shows the follow-up question; arrows move within its radio group.
  const since = resident.getByRole("radiogroup", { name: /Depuis combien de temps/ });
  await expect(since).toBeVisible();
  await resident.keyboard.press("Tab");
  await expect(since.getByRole("radio", { name: "Moins d'un an" })).toBeFocused();
  await resident.keyboard.press("ArrowDown");
  await expect(since.getByRole("radio", { name: "Un an ou plus" })).toBeChecked();
  await resident.keyboard.press("Tab");
  const commune = resident.getByRole("combobox", { name: "Votre commune" });
  await expect(commune).toBeFocused();
  await resident.keyboard.type("Saint-Brieuc");
  await expect(commune).toHaveValue("22278");

  // Half-way: a reload keeps what was answered.
  await resident.reload();
  await expect(resident.getByRole("radio", { name: "Oui" })).toBeChecked();
  await expect(since.getByRole("radio", { name: "Un an ou plus" })).toBeChecked();
  await expect(commune).toHaveValue("22278");

  // The rating: a radio group of 0 to 10.
  const moral = resident.getByRole("radiogroup", { name: /Votre moral/ });
  await moral.getByRole("radio", { name: "0", exact: true }).focus();
  await resident.keyboard.press("Space");
  for (let i = 0; i < 7; i++) await resident.keyboard.press("ArrowRight");
  await expect(moral.getByRole("radio", { name: "7", exact: true })).toBeChecked();

  // The matrix: each radio is named by its row and its column.
  await resident.getByRole("radio", { name: "Je sais où trouver de l'aide D'accord" }).focus();
  await resident.keyboard.press("Space");
  await resident.getByRole("radio", { name: "Je me sens entouré·e Pas d'accord" }).focus();
  await resident.keyboard.press("Space");

  // The ranking: buttons move a choice, the focus follows it, the new place is announced.
  await resident.getByRole("button", { name: "Monter « Accès aux soins »" }).focus();
  await resident.keyboard.press("Enter");
  await resident.keyboard.press("Enter");
  await expect(resident.getByText("« Accès aux soins » est maintenant en position 1 sur 3.")).toBeAttached();
  await expect(resident.getByRole("button", { name: "Descendre « Accès aux soins »" })).toBeFocused();
  await expect(resident.locator(".survey-ranking__label")).toHaveText([
    "1Accès aux soins",
    "2Logement",
    "3Lieux d'écoute",
  ]);

  await resident.getByRole("textbox", { name: "Un mot pour finir" }).focus();
  await resident.keyboard.type("Merci pour le GEM");
  // Nothing wider than the phone.
  expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await tabTo(resident, send);
  await resident.keyboard.press("Enter");
  await expect(resident.getByText("Merci, vos réponses sont enregistrées.")).toBeVisible();
  await expectAccessible(resident, "answering page, thanks");

  // Coming back: already answered from this browser; and the server refuses a second answer from it even when
  // the page forgot it (the browser's key is the same).
  await resident.reload();
  await expect(
    resident.getByText("Vous avez déjà répondu à ce questionnaire depuis ce navigateur."),
  ).toBeVisible();
  await resident.evaluate((t) => localStorage.removeItem(`maillage.survey-answered.public.${t}`), token);
  await resident.reload();
  await resident.getByRole("radio", { name: "Non" }).check();
  await send.click();
  await expect(
    resident.getByText("Vous avez déjà répondu à ce questionnaire depuis ce navigateur."),
  ).toBeVisible();
  await phone.close();

  const detail = await (await page.request.get(`/api/clsms/${clsmId}/surveys/${surveyId}`)).json();
  expect(detail.responseCount).toBe(1);
});

test("the coordination invites the COPIL's members to a survey and sends their personal links", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { clsmId, surveyId } = await openSurvey(page);
  await page.goto(`/clsm/${clsmId}/diagnostic/enquetes/${surveyId}/diffusion`);
  await expect(page.getByRole("heading", { name: "Invitations personnelles" })).toBeVisible();

  await page.getByRole("button", { name: "Inviter des personnes" }).click();
  const dialog = page.getByRole("dialog", { name: "Inviter des personnes à répondre" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "invitations dialog");
  await dialog.getByRole("button", { name: /Instance/ }).click();
  await page.getByRole("option", { name: "Comité de pilotage" }).click();
  await dialog.getByRole("button", { name: "Inviter ses membres" }).click();
  await expect(dialog).toBeHidden();
  // The COPIL's members: as many as the demo has, plus those earlier specs added on the same server.
  const added = page.getByRole("status").filter({ hasText: /\d+ personnes ajoutées/ });
  await expect(added).toBeVisible();
  const count = Number(/(\d+) personnes ajoutées/.exec((await added.textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThanOrEqual(8);
  const table = page.getByRole("table", { name: "Personnes invitées" });
  await expect(table.getByRole("row")).toHaveCount(count + 1);
  await expect(table.getByText("À envoyer").first()).toBeVisible();

  await page.getByRole("button", { name: /^Envoyer \d+ invitations?$/ }).click();
  const confirm = page.getByRole("dialog", { name: "Envoyer les invitations" });
  await confirm.getByRole("textbox", { name: /Un mot de la coordination/ }).fill("Dix minutes suffisent.");
  await confirm.getByRole("button", { name: /^Envoyer \d+ invitations?$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /invitations? envoyées?/ })).toBeVisible();
  await expect(table.getByText("Envoyée").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Relancer \d+ personnes?$/ })).toBeVisible();
  await expectAccessible(page, "diffusion page with invitations");
});
