import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "maillage-demo";
export const ADMIN = "admin@maillage.demo";
export const COORDINATOR = "coordination@clsm-saintbrieuc.demo";

/** A textbox by its exact accessible name (labels carry a decorative, aria-hidden "*"). */
export const field = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await field(page, "Adresse e-mail").fill(email);
  await field(page, "Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
}

/** Waits until a CLSM home has loaded; returns its name. */
export async function clsmHomeName(page: Page): Promise<string> {
  await expect(page.getByTestId("population")).toBeVisible();
  return (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
}

/** From a CLSM home, opens another of one's CLSMs through the switcher (if not already shown). */
export async function openClsm(page: Page, name: string) {
  if ((await clsmHomeName(page)) === name) return;
  await page.getByRole("button", { name: /Changer de CLSM/ }).click();
  await page.getByRole("menuitem", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("population")).toBeVisible();
}

export interface AxeOptions {
  /**
   * A React Aria list box or menu is open: React Aria hides the rest of the page from assistive
   * technologies (aria-hidden) while focus stays in the widget, which axe reports as aria-hidden-focus.
   */
  overlayOpen?: boolean;
}

/** Fails on any axe violation of impact "serious" or "critical" (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, context: string, options: AxeOptions = {}) {
  let builder = new AxeBuilder({ page }).withTags([
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "best-practice",
  ]);
  if (options.overlayOpen) builder = builder.disableRules(["aria-hidden-focus"]);
  const results = await builder.analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  - ${n.target.join(" ")}`).join("\n")}`,
    )
    .join("\n");
  expect(blocking, `${context}\n${report}`).toEqual([]);
}

/** French integer formatting uses narrow no-break spaces: compare digits only. */
export const digits = (text: string | null) => (text ?? "").replace(/\D/g, "");
