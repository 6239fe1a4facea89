import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { account, user } from "../src/server/accounts/tables";
import type { Services } from "../src/server/app";
import { answerGenerator, seededRandom } from "../src/server/demo/survey-answers";
import { surveyAnswerTag, surveyResponse } from "../src/server/diagnostic/tables";
import type { Actor } from "../src/server/platform/access";
import { addDays } from "../src/server/platform/dates";
import type { Db } from "../src/server/platform/db";

// The surveys bench's dataset: a CLSM on a real intercommunal territory (Saint-Brieuc Armor Agglomération, 32
// communes), its coordinator with a password, and one residents' survey from the shipped template with `count`
// seeded answers spread over sixty days, inserted 1,000 per statement; one comment in ten tagged.

const SAINT_BRIEUC_AGGLO = "200069409";
export const BENCH_PASSWORD = "bench-des-enquetes";

export interface SurveyDataset {
  clsmId: string;
  surveyId: string;
  coordinatorEmail: string;
  answers: number;
  seconds: number;
}

export async function loadSurveyDataset(db: Db, services: Services, count: number): Promise<SurveyDataset> {
  const started = performance.now();
  const coordinatorId = randomUUID();
  const coordinatorEmail = `coordination-${coordinatorId.slice(0, 8)}@bench.test`;
  await db
    .insert(user)
    .values({ id: coordinatorId, email: coordinatorEmail, name: "Coordination", emailVerified: true });
  await db.insert(account).values({
    id: randomUUID(),
    accountId: coordinatorId,
    providerId: "credential",
    userId: coordinatorId,
    password: await hashPassword(BENCH_PASSWORD),
  });
  const admin: Actor = {
    userId: coordinatorId,
    name: "Bench",
    email: coordinatorEmail,
    platformRole: "admin",
    arsRegionCode: null,
    memberships: [],
  };
  const clsm = await services.workspaces.create(admin, {
    name: "CLSM du banc des enquêtes",
    status: "actif",
    territory: { communeCodes: [], epciCodes: [SAINT_BRIEUC_AGGLO], quartiers: [] },
  });
  await services.workspaces.addMember(admin, clsm.id, {
    email: coordinatorEmail,
    role: "coordinator",
    isChair: false,
    isColead: false,
  });
  const created = await services.surveys.create(admin, clsm.id, {
    title: "Perception de la santé mentale",
    audience: "public",
    anonymous: true,
    templateKey: "perception-habitants",
  });
  const communes = await services.workspaces.territoryCommunes(db, clsm.id);
  const random = seededRandom(20_000);
  const next = answerGenerator(created.definition, random, {
    communes: communes.map((c) => ({ code: c.code, weight: c.population })),
    skip: 0.1,
    today: "2026-06-30",
  });
  for (let done = 0; done < count; done += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - done) }, (_, i) => {
      const kept = next();
      return {
        clsmId: clsm.id,
        surveyId: created.id,
        submittedOn: addDays("2026-05-01", (done + i) % 60),
        answers: kept.answers,
        others: kept.others,
      };
    });
    const ids = await db.insert(surveyResponse).values(rows).returning({ id: surveyResponse.id });
    const tags = rows.flatMap((r, i) => {
      const id = ids[i]?.id;
      return id && typeof r.answers.commentaire === "string" && random() < 0.1
        ? [
            {
              clsmId: clsm.id,
              surveyId: created.id,
              responseId: id,
              questionId: "commentaire",
              tag: "À relire",
            },
          ]
        : [];
    });
    if (tags.length) await db.insert(surveyAnswerTag).values(tags);
  }
  return {
    clsmId: clsm.id,
    surveyId: created.id,
    coordinatorEmail,
    answers: count,
    seconds: (performance.now() - started) / 1000,
  };
}
