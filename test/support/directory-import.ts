import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { ImportDetail } from "../../src/contracts/directory-import";
import type { Person, TestApp } from "./app";

export const importsUrl = (clsmId: string, path = "") => `/api/clsms/${clsmId}/directory/imports${path}`;
export const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/directory/${name}`, import.meta.url));

export async function upload(
  t: TestApp,
  by: Person,
  clsmId: string,
  fileName: string,
  body: Buffer | string,
) {
  return t.request(by, {
    method: "POST",
    url: importsUrl(clsmId),
    query: { fileName },
    payload: body,
    headers: { "content-type": "application/octet-stream" },
  });
}

export async function uploaded(
  t: TestApp,
  by: Person,
  clsmId: string,
  fileName: string,
  body: Buffer | string,
) {
  const res = await upload(t, by, clsmId, fileName, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ImportDetail;
}
