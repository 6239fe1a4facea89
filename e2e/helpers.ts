import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "maillage-demo";
export const ADMIN = "admin@maillage.demo";
export const COORDINATOR = "coordination@clsm-saintbrieuc.demo";

/** A textbox by its exact accessible name (labels carry a decorative, aria-hidden "*"). */
export const field = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/**
 * Signs in through the API (the session cookie lands in the page's context) and opens the home page: the sign-in
 * form itself is driven by sign-in.spec.ts, the other specs need only to be signed in.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const res = await page.request.post("/api/session", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto("/");
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

/** The overlay of a modal dialog (ui/ModalDialog). */
const MODAL = ".modal-overlay";

/** Fails on any axe violation of impact "serious" or "critical" (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, context: string, options: AxeOptions = {}) {
  // Only violations are reported: axe does not gather every passing node, a fifth of its time. (options() replaces
  // all options: it comes first.)
  let builder = new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  if (options.overlayOpen) builder = builder.disableRules(["aria-hidden-focus"]);
  // While a modal dialog is open the page behind it is inert, and was checked before the dialog opened: only the
  // dialog is checked (axe on a whole page costs seconds, on a dialog a fraction).
  if (await page.locator(MODAL).count()) builder = builder.include(MODAL);
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
