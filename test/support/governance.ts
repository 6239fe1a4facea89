import { expect } from "vitest";
import type { InstanceDetail } from "../../src/contracts/governance";
import type { Person, TestApp } from "./app";

// Governance factories: instances and their members, through the API.

export const instancesUrl = (clsmId: string, path = "") => `/api/clsms/${clsmId}/instances${path}`;

export async function createInstance(
  t: TestApp,
  by: Person,
  clsmId: string,
  body: Record<string, unknown>,
): Promise<InstanceDetail> {
  const res = await t.request(by, { method: "POST", url: instancesUrl(clsmId), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as InstanceDetail;
}

export async function addMembers(
  t: TestApp,
  by: Person,
  clsmId: string,
  instanceId: string,
  body: { personIds: string[]; role?: string; startDate?: string },
) {
  const res = await t.request(by, {
    method: "POST",
    url: instancesUrl(clsmId, `/${instanceId}/members`),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { added: number; alreadyMembers: number };
}

export async function getInstance(t: TestApp, by: Person, clsmId: string, instanceId: string) {
  const res = await t.request(by, { method: "GET", url: instancesUrl(clsmId, `/${instanceId}`) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as InstanceDetail;
}
