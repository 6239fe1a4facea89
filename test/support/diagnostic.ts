import type { TestApp } from "./app";
import type { DirectoryIds } from "./directory";
import type { Tenant } from "./factories";

/**
 * Records of the diagnostic domain in a tenant, by the name of the path parameter that takes their id
 * (`surveyId`, `needId`…), so the route-wide tests (isolation) reach each diagnostic route with an id that exists.
 * Each part of the domain creates its own records below.
 */
export async function diagnosticIds(
  _t: TestApp,
  _tenant: Tenant,
  _d: Omit<DirectoryIds, "diagnostic">,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  return ids;
}
