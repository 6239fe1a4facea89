import { asc, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { expect } from "vitest";
import { mailMessage } from "../../src/server/mail/tables";
import type { Person, TestApp } from "./app";
import { collegeId, createPerson } from "./directory";
import { createTenant } from "./factories";
import { addMembers, createInstance } from "./governance";
import { meetingsUrl } from "./meetings";

// Convocations, answers and calendar feeds: factories and readers for their tests.

/** A day relative to today, YYYY-MM-DD (tests must not depend on the date they run). */
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let counter = 0;
/** An address no other test uses (tests of a file share their database). */
export const uniqueEmail = (name: string) =>
  `${name}.${++counter}.${Math.random().toString(36).slice(2, 7)}@exemple.test`;

/** A CLSM with a COPIL of two people, one with an e-mail address and one without. */
export async function copil(t: TestApp) {
  const tenant = await createTenant(t);
  const { clsm, coordinator } = tenant;
  const elus = await collegeId(t, coordinator, clsm.id, "elus");
  const usagers = await collegeId(t, coordinator, clsm.id, "usagers");
  const mayorEmail = uniqueEmail("anne.maire");
  const mayor = await createPerson(t, coordinator, clsm.id, {
    firstName: "Anne",
    lastName: "Maire",
    email: mayorEmail,
    collegeId: elus,
  });
  const gem = await createPerson(t, coordinator, clsm.id, {
    firstName: "Noé",
    lastName: "Gem",
    collegeId: usagers,
  });
  const instance = await createInstance(t, coordinator, clsm.id, { kind: "copil", name: "COPIL" });
  await addMembers(t, coordinator, clsm.id, instance.id, { personIds: [mayor.id, gem.id] });
  return { ...tenant, copil: instance, mayor, mayorEmail, gem };
}

export async function convene(
  t: TestApp,
  by: Person,
  clsmId: string,
  meetingId: string,
  body: Record<string, unknown> = { scope: "pending" },
) {
  const res = await t.request(by, {
    method: "POST",
    url: meetingsUrl(clsmId, `/${meetingId}/convocations`),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { sent: number; withoutEmail: number };
}

/** Every mail recorded for an address, oldest first. */
export async function mailsTo(t: TestApp, email: string) {
  return t.database.db
    .select()
    .from(mailMessage)
    .where(eq(mailMessage.to, email))
    .orderBy(asc(mailMessage.createdAt));
}

export async function lastMail(t: TestApp, email: string) {
  const mails = await mailsTo(t, email);
  const last = mails.at(-1);
  if (!last) throw new Error(`no mail to ${email}`);
  return last;
}

/** The calendar and its (single) event, parsed with ical.js. */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent");
  const event = events[0];
  if (!event) throw new Error("no VEVENT");
  return { calendar, event, events };
}

/** The answer link (/reponse/<token>) of a mail's text. */
export function rsvpLinkIn(text: string): URL {
  const match = /https?:\/\/\S+\/reponse\/\S+/.exec(text);
  if (!match) throw new Error(`no answer link in: ${text}`);
  return new URL(match[0]);
}
