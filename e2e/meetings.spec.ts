import { expect, type Locator, type Page, test } from "@playwright/test";
import { frLong, frMonth, nextMonthDay, parisToday } from "./dates";
import { COORDINATOR, expectAccessible, field, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

/** Chooses an option of a React Aria select, by the select's label. */
async function choose(scope: Page | Locator, page: Page, label: string, option: string) {
  await scope.getByRole("button", { name: new RegExp(`${label}$`) }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The titles of the agenda items, in order. */
const agendaTitles = (page: Page) =>
  page.getByRole("list", { name: "Ordre du jour" }).locator(".agenda__title").allTextContents();

test("a coordinator schedules a COPIL meeting with an outside guest, builds its agenda, takes attendance, duplicates it and cancels the copy", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const h1 = page.getByRole("heading", { level: 1 });
  const title = `COPIL e2e ${Date.now().toString(36)}`;
  const date = nextMonthDay(15);
  const copyDate = nextMonthDay(22);
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);

  // The meetings of the CLSM, from the main navigation: this month's calendar and the year's record.
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Réunions" })
    .click();
  await expect(h1).toHaveText("Réunions");
  await expect(h1).toBeFocused();
  await expect(page.getByRole("tab", { name: "Calendrier" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { level: 2, name: /^Bilan \d{4}$/ })).toBeVisible();
  await expect(
    page.getByText(/^Le COPIL (ne s'est pas encore réuni|s'est réuni \d+ fois) en \d{4}\.$/),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: frMonth(parisToday()) })).toBeVisible();
  const grid = page.getByRole("table", { name: /^Réunions de / });
  // Monday first: the headers read the full day names.
  await expect(grid.getByRole("columnheader").first()).toHaveAccessibleName("lundi");
  await expect(grid.getByRole("columnheader").last()).toHaveAccessibleName("dimanche");
  await expect(grid.locator('td[aria-current="date"]')).toContainText("aujourd'hui");
  await expectAccessible(page, "meetings calendar");

  // Schedule a COPIL meeting next month: the title follows the instance; an outside guest besides its members.
  const scheduleButton = page.getByRole("button", { name: "Programmer une réunion" });
  await scheduleButton.click();
  const dialog = page.getByRole("dialog", { name: "Programmer une réunion" });
  await expect(dialog).toBeVisible();
  await choose(dialog, page, "Instance qui se réunit", "Comité de pilotage");
  await expect(dialog).toContainText(/Ses \d+ membres actuels seront invités\./);
  await expect(field(page, "Titre")).toHaveValue("Comité de pilotage");
  await field(page, "Titre").fill(title);
  await dialog.locator('input[name="date"]').fill(date);
  await dialog.locator('input[name="time"]').fill("14:30");
  const duration = dialog.getByRole("textbox", { name: "Durée (en minutes)", exact: true });
  await duration.fill("90");
  await duration.blur();
  await field(page, "Lieu").fill("Mairie de Saint-Brieuc, salle du conseil");
  await field(page, "Adresse").fill("Place du Général-de-Gaulle, 22000 Saint-Brieuc");
  await field(page, "Lien de visioconférence").fill("http://visio.example.org/copil");
  await choose(dialog, page, "Rappel aux invité·es", "La veille");
  // A directory member of the COPIL is marked as invited anyway.
  await dialog.getByRole("searchbox", { name: "Chercher dans l'annuaire" }).fill("morvan");
  await expect(dialog.getByRole("checkbox", { name: "Hélène Morvan" })).toBeDisabled();
  await expect(dialog.getByText("membre de l'instance")).toBeVisible();
  // The outside guest: Entrée in their fields adds them, it does not submit the dialog.
  await field(page, "Nom de la personne").fill("Claire Extérieure");
  await field(page, "Son adresse e-mail").fill("claire.exterieure@example.org");
  await field(page, "Son adresse e-mail").press("Enter");
  await expect(dialog.getByRole("heading", { name: "1 invité·e ajouté·e" })).toBeVisible();
  await expect(field(page, "Nom de la personne")).toHaveValue("");
  await expectAccessible(page, "schedule meeting dialog");
  // The server's message shows under the field it is about.
  await dialog.getByRole("button", { name: "Programmer", exact: true }).click();
  await expect(dialog.getByText("Le lien doit commencer par https://", { exact: false })).toBeVisible();
  await expect(field(page, "Lien de visioconférence")).toHaveAttribute("aria-invalid", "true");
  await field(page, "Lien de visioconférence").fill("https://visio.example.org/copil");
  await dialog.getByRole("button", { name: "Programmer", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(scheduleButton).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "est programmée" })).toContainText(
    `le ${frLong(date)} à 14 h 30`,
  );

  // The calendar shows next month, with the meeting on its day.
  await expect(page.getByRole("heading", { level: 2, name: frMonth(date) })).toBeVisible();
  const meetingLink = grid.getByRole("link", { name: `14 h 30 ${title}` });
  await expect(meetingLink).toBeVisible();
  await expect(
    grid.getByRole("cell").filter({ has: page.getByRole("link", { name: `14 h 30 ${title}` }) }),
  ).toContainText(frLong(date).replace(/ \d{4}$/, ""));
  await meetingLink.click();

  // The meeting's page.
  await expect(h1).toHaveText(title);
  await expect(page.getByText(`${frLong(date)}, 14 h 30 – 16 h 00`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Comité de pilotage" })).toBeVisible();
  await expect(page.getByText("Mairie de Saint-Brieuc, salle du conseil")).toBeVisible();
  await expect(page.getByRole("link", { name: "https://visio.example.org/copil" })).toBeVisible();
  const invitees = page.getByRole("table", { name: "Invité·es" });
  await expect(invitees.getByRole("row", { name: /Hélène Morvan/ })).toContainText("Membre de l'instance");
  const claire = invitees.getByRole("row", { name: /Claire Extérieure/ });
  await expect(claire).toContainText("Hors annuaire");
  await expect(claire).toContainText("Sans réponse");
  await expect(claire).toContainText("Non envoyée");
  await expectAccessible(page, "meeting page");

  // The edit dialog is prefilled.
  await page.getByRole("button", { name: "Modifier", exact: true }).click();
  const editDialog = page.getByRole("dialog", { name: "Modifier la réunion" });
  await expect(editDialog.locator('input[name="time"]')).toHaveValue("14:30");
  await expect(field(page, "Titre")).toHaveValue(title);
  await expectAccessible(page, "edit meeting dialog");
  await page.keyboard.press("Escape");
  await expect(editDialog).toBeHidden();

  // Two agenda items, then the second moved up with the keyboard.
  const itemTitle = field(page, "Intitulé du point");
  await itemTitle.fill("Bilan des actions 2025");
  await field(page, "Durée (en minutes)").fill("30");
  await field(page, "Présenté par").fill("Hélène Morvan");
  await page.getByRole("button", { name: "Ajouter le point" }).click();
  await expect(page.getByRole("status").filter({ hasText: "est ajouté à l'ordre du jour" })).toBeVisible();
  await expect(itemTitle).toHaveValue("");
  await expect(itemTitle).toBeFocused();
  await itemTitle.fill("Plan d'actions : priorités");
  await field(page, "Durée (en minutes)").fill("45");
  await itemTitle.press("Enter");
  await expect
    .poll(() => agendaTitles(page))
    .toEqual(["1. Bilan des actions 2025", "2. Plan d'actions : priorités"]);
  await expect(page.getByText("2 points · durée totale 1 h 15")).toBeVisible();
  const up = page.getByRole("button", { name: "Monter « Plan d'actions : priorités »" });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(() => agendaTitles(page))
    .toEqual(["1. Plan d'actions : priorités", "2. Bilan des actions 2025"]);
  // At the top, the focus stays on the moved item (its other button); the new place is announced.
  await expect(page.getByRole("button", { name: "Descendre « Plan d'actions : priorités »" })).toBeFocused();
  await expect(
    page.getByText("« Plan d'actions : priorités » est maintenant en position 1 sur 2."),
  ).toBeAttached();
  await page.reload();
  await expect(h1).toHaveText(title);
  await expect
    .poll(() => agendaTitles(page))
    .toEqual(["1. Plan d'actions : priorités", "2. Bilan des actions 2025"]);
  // Mark one treated.
  await page.getByRole("checkbox", { name: "Traité : Bilan des actions 2025" }).focus();
  await page.keyboard.press("Space");
  await expect(
    page.getByRole("list", { name: "Ordre du jour" }).getByText("Traité", { exact: true }),
  ).toHaveCount(1);

  // Attendance: one present, one represented by someone; the pillars and the COPIL warning follow.
  const sheet = page.getByRole("region", { name: "Émargement" });
  const morvan = sheet.getByRole("radiogroup", { name: "Hélène Morvan" });
  await morvan.getByText("Présent·e", { exact: true }).click();
  await expect(morvan.getByRole("radio", { name: "Présent·e" })).toBeChecked();
  const kerleau = sheet.getByRole("radiogroup", { name: "Yann Kerleau" });
  await kerleau.getByText("Représenté·e", { exact: true }).click();
  await field(page, "Représenté·e par (pour Yann Kerleau)").fill("Dr Anne Le Floch");
  await expectAccessible(page, "attendance form");
  await page.getByRole("button", { name: "Enregistrer l'émargement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "L'émargement est enregistré" })).toContainText(
    "2 personnes présentes ou représentées",
  );
  const pillars = page.getByRole("list", { name: "Piliers parmi les personnes présentes ou représentées" });
  await expect(pillars).toContainText("Élus : représenté");
  await expect(pillars).toContainText("Psychiatrie publique : représenté");
  await expect(pillars).toContainText("Aidants : absent");
  await expect(page.getByRole("status").filter({ hasText: "Piliers absents" })).toContainText(
    "Ni personnes concernées ni aidants parmi les présent·es de ce COPIL",
  );
  await expect(invitees.getByRole("row", { name: /Yann Kerleau/ })).toContainText("par Dr Anne Le Floch");

  // Duplicate it a week later: the copy opens, with the same agenda and guests.
  await page.getByRole("button", { name: "Dupliquer", exact: true }).click();
  const duplicateDialog = page.getByRole("dialog", { name: "Dupliquer la réunion" });
  await expect(duplicateDialog.locator('input[name="date"]')).toHaveValue(copyDate);
  await expectAccessible(page, "duplicate dialog");
  await duplicateDialog.getByRole("button", { name: "Dupliquer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "La réunion est dupliquée" })).toContainText(
    `au ${frLong(copyDate)} à 14 h 30`,
  );
  await expect(h1).toHaveText(title);
  await expect(h1).toBeFocused();
  await expect(page.getByText(`${frLong(copyDate)}, 14 h 30 – 16 h 00`)).toBeVisible();
  await expect
    .poll(() => agendaTitles(page))
    .toEqual(["1. Plan d'actions : priorités", "2. Bilan des actions 2025"]);
  await expect(
    page.getByRole("table", { name: "Invité·es" }).getByRole("row", { name: /Claire Extérieure/ }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Les quatre piliers parmi les présent·es" })).toHaveCount(0);

  // Cancel the copy.
  await page.getByRole("button", { name: "Annuler la réunion" }).click();
  const cancelDialog = page.getByRole("alertdialog", { name: "Annuler la réunion ?" });
  await expect(cancelDialog.getByRole("button", { name: "Garder la réunion" })).toBeFocused();
  await expectAccessible(page, "cancel dialog");
  await cancelDialog.getByRole("button", { name: "Annuler la réunion" }).click();
  await expect(cancelDialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "La réunion est annulée." })).toBeVisible();
  await expect(page.getByText("Réunion annulée", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Modifier", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ajouter le point" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Dupliquer", exact: true })).toBeVisible();

  // Back in the calendar, the copy is struck through, marked "annulée"; the months change with the keyboard.
  await page.getByRole("link", { name: "Revenir au calendrier des réunions" }).click();
  await expect(page.getByRole("heading", { level: 2, name: frMonth(copyDate) })).toBeVisible();
  await expect(grid.getByRole("link", { name: `14 h 30 ${title} annulée` })).toBeVisible();
  await expect(grid.getByRole("link", { name: `14 h 30 ${title}`, exact: true })).toBeVisible();
  const previous = page.getByRole("button", { name: "Mois précédent" });
  await previous.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: frMonth(parisToday()) })).toBeVisible();
  await expect(previous).toBeFocused();
  // "Mois en cours" is disabled on the current month: Tab goes straight to "Mois suivant".
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Mois suivant" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: frMonth(date) })).toBeVisible();

  // The list view: meetings to come, the cancelled one marked.
  await page.getByRole("tab", { name: "Liste" }).click();
  const upcoming = page.getByRole("table", { name: "Réunions à venir" });
  await expect(upcoming.getByRole("row", { name: new RegExp(title) })).toHaveCount(2);
  await expect(
    upcoming.getByRole("row", { name: new RegExp(title) }).filter({ hasText: "Annulée" }),
  ).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2, name: "Passées" })).toBeVisible();
  await expectAccessible(page, "meetings list");
  // Filtered by another instance, the COPIL's meetings are gone.
  await choose(page, page, "Instance", "Comité technique");
  await expect(page).toHaveURL(/instance=/);
  await expect(upcoming.getByRole("row", { name: new RegExp(title) })).toHaveCount(0);
});

test("a member of the CLSM reads the meetings without any write action", async ({ page, browser }) => {
  // The coordination schedules a COPIL meeting next month (through the API).
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  const clsmId = page.url().split("/clsm/")[1];
  const instances = await (await page.request.get(`/api/clsms/${clsmId}/instances`)).json();
  const copil = instances.items.find((i: { name: string }) => i.name === "Comité de pilotage");
  const title = `COPIL lecture e2e ${Date.now().toString(36)}`;
  const date = nextMonthDay(10);
  const created = await page.request.post(`/api/clsms/${clsmId}/meetings`, {
    data: { title, instanceId: copil.id, date, time: "09:30", placeName: "Mairie" },
  });
  expect(created.status()).toBe(201);
  const meeting = await created.json();
  const agenda = await page.request.post(`/api/clsms/${clsmId}/meetings/${meeting.id}/agenda`, {
    data: { title: "Point d'étape", durationMinutes: 20 },
  });
  expect(agenda.status()).toBe(200);

  // A member (the UNAFAM delegate) sees the calendar and the meeting, but nothing to change.
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await signIn(memberPage, "aidante@clsm-saintbrieuc.demo");
  await memberPage.goto(`/clsm/${clsmId}/reunions?mois=${date.slice(0, 7)}`);
  await expect(memberPage.getByRole("heading", { level: 1 })).toHaveText("Réunions");
  await expect(memberPage.getByRole("heading", { level: 2, name: frMonth(date) })).toBeVisible();
  await expect(memberPage.getByRole("button", { name: "Programmer une réunion" })).toHaveCount(0);
  await memberPage
    .getByRole("table", { name: /^Réunions de / })
    .getByRole("link", { name: `9 h 30 ${title}` })
    .click();
  await expect(memberPage.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(memberPage.getByRole("list", { name: "Ordre du jour" })).toContainText("Point d'étape");
  for (const name of [
    "Modifier",
    "Dupliquer",
    "Annuler la réunion",
    "Supprimer",
    "Ajouter le point",
    "Inviter des personnes",
  ])
    await expect(memberPage.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(memberPage.getByRole("button", { name: /^Monter/ })).toHaveCount(0);
  await expect(memberPage.getByRole("columnheader", { name: "Convocation" })).toHaveCount(0);
  await expect(memberPage.getByRole("heading", { name: "Émargement" })).toHaveCount(0);
  await expectAccessible(memberPage, "meeting page (member)");
  await member.close();
});
