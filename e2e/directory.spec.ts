import { expect, type Page, test } from "@playwright/test";
import { COORDINATOR, expectAccessible, field, openClsm, signIn } from "./helpers";

const SAINT_BRIEUC = "CLSM de Saint-Brieuc Armor Agglomération";

/** Chooses an option of a React Aria select, by the select's label. */
async function choose(
  scope: Page | ReturnType<Page["getByRole"]>,
  page: Page,
  label: string,
  option: string,
) {
  await scope.getByRole("button", { name: new RegExp(`${label}$`) }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The number of people shown for a pillar on the dashboard (0 when it is missing). */
async function pillarCount(page: Page, label: string): Promise<number> {
  const card = page.getByRole("region", { name: label, exact: true });
  await expect(card).toBeVisible();
  const text = (await card.textContent()) ?? "";
  const m = text.match(/Représenté · (\d+)/);
  return m ? Number(m[1]) : 0;
}

test("a coordinator adds a structure and a carer, finds them without accents, and the pillars change", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const h1 = page.getByRole("heading", { level: 1 });
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  await expect(page.getByRole("heading", { name: "Les quatre piliers" })).toBeVisible();

  // The pillars dashboard before.
  await page.getByRole("link", { name: "Annuaire" }).click();
  await expect(h1).toHaveText("Annuaire");
  await expect(h1).toBeFocused();
  await expectAccessible(page, "directory");
  await page.getByRole("navigation", { name: "Annuaire" }).getByRole("link", { name: "Piliers" }).click();
  await expect(h1).toHaveText("Les quatre piliers");
  const carersBefore = await pillarCount(page, "Aidants");
  if (carersBefore === 0) {
    await expect(page.getByRole("status").filter({ hasText: "Pilier manquant" })).toContainText("Aidants");
  }
  await expectAccessible(page, "pillars dashboard");

  // A structure.
  await page.getByRole("navigation", { name: "Annuaire" }).getByRole("link", { name: "Structures" }).click();
  await expect(h1).toHaveText("Structures");
  await page.getByRole("button", { name: "Ajouter une structure" }).click();
  const structureDialog = page.getByRole("dialog", { name: "Ajouter une structure" });
  await expect(structureDialog).toBeVisible();
  await expectAccessible(page, "add structure dialog");
  await field(page, "Nom de la structure").fill("Maison des Aidants de Plérin");
  await choose(structureDialog, page, "Type", "Association");
  await choose(structureDialog, page, "Collège", "Aidants / proches");
  await field(page, "Numéro SIRET").fill("123");
  await structureDialog.getByRole("button", { name: "Enregistrer" }).click();
  // The server's message shows under its field.
  await expect(structureDialog.getByText("Le numéro SIRET compte 14 chiffres.")).toBeVisible();
  await field(page, "Numéro SIRET").fill("");
  await field(page, "Adresse e-mail").fill("contact@aidants-plerin.example");
  await structureDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(h1).toHaveText("Maison des Aidants de Plérin");
  await expect(page.getByRole("status").filter({ hasText: "est ajoutée" })).toBeVisible();
  await expectAccessible(page, "structure page");
  await page.getByRole("button", { name: "Modifier la structure" }).click();
  const editDialog = page.getByRole("dialog", { name: "Modifier Maison des Aidants de Plérin" });
  await expect(field(page, "Adresse e-mail")).toHaveValue("contact@aidants-plerin.example");
  await field(page, "Téléphone").fill("02 96 12 34 56");
  await editDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(editDialog).toBeHidden();
  await expect(page.getByRole("definition").filter({ hasText: "02 96 12 34 56" })).toBeVisible();

  // A carer in that structure.
  await page.getByRole("button", { name: "Ajouter une personne" }).click();
  const personDialog = page.getByRole("dialog", { name: "Ajouter une personne" });
  await expectAccessible(page, "add person dialog");
  await field(page, "Prénom").fill("Gwénaëlle");
  await field(page, "Nom").fill("Le Guével");
  await field(page, "Fonction").fill("Bénévole aidante");
  await field(page, "Adresse e-mail").fill("gwenaelle.leguevel@aidants-plerin.example");
  await choose(personDialog, page, "Collège", "Aidants / proches");
  await personDialog.getByText(/accepte d'être contactée/).click();
  await expect(personDialog.getByRole("checkbox", { name: /accepte d'être contactée/ })).toBeChecked();
  await personDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(h1).toHaveText("Gwénaëlle Le Guével");
  await expect(page.getByText("Bénévole aidante · Maison des Aidants de Plérin").first()).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^Aidants$/ })).toBeVisible();
  const today = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(
    new Date(),
  );
  await expect(page.getByRole("definition").filter({ hasText: `Oui, depuis le ${today}` })).toBeVisible();
  await expectAccessible(page, "person page");

  // The confirmation says what is kept and why.
  await page.getByRole("button", { name: "Actions pour Gwénaëlle Le Guével" }).click();
  await page.getByRole("menuitem", { name: "Anonymiser" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Anonymiser Gwénaëlle Le Guével ?" });
  await expect(confirm).toContainText("Sont conservés");
  await expectAccessible(page, "anonymise confirmation");
  await confirm.getByRole("button", { name: "Annuler" }).click();
  await expect(confirm).toBeHidden();

  // Search without accents, then filter by pillar.
  await page.getByRole("link", { name: "Revenir à l'annuaire" }).click();
  await expect(h1).toHaveText("Annuaire");
  await page.getByRole("searchbox", { name: "Chercher une personne" }).fill("gwenaelle le guevel");
  const row = page.getByRole("row", { name: /LE GUÉVEL Gwénaëlle/ });
  await expect(row).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
  await choose(page, page, "Pilier", "Élus");
  await expect(page.getByText("Aucune personne ne correspond à cette recherche.")).toBeVisible();
  await choose(page, page, "Pilier", "Aidants");
  await expect(row).toBeVisible();
  await expectAccessible(page, "directory filtered");

  // Select and copy the e-mails.
  // Keyboard: Espace toggles the row's checkbox.
  await row.getByRole("checkbox", { name: "Sélectionner Gwénaëlle Le Guével" }).focus();
  await page.keyboard.press("Space");
  await expect(row.getByRole("checkbox")).toBeChecked();
  await expect(page.getByText("1 personne sélectionnée")).toBeVisible();
  await page.getByRole("button", { name: "Copier les adresses e-mail" }).click();
  await expect(page.getByText("1 adresse e-mail copiée dans le presse-papiers.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "gwenaelle.leguevel@aidants-plerin.example",
  );
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exporter la sélection (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const { readFile } = await import("node:fs/promises");
  const content = await readFile((await file.path()) ?? "", "utf8");
  expect(content).toContain("gwenaelle.leguevel@aidants-plerin.example");
  expect(content).not.toContain("Bertho");

  // The pillars dashboard counts her.
  await page.getByRole("navigation", { name: "Annuaire" }).getByRole("link", { name: "Piliers" }).click();
  await expect(h1).toHaveText("Les quatre piliers");
  await expect.poll(() => pillarCount(page, "Aidants")).toBe(carersBefore + 1);
  await expect(page.getByRole("region", { name: "Aidants", exact: true })).toContainText(
    "Gwénaëlle Le Guével",
  );
  await expect(page.getByRole("region", { name: "Aidants", exact: true })).not.toContainText("Absent");
});

test("collèges: add, map to a pillar, reorder with the keyboard, delete when empty", async ({ page }) => {
  const h1 = page.getByRole("heading", { level: 1 });
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  await page.getByRole("link", { name: "Annuaire" }).click();
  await page.getByRole("navigation", { name: "Annuaire" }).getByRole("link", { name: "Collèges" }).click();
  await expect(h1).toHaveText("Collèges");
  await expectAccessible(page, "collèges");

  await page.getByRole("button", { name: "Ajouter un collège" }).click();
  const dialog = page.getByRole("dialog", { name: "Ajouter un collège" });
  await field(page, "Nom du collège").fill("Groupe d'entraide mutuelle");
  await choose(dialog, page, "Pilier", "Personnes concernées");
  await expectAccessible(page, "add collège dialog");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Le collège « Groupe d'entraide mutuelle » est ajouté.")).toBeVisible();
  const rows = page.getByRole("row");
  const last = rows.last();
  await expect(last).toContainText("Groupe d'entraide mutuelle");
  await expect(last).toContainText("Personnes concernées");

  // Keyboard: focus "Monter", press Entrée.
  const count = await rows.count();
  await page.getByRole("button", { name: "Monter Groupe d'entraide mutuelle" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/« Groupe d'entraide mutuelle » est maintenant en position/)).toBeVisible();
  await expect(rows.nth(count - 2)).toContainText("Groupe d'entraide mutuelle");

  await page.getByRole("button", { name: "Supprimer Groupe d'entraide mutuelle" }).click();
  const confirm = page.getByRole("alertdialog");
  await expectAccessible(page, "delete collège confirmation");
  await confirm.getByRole("button", { name: "Supprimer" }).click();
  await expect(page.getByText("Le collège « Groupe d'entraide mutuelle » est supprimé.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Groupe d'entraide mutuelle/ })).toHaveCount(0);
});

test("a coordinator imports a spreadsheet: fixes a mapping, resolves a duplicate, commits, then undoes", async ({
  page,
}) => {
  const h1 = page.getByRole("heading", { level: 1 });
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  const clsmId = page.url().split("/clsm/")[1];

  // Someone already in the directory, whom the file also lists.
  const existing = await page.request.post(`/api/clsms/${clsmId}/directory/people`, {
    data: { firstName: "Erwan", lastName: "Tanguy", email: "erwan.tanguy@aidants22.example" },
  });
  expect(existing.status()).toBe(201);

  await page.getByRole("link", { name: "Annuaire" }).click();
  await page.getByRole("link", { name: "Importer un fichier" }).click();
  await expect(h1).toHaveText("Importer un fichier");
  await expectAccessible(page, "imports page");

  const csv = [
    "Civilité;Nom;Prénom;Organisme;Intitulé;Courriel;Téléphone;Collège;Ville",
    "Madame;Le Bras;Annaïg;UNAFAM 22;Déléguée départementale;annaig.lebras@unafam22.example;02 96 00 00 01;Aidants / proches;Saint-Brieuc",
    "Monsieur;Kerhervé;Loïc;Mairie de Plérin;Adjoint à la santé;loic.kerherve@plerin.example;;Élus;Plérin",
    "Madame;Morin;Sophie;GEM L'Escale;Animatrice;sophie.morin@gem-escale.example;;Personnes concernées / usagers;Saint-Brieuc",
    "Monsieur;Tanguy;Erwan;Aidants 22;Bénévole;erwan.tanguy@aidants22.example;06 00 00 00 02;Aidants / proches;Langueux",
    "Madame;Quéré;Marie;;;pas-une-adresse;;;Saint-Brieuc",
  ].join("\r\n");
  await page.getByLabel("Fichier à importer").setInputFiles({
    name: "annuaire-partenaires.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${csv}\r\n`, "utf8"),
  });
  await page.getByRole("button", { name: "Déposer le fichier" }).click();
  await expect(h1).toHaveText("Import de annuaire-partenaires.csv");
  await expectAccessible(page, "import preview");

  // "Intitulé" was not recognised: map it to the function.
  const intitule = page.getByRole("button", { name: /Colonne « Intitulé »$/ });
  await expect(intitule).toContainText("Ne pas importer");
  await intitule.click();
  await page.getByRole("option", { name: "Fonction", exact: true }).click();
  await page.getByRole("button", { name: "Appliquer la correspondance" }).click();
  await expect(page.getByText("La correspondance est appliquée ; l'aperçu est à jour.")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Fonction" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^6 / })).toContainText(/e-mail|adresse/i);

  // The duplicate: update the existing record.
  const duplicate = page.getByRole("button", { name: /Doublon de la ligne 5$/ });
  await duplicate.click();
  await page.getByRole("option", { name: "Mettre à jour", exact: true }).click();
  await expect(duplicate).toContainText("Mettre à jour");

  await page.getByRole("button", { name: "Importer dans l'annuaire" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Import terminé" })).toBeVisible();
  await expect(page.getByTestId("import-created")).toHaveText("3");
  await expect(page.getByTestId("import-updated")).toHaveText("1");
  await expectAccessible(page, "import result");

  // The imported people are in the directory, with their function.
  await page.getByRole("link", { name: "Voir l'annuaire" }).click();
  await page.getByRole("searchbox", { name: "Chercher une personne" }).fill("annaig");
  await expect(page.getByRole("row", { name: /LE BRAS Annaïg/ })).toContainText("Déléguée départementale");

  // Undo.
  await page.goBack();
  await page.getByRole("button", { name: "Annuler cet import" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Annuler cet import ?" });
  await expectAccessible(page, "undo confirmation");
  await confirm.getByRole("button", { name: "Annuler l'import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cet import a été annulé" })).toBeVisible();
  await page.getByRole("link", { name: "Revenir aux imports" }).click();
  await expect(page.getByRole("row", { name: /annuaire-partenaires\.csv/ })).toContainText("Annulé");
});

test("a member reads the directory without contact details when the coordinator hides them", async ({
  page,
  browser,
}) => {
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  await page.getByRole("link", { name: "Annuaire" }).click();
  const visibility = page.getByRole("checkbox", { name: /Les membres du CLSM voient les adresses e-mail/ });
  await expect(visibility).toBeVisible();
  const url = page.url();
  const setVisible = async (value: boolean) => {
    if ((await visibility.isChecked()) === value) return;
    await visibility.focus();
    await page.keyboard.press("Space");
    await expect(
      page.getByText(value ? /Les membres du CLSM voient désormais/ : /Seule la coordination voit/),
    ).toBeVisible();
  };
  await setVisible(false);

  const memberContext = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const member = await memberContext.newPage();
  try {
    await signIn(member, "aidante@clsm-saintbrieuc.demo");
    await member.goto(url);
    await expect(member.getByRole("heading", { level: 1 })).toHaveText("Annuaire");
    await expect(member.getByRole("row").nth(1)).toBeVisible();
    await expect(member.getByRole("columnheader", { name: "Contact" })).toHaveCount(0);
    await expect(member.getByRole("button", { name: "Ajouter une personne" })).toHaveCount(0);
    await expect(member.getByRole("link", { name: "Imports" })).toHaveCount(0);
    await expect(member.getByRole("checkbox", { name: /Les membres du CLSM voient/ })).toHaveCount(0);
    await expectAccessible(member, "directory as a member");
    await member.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(
      member.getByText("Les coordonnées ne sont visibles que par la coordination de ce CLSM."),
    ).toBeVisible();
    await expect(member.getByRole("button", { name: /^Actions pour/ })).toHaveCount(0);
  } finally {
    await memberContext.close();
  }
  await setVisible(true);
});

test("a person's page: change of role keeps the history, merge, personal data export, anonymisation", async ({
  page,
}) => {
  const h1 = page.getByRole("heading", { level: 1 });
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  const clsmId = page.url().split("/clsm/")[1];
  const create = async (data: Record<string, unknown>) => {
    const response = await page.request.post(`/api/clsms/${clsmId}/directory/people`, { data });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const id = await create({
    firstName: "Yannick",
    lastName: "Le Corre",
    email: "yannick.lecorre@exemple.example",
    role: { function: "Éducateur spécialisé" },
  });
  await create({ firstName: "Yannick", lastName: "Le Corre (doublon)", phone: "02 96 11 22 33" });

  await page.goto(`/clsm/${clsmId}/annuaire/personnes/${id}`);
  await expect(h1).toHaveText("Yannick Le Corre");
  const actions = page.getByRole("button", { name: "Actions pour Yannick Le Corre" });

  // Edit the record: the server's field message shows under the field, then it saves.
  await actions.click();
  await page.getByRole("menuitem", { name: "Modifier la fiche" }).click();
  const editDialog = page.getByRole("dialog", { name: "Modifier la fiche de Yannick Le Corre" });
  await expectAccessible(page, "edit person dialog");
  await field(page, "Téléphone").fill("pas un numéro");
  await editDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(editDialog.getByText("Numéro de téléphone invalide.")).toBeVisible();
  await field(page, "Téléphone").fill("02 96 44 55 66");
  await choose(editDialog, page, "Pilier représenté", "Personnes concernées");
  await editDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(editDialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "La fiche est enregistrée." })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "02 96 44 55 66" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^Personnes concernées$/ })).toBeVisible();

  // A new role ends the current one, which stays in the history.
  await actions.click();
  await page.getByRole("menuitem", { name: "Changer de fonction" }).click();
  const roleDialog = page.getByRole("dialog", { name: "Nouvelle fonction de Yannick Le Corre" });
  await expect(roleDialog).toContainText("Éducateur spécialisé");
  await expectAccessible(page, "change role dialog");
  await field(page, "Nouvelle fonction").fill("Chef de service");
  await roleDialog.getByRole("button", { name: "Enregistrer la fonction" }).click();
  await expect(roleDialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "la précédente est close" })).toBeVisible();
  const history = page.getByRole("table", { name: "Fonctions successives" });
  await expect(history.getByRole("row", { name: /Chef de service/ })).toContainText("En cours");
  await expect(history.getByRole("row", { name: /Éducateur spécialisé/ })).not.toContainText("En cours");

  // A role entered by mistake is removed; the current one is closed today.
  await history.getByRole("button", { name: "Supprimer la fonction Éducateur spécialisé" }).click();
  const removeRole = page.getByRole("alertdialog", { name: "Supprimer cette fonction ?" });
  await expectAccessible(page, "delete role confirmation");
  await removeRole.getByRole("button", { name: "Supprimer la fonction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "est supprimée de l'historique" })).toBeVisible();
  await expect(history.getByRole("row", { name: /Éducateur spécialisé/ })).toHaveCount(0);
  await history.getByRole("button", { name: "Clore la fonction Chef de service aujourd'hui" }).click();
  await expect(page.getByRole("status").filter({ hasText: "est close à la date du jour" })).toBeVisible();
  await expect(history.getByRole("row", { name: /Chef de service/ })).not.toContainText("En cours");

  // Merge the duplicate record, found by searching.
  await actions.click();
  await page.getByRole("menuitem", { name: "Fusionner avec une autre fiche" }).click();
  const mergeDialog = page.getByRole("dialog", { name: "Fusionner la fiche de Yannick Le Corre" });
  await mergeDialog.getByRole("searchbox", { name: "Chercher l'autre fiche" }).fill("le corre");
  await mergeDialog.getByRole("button", { name: "Choisir Yannick Le Corre (doublon)" }).click();
  await expectAccessible(page, "merge dialog");
  await mergeDialog.getByRole("button", { name: "Fusionner les deux fiches" }).click();
  await expect(mergeDialog).toBeHidden();
  await expect(
    page.getByRole("status").filter({ hasText: "Les deux fiches sont fusionnées." }),
  ).toBeVisible();

  // Everything held about the person, as JSON.
  await actions.click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Exporter ses données (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("donnees-le-corre-yannick.json");

  // Anonymise: the page says what was kept.
  await actions.click();
  await page.getByRole("menuitem", { name: "Anonymiser" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Anonymiser la fiche" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Fiche anonymisée" })).toBeVisible();
  await expect(h1).not.toHaveText("Yannick Le Corre");
  await expect(page.getByRole("table", { name: "Fonctions successives" })).toContainText("Chef de service");
  await expectAccessible(page, "anonymised person");
});

test("structures: merge a duplicate, then delete", async ({ page }) => {
  const h1 = page.getByRole("heading", { level: 1 });
  await signIn(page, COORDINATOR);
  await openClsm(page, SAINT_BRIEUC);
  const clsmId = page.url().split("/clsm/")[1];
  const create = async (name: string) => {
    const response = await page.request.post(`/api/clsms/${clsmId}/directory/structures`, {
      data: { name, type: "association" },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const id = await create("Club house Ty Kreiz");
  await create("Clubhouse Ty Kreiz (ancien nom)");

  await page.goto(`/clsm/${clsmId}/annuaire/structures/${id}`);
  await expect(h1).toHaveText("Club house Ty Kreiz");
  await page.getByRole("button", { name: "Fusionner" }).click();
  const dialog = page.getByRole("dialog", { name: "Fusionner une autre structure dans Club house Ty Kreiz" });
  await dialog.getByRole("searchbox", { name: "Chercher l'autre structure" }).fill("ty kreiz");
  await dialog.getByRole("button", { name: "Choisir Clubhouse Ty Kreiz (ancien nom)" }).click();
  await expectAccessible(page, "merge structures dialog");
  await dialog.getByRole("button", { name: "Fusionner les deux structures" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole("status").filter({ hasText: "Les deux structures sont fusionnées." }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Supprimer" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Supprimer Club house Ty Kreiz ?" });
  await expect(confirm).toContainText("historique de fonctions est conservé");
  await confirm.getByRole("button", { name: "Supprimer la structure" }).click();
  await expect(h1).toHaveText("Structures");
  await expect(page.getByRole("status").filter({ hasText: "est supprimée" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Chercher une structure" }).fill("ty kreiz");
  await expect(page.getByText("Aucune structure ne correspond à cette recherche.")).toBeVisible();
});
