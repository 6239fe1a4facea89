import { expect, test } from "@playwright/test";
import { COORDINATOR, DEMO_PASSWORD, expectAccessible, field, signIn } from "./helpers";

test.describe("Connexion", () => {
  test("the sign-in page is accessible and titled", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(page).toHaveTitle("Connexion – Maillage");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
    await expect(page.getByRole("main")).toBeVisible();
    await expectAccessible(page, "sign-in page");
  });

  test("a wrong password shows the server's message, announced", async ({ page }) => {
    await page.goto("/connexion");
    await field(page, "Adresse e-mail").fill("aidante@clsm-saintbrieuc.demo");
    await field(page, "Mot de passe").fill("pas-le-bon-mot-de-passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect.");
    await expect(page).toHaveURL(/\/connexion$/);
    await expectAccessible(page, "sign-in page with an error");
  });

  test("repeated failures are slowed down, and the 429 message is shown", async ({ page }) => {
    await page.goto("/connexion");
    await field(page, "Adresse e-mail").fill("personne-inconnue@exemple.fr");
    await field(page, "Mot de passe").fill("mauvais-mot-de-passe");
    let lastStatus = 0;
    for (let attempt = 0; attempt < 8 && lastStatus !== 429; attempt++) {
      const response = page.waitForResponse((r) => r.url().endsWith("/api/session"));
      await page.getByRole("button", { name: "Se connecter" }).click();
      lastStatus = (await response).status();
    }
    expect(lastStatus).toBe(429);
    await expect(page.getByRole("alert")).toContainText(
      "Trop d'échecs de connexion pour cette adresse. Réessayez dans",
    );
  });

  test("empty fields get French messages next to them, without calling the server", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Indiquez une adresse e-mail.")).toBeVisible();
    await expect(page.getByText("Indiquez votre mot de passe.")).toBeVisible();
    await expect(field(page, "Adresse e-mail")).toBeFocused();
  });

  test("keyboard only: skip link, fields, Entrée, then sign out from the user menu", async ({ page }) => {
    await page.goto("/connexion");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip).toBeFocused();
    // The next stops: the brand link, then the e-mail field.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(field(page, "Adresse e-mail")).toBeFocused();
    await page.keyboard.type(COORDINATOR);
    await page.keyboard.press("Tab");
    await expect(field(page, "Mot de passe")).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/clsm\/[0-9a-f-]{36}$/);
    // After navigation, focus is on the page's heading.
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

    const account = page.getByRole("button", { name: /Mon compte : Nadia Le Goff/ });
    await account.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Se déconnecter" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/connexion\?deconnecte=1$/);
    await expect(page.getByRole("status").filter({ hasText: "Vous êtes déconnecté·e" })).toBeVisible();

    // The session is gone: a protected page sends back to sign-in, remembering where to return.
    await page.goto("/admin/personnes");
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fadmin%2Fpersonnes$/);
  });

  test("after sign-in, people go back to the page they asked for", async ({ page }) => {
    await page.goto("/clsm");
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fclsm$/);
    await field(page, "Adresse e-mail").fill("national@maillage.demo");
    await field(page, "Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/clsm$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tous les CLSM");
    await expect(page.getByRole("link", { name: "CLSM de Saint-Brieuc Armor Agglomération" })).toBeVisible();
    await expectAccessible(page, "all CLSMs list");
  });

  test("magic link: a neutral confirmation, whatever the address", async ({ page }) => {
    await page.goto("/connexion");
    await field(page, "Adresse e-mail pour recevoir le lien").fill("personne@inconnue.example");
    await page.getByRole("button", { name: "Recevoir un lien de connexion par e-mail" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Si un compte existe pour cette adresse" }),
    ).toBeVisible();
  });

  test("an expired link says so", async ({ page }) => {
    await page.goto("/connexion?erreur=lien");
    await expect(page.getByRole("alert")).toContainText("Ce lien n'est plus valide");
  });

  test("forgotten password and reset pages", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await expect(page).toHaveTitle("Mot de passe oublié – Maillage");
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await field(page, "Adresse e-mail").fill(COORDINATOR);
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Si un compte existe" })).toBeVisible();
    await expectAccessible(page, "forgotten password page");

    await page.goto("/reinitialiser-mot-de-passe?token=jeton-invalide");
    await field(page, "Nouveau mot de passe").fill("un mot de passe assez long");
    await field(page, "Confirmer le mot de passe").fill("un mot de passe différent");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await expect(page.getByText("Les deux mots de passe ne sont pas identiques.")).toBeVisible();
    await field(page, "Confirmer le mot de passe").fill("un mot de passe assez long");
    // Entrée in the field submits (a click could land elsewhere while the fixed error message disappears).
    await field(page, "Confirmer le mot de passe").press("Enter");
    await expect(page.getByRole("alert")).toContainText("Ce lien n'est plus valide");
    await expect(page.getByRole("link", { name: "Demander un nouveau lien" })).toBeVisible();
    await expectAccessible(page, "reset password page");
  });

  test("signing in as someone already signed in goes home", async ({ page }) => {
    await signIn(page, COORDINATOR);
    await page.goto("/connexion");
    await expect(page).toHaveURL(/\/clsm\//);
  });
});
