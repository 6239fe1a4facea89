import {
  type Answers,
  allQuestions,
  OTHER,
  type Question,
  type SurveyDefinition,
  visibleQuestions,
} from "../../../contracts/survey-definition";
import type { CountItem, QuestionFigures, QuestionResult } from "../../../contracts/survey-results";
import type { Db } from "../../platform/db";
import { resultsMessages as m } from "./messages";
import * as repo from "./repo";

// Turns the grouped counts of the repo into the figures of each question: seen / answered, counts and
// percentages, means, medians, bins… for everyone and, with a cross-tab, for each group of respondents.

const ALL: unique symbol = Symbol("all");
type GroupKey = string | null | typeof ALL;

/** What the answers of one question hold, for one group of respondents (or everyone). */
interface Bucket {
  seen: number;
  answered: number;
  /** Counts per value, month or part ("c1", "row col", "choice rank"). */
  tokens: Map<string, number>;
  /** Counts per number, for ratings and numbers (means, medians and bins come from them). */
  numbers: Map<number, number>;
}

const emptyBucket = (): Bucket => ({ seen: 0, answered: 0, tokens: new Map(), numbers: new Map() });

export interface ResultsInput {
  clsmId: string;
  surveyId: string;
  definition: SurveyDefinition;
  /** INSEE code → name, for the territory's communes. */
  communes: Map<string, string>;
  /** What splits the results (checked by the caller), or nothing. */
  by: CrossTab | null;
}

/**
 * A cross-tab: by a question (single choice, scale, yes/no, commune) or, for a named survey, by the directory
 * collège of those who answered through their personal link (the CLSM's collèges in their order).
 */
export type CrossTab =
  | { kind: "question"; question: Question }
  | { kind: "college"; colleges: { id: string; name: string }[] };

export interface ComputedResults {
  respondents: number;
  days: { day: string; count: number }[];
  groups: { key: string | null; label: string; respondents: number }[] | null;
  questions: QuestionResult[];
}

const valueKind: Record<Question["type"], repo.ValueKind> = {
  single_choice: "value",
  scale: "value",
  commune: "value",
  rating: "value",
  yes_no: "value",
  number: "value",
  date: "month",
  multiple_choice: "json",
  matrix: "json",
  ranking: "json",
  short_text: "count",
  long_text: "count",
};

/** The parts one distinct answer is counted under (yes/no as "yes"/"no"; a matrix as "row column"…). */
function partsOf(q: Question, v: string): string[] {
  switch (q.type) {
    case "yes_no":
      return [v === "true" ? "yes" : "no"];
    case "multiple_choice": {
      const picked: unknown = JSON.parse(v);
      return Array.isArray(picked) ? picked.map(String) : [];
    }
    case "ranking": {
      const order: unknown = JSON.parse(v);
      return Array.isArray(order) ? order.map((id, i) => `${id} ${i + 1}`) : [];
    }
    case "matrix": {
      const cells: unknown = JSON.parse(v);
      return cells && typeof cells === "object" ? Object.entries(cells).map(([r, c]) => `${r} ${c}`) : [];
    }
    default:
      return [v];
  }
}

/** Count, minimum, maximum, mean and median (the mean of the two middle answers for an even count). */
export function numberStats(numbers: Map<number, number>) {
  const sorted = [...numbers].sort(([a], [b]) => a - b);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const [x, c] of sorted) {
      seen += c;
      if (index < seen) return x;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  return {
    n,
    min: sorted[0]?.[0] ?? 0,
    max: sorted.at(-1)?.[0] ?? 0,
    mean: sorted.reduce((s, [x, c]) => s + x * c, 0) / n,
    median: (at(Math.floor((n - 1) / 2)) + at(Math.ceil((n - 1) / 2))) / 2,
  };
}

export const percent = (count: number, of: number) => (of > 0 ? Math.round((count / of) * 1000) / 10 : null);

/**
 * A bin width of 1, 2 or 5 × 10ⁿ, the smallest that spans the answers in ten widths (so at most eleven bins), and
 * the first edge (a multiple of the width): bin i is [edge + i·width, edge + (i+1)·width[. Integers: width ≥ 1.
 */
export function binEdges(min: number, max: number, integer: boolean): [number, number] {
  const range = max - min;
  let width = 1;
  if (range > 0) {
    const raw = range / 10;
    const power = 10 ** Math.floor(Math.log10(raw));
    width = ([1, 2, 5, 10].find((f) => f * power >= raw) ?? 10) * power;
  }
  if (integer) width = Math.max(1, Math.round(width));
  return [Math.floor(min / width) * width, width];
}

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/** The values a choice-like question shows, in order: its choices (+ "Autre"), or what the answers hold. */
function itemKeys(
  q: Question,
  total: Bucket,
  communes: Map<string, string>,
): { key: string; label: string }[] {
  switch (q.type) {
    case "single_choice":
    case "multiple_choice":
    case "scale": {
      const keys = q.choices.map((c) => ({ key: c.id, label: c.label }));
      return "allowOther" in q && q.allowOther ? [...keys, { key: OTHER, label: m.other }] : keys;
    }
    case "yes_no":
      return [
        { key: "yes", label: m.yes },
        { key: "no", label: m.no },
      ];
    case "commune": {
      const present = [...total.tokens].filter(([k]) => k !== OTHER);
      present.sort(
        ([a, x], [b, y]) => y - x || (communes.get(a) ?? a).localeCompare(communes.get(b) ?? b, "fr"),
      );
      const keys = present.map(([k]) => ({ key: k, label: communes.get(k) ?? k }));
      return total.tokens.has(OTHER) ? [...keys, { key: OTHER, label: m.outsideTerritory }] : keys;
    }
    case "date":
      return [...total.tokens.keys()].sort().map((k) => ({ key: k, label: monthLabel(k) }));
    case "rating":
      return Array.from({ length: 11 }, (_, i) => ({ key: String(i), label: String(i) }));
    default:
      return [];
  }
}

function figuresOf(
  q: Question,
  b: Bucket,
  keys: { key: string; label: string }[],
  edges: [number, number] | null,
): QuestionFigures {
  const tok = (k: string) => b.tokens.get(k) ?? 0;
  const items = (): CountItem[] =>
    keys.map(({ key, label }) => ({ key, label, count: tok(key), percent: percent(tok(key), b.answered) }));
  const meanPosition = (counts: number[]) => {
    const n = counts.reduce((s, c) => s + c, 0);
    return n > 0 ? counts.reduce((s, c, i) => s + c * (i + 1), 0) / n : null;
  };
  const stats = q.type === "rating" || q.type === "number" ? numberStats(b.numbers) : null;
  switch (q.type) {
    case "single_choice":
    case "multiple_choice":
    case "yes_no":
    case "commune":
    case "date":
      return { kind: "choices", items: items(), mean: null };
    case "scale":
      return { kind: "choices", items: items(), mean: meanPosition(q.choices.map((c) => tok(c.id))) };
    case "rating":
      return { kind: "rating", items: items(), mean: stats?.mean ?? null, median: stats?.median ?? null };
    case "number": {
      const bins: { from: number; to: number; count: number }[] = [];
      if (edges && stats) {
        const [first, width] = edges;
        const counts = new Map<number, number>();
        for (const [x, c] of b.numbers) {
          const i = Math.max(0, Math.floor((x - first) / width));
          counts.set(i, (counts.get(i) ?? 0) + c);
        }
        const last = Math.floor((stats.max - first) / width);
        for (let i = 0; i <= last; i++)
          bins.push({ from: first + i * width, to: first + (i + 1) * width, count: counts.get(i) ?? 0 });
      }
      return {
        kind: "number",
        min: stats?.min ?? null,
        max: stats?.max ?? null,
        mean: stats?.mean ?? null,
        median: stats?.median ?? null,
        bins,
      };
    }
    case "ranking":
      return {
        kind: "ranking",
        items: q.choices.map((c) => {
          let n = 0;
          let sum = 0;
          for (let rank = 1; rank <= q.choices.length; rank++) {
            const k = tok(`${c.id} ${rank}`);
            n += k;
            sum += k * rank;
          }
          return {
            key: c.id,
            label: c.label,
            averageRank: n > 0 ? sum / n : null,
            firstPlaces: tok(`${c.id} 1`),
          };
        }),
      };
    case "matrix":
      return {
        kind: "matrix",
        columns: q.choices.map((c) => ({ key: c.id, label: c.label })),
        rows: q.rows.map((r) => {
          const counts = q.choices.map((c) => tok(`${r.id} ${c.id}`));
          return {
            key: r.id,
            label: r.label,
            answered: counts.reduce((s, c) => s + c, 0),
            counts,
            mean: meanPosition(counts),
          };
        }),
      };
    case "short_text":
    case "long_text":
      return { kind: "text" };
  }
}

/** The questions conditions look at, and whether they only ask if it was answered (then that is all we read). */
function conditionTargets(definition: SurveyDefinition) {
  const operators = new Map<string, Set<string>>();
  const note = (c: { questionId: string; operator: string } | null | undefined) => {
    if (!c) return;
    const set = operators.get(c.questionId) ?? new Set();
    set.add(c.operator);
    operators.set(c.questionId, set);
  };
  for (const s of definition.sections) {
    note(s.condition);
    for (const q of s.questions) note(q.condition);
  }
  return [...operators].map(([questionId, ops]) => ({
    questionId,
    answeredOnly: ops.size === 1 && ops.has("answered"),
  }));
}

/** The group labels of a cross-tab, in the order of the question's choices (communes: most answers first). */
function groupList(by: Question, respondents: Map<string | null, number>, communes: Map<string, string>) {
  const total = emptyBucket();
  for (const [k, n] of respondents) if (k !== null) total.tokens.set(k, n);
  const listed = itemKeys(by, total, communes);
  const known = new Set(listed.map((g) => g.key));
  const extra = [...respondents.keys()].filter((k): k is string => k !== null && !known.has(k));
  const groups: { key: string | null; label: string; respondents: number }[] = [
    ...listed,
    ...extra.map((k) => ({ key: k, label: k })),
  ].map((g) => ({ ...g, respondents: respondents.get(g.key) ?? 0 }));
  if (respondents.get(null))
    groups.push({ key: null, label: m.noAnswer, respondents: respondents.get(null) ?? 0 });
  return groups;
}

/** The collèges in their order (those with answers only), then the answers tied to no collège. */
function collegeGroups(colleges: { id: string; name: string }[], respondents: Map<string | null, number>) {
  const groups: { key: string | null; label: string; respondents: number }[] = colleges
    .filter((c) => respondents.get(c.id))
    .map((c) => ({ key: c.id, label: c.name, respondents: respondents.get(c.id) ?? 0 }));
  if (respondents.get(null))
    groups.push({ key: null, label: m.noCollege, respondents: respondents.get(null) ?? 0 });
  return groups;
}

/** The results of a survey, from three statements: who saw what, the distinct answers, the days. */
export async function computeResults(db: Db, input: ResultsInput): Promise<ComputedResults> {
  const { clsmId, surveyId, definition, communes, by } = input;
  const questions = allQuestions(definition);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const sectionOf = new Map(
    definition.sections.flatMap((s) => s.questions.map((q) => [q.id, s.title] as const)),
  );
  const split: repo.Split | null = !by
    ? null
    : by.kind === "college"
      ? { college: true }
      : { questionId: by.question.id, yesNo: by.question.type === "yes_no" };
  const kinds = Object.fromEntries(questions.map((q) => [q.id, valueKind[q.type]]));
  const [projections, values, days] = await Promise.all([
    repo.projections(db, clsmId, surveyId, conditionTargets(definition), split),
    repo.distinctAnswers(db, clsmId, surveyId, kinds, split),
    repo.answersPerDay(db, clsmId, surveyId),
  ]);

  const buckets = new Map<string, Map<GroupKey, Bucket>>(questions.map((q) => [q.id, new Map()]));
  const bucket = (questionId: string, g: GroupKey) => {
    const perGroup = buckets.get(questionId);
    if (!perGroup) return undefined;
    const found = perGroup.get(g);
    if (found) return found;
    const created = emptyBucket();
    perGroup.set(g, created);
    return created;
  };
  /** A group's row counts for its group and for everyone (totals are sums of the groups). */
  const bucketsOf = (questionId: string, g: string | null) =>
    (split ? [bucket(questionId, ALL), bucket(questionId, g)] : [bucket(questionId, ALL)]).filter(
      (b): b is Bucket => b !== undefined,
    );

  // Who saw what: replay visibleQuestions once per distinct combination of the answers conditions look at.
  let respondents = 0;
  const groupRespondents = new Map<string | null, number>();
  for (const row of projections) {
    respondents += row.n;
    if (split) groupRespondents.set(row.g, (groupRespondents.get(row.g) ?? 0) + row.n);
    const given: Answers["answers"] = {};
    for (const [k, v] of Object.entries(row.p ?? {})) if (v !== null && v !== false) given[k] = v as never;
    for (const q of visibleQuestions(definition, given))
      for (const b of bucketsOf(q.id, row.g)) b.seen += row.n;
  }

  for (const row of values) {
    const q = byId.get(row.q);
    if (!q) continue; // an answer to a question removed since (kept in the raw answers)
    const parts = row.v === null ? [] : partsOf(q, row.v);
    const number = (q.type === "rating" || q.type === "number") && row.v !== null ? Number(row.v) : null;
    for (const b of bucketsOf(q.id, row.g)) {
      b.answered += row.n;
      for (const part of parts) b.tokens.set(part, (b.tokens.get(part) ?? 0) + row.n);
      if (number !== null && Number.isFinite(number))
        b.numbers.set(number, (b.numbers.get(number) ?? 0) + row.n);
    }
  }

  const groups = !by
    ? null
    : by.kind === "college"
      ? collegeGroups(by.colleges, groupRespondents)
      : groupList(by.question, groupRespondents, communes);
  return {
    respondents,
    days: days.map((d) => ({ day: d.day, count: d.n })),
    groups,
    questions: questions.map((q) => {
      const perGroup = buckets.get(q.id) ?? new Map<GroupKey, Bucket>();
      const total = perGroup.get(ALL) ?? emptyBucket();
      const keys = itemKeys(q, total, communes);
      // Bins are the same for every group: drawn from everyone's answers.
      const all = q.type === "number" ? numberStats(total.numbers) : null;
      const edges = all && q.type === "number" ? binEdges(all.min, all.max, q.integer) : null;
      const tally = (b: Bucket) => ({
        seen: b.seen,
        answered: b.answered,
        figures: figuresOf(q, b, keys, edges),
      });
      return {
        id: q.id,
        type: q.type,
        label: q.label,
        sectionTitle: sectionOf.get(q.id) ?? "",
        ...tally(total),
        groups: groups
          ? groups.map((g) => ({ key: g.key, ...tally(perGroup.get(g.key) ?? emptyBucket()) }))
          : null,
      };
    }),
  };
}
