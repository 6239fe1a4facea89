import { expect } from "vitest";
import type { MeetingDetail } from "../../src/contracts/meetings";
import type { Person, TestApp } from "./app";

// Meetings factories, through the API.

export const meetingsUrl = (clsmId: string, path = "") => `/api/clsms/${clsmId}/meetings${path}`;

export async function createMeeting(
  t: TestApp,
  by: Person,
  clsmId: string,
  body: Record<string, unknown>,
): Promise<MeetingDetail> {
  const res = await t.request(by, { method: "POST", url: meetingsUrl(clsmId), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as MeetingDetail;
}

export async function getMeeting(t: TestApp, by: Person, clsmId: string, meetingId: string) {
  const res = await t.request(by, { method: "GET", url: meetingsUrl(clsmId, `/${meetingId}`) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MeetingDetail;
}

export async function addAgendaItem(
  t: TestApp,
  by: Person,
  clsmId: string,
  meetingId: string,
  body: Record<string, unknown>,
): Promise<MeetingDetail> {
  const res = await t.request(by, {
    method: "POST",
    url: meetingsUrl(clsmId, `/${meetingId}/agenda`),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MeetingDetail;
}
