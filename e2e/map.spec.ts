import { expect, test } from "@playwright/test";
import { COORDINATOR, clsmHomeName, openClsm, signIn } from "./helpers";

test("communes without a shape are listed under the map, and a broken shape does not crash the page", async ({
  page,
}) => {
  // The API lists communes it has no shape for in `missing`; simulate that, plus a feature without geometry.
  await page.route("**/api/clsms/*/map", async (route) => {
    const response = await route.fetch();
    const map = await response.json();
    const [first, second] = map.features;
    await route.fulfill({
      response,
      json: {
        ...map,
        features: [
          first,
          second,
          { type: "Feature", properties: { code: "99999", name: "Sans forme" }, geometry: null },
        ],
        missing: [{ code: "22278", name: "Saint-Brieuc" }],
      },
    });
  });
  await signIn(page, COORDINATOR);
  await openClsm(page, "CLSM de Saint-Brieuc Armor Agglomération");
  const map = page.getByRole("img", { name: /Carte du territoire/ });
  await expect(map.locator("path")).toHaveCount(2);
  await expect(map).toHaveAccessibleName(/2 communes dessinées/);
  await expect(page.getByText("Sans contour disponible : Saint-Brieuc (22278).")).toBeVisible();
});

test("when the map cannot load, the rest of the home still shows", async ({ page }) => {
  await page.route("**/api/clsms/*/map", (route) =>
    route.fulfill({ status: 500, json: { error: { code: "INTERNAL", message: "Erreur de test." } } }),
  );
  await signIn(page, COORDINATOR);
  await clsmHomeName(page);
  await expect(page.getByRole("alert")).toContainText("La carte n'a pas pu être chargée. Erreur de test.");
  await expect(page.getByRole("table", { name: /Communes du territoire/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Membres/ })).toBeVisible();
});
