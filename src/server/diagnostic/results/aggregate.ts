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

/** What the repo counted for one question and one group. */
interface Bucket {
  seen: number;
  tokens: Map<string | null, number>;
  numeric?: repo.NumericRow;
  bins: Map<number, number>;
}

const emptyBucket = (): Bucket => ({ seen: 0, tokens: new Map(), bins: new Map() });

export interface ResultsInput {
  clsmId: string;
  surveyId: string;
  definition: SurveyDefinition;
  /** INSEE code → name, for the territory's communes. */
  communes: Map<string, string>;
  /** The question splitting the results (checked by the caller: single choice, scale, yes/no, commune). */
  by: Question | null;
}

export interface ComputedResults {
  respondents: number;
  days: { day: string; count: number }[];
  groups: { key: string | null; label: string; respondents: number }[] | null;
  questions: QuestionResult[];
}

const tokenKind: Record<Question["type"], repo.TokenKind> = {
  single_choice: "one",
  scale: "one",
  commune: "one",
  rating: "one",
  yes_no: "yes_no",
  multiple_choice: "many",
  date: "month",
  matrix: "matrix",
  ranking: "ranking",
  short_text: "count",
  long_text: "count",
  number: "count",
};

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
      const present = [...total.tokens].filter(([k]) => k !== null && k !== OTHER) as [string, number][];
      present.sort(
        ([a, x], [b, y]) => y - x || (communes.get(a) ?? a).localeCompare(communes.get(b) ?? b, "fr"),
      );
      const keys = present.map(([k]) => ({ key: k, label: communes.get(k) ?? k }));
      return total.tokens.has(OTHER) ? [...keys, { key: OTHER, label: m.outsideTerritory }] : keys;
    }
    case "date":
      return [...total.tokens.keys()]
        .filter((k): k is string => k !== null)
        .sort()
        .map((k) => ({ key: k, label: monthLabel(k) }));
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
  edges: [number, number] | undefined,
): QuestionFigures {
  const answered = b.tokens.get(null) ?? 0;
  const tok = (k: string) => b.tokens.get(k) ?? 0;
  const items = (): CountItem[] =>
    keys.map(({ key, label }) => ({ key, label, count: tok(key), percent: percent(tok(key), answered) }));
  const meanPosition = (counts: number[]) => {
    const n = counts.reduce((s, c) => s + c, 0);
    return n > 0 ? counts.reduce((s, c, i) => s + c * (i + 1), 0) / n : null;
  };
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
      return {
        kind: "rating",
        items: items(),
        mean: b.numeric?.mean ?? null,
        median: b.numeric?.median ?? null,
      };
    case "number": {
      const bins: { from: number; to: number; count: number }[] = [];
      if (edges && b.numeric) {
        const [first, width] = edges;
        const last = Math.max(...b.bins.keys(), 0);
        for (let i = 0; i <= last; i++)
          bins.push({ from: first + i * width, to: first + (i + 1) * width, count: b.bins.get(i) ?? 0 });
      }
      const n = b.numeric;
      return {
        kind: "number",
        min: n?.min ?? null,
        max: n?.max ?? null,
        mean: n?.mean ?? null,
        median: n?.median ?? null,
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
  for (const [k, n] of respondents) total.tokens.set(k, n);
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

/** The results of a survey, from five grouped statements at most. */
export async function computeResults(db: Db, input: ResultsInput): Promise<ComputedResults> {
  const { clsmId, surveyId, definition, communes, by } = input;
  const questions = allQuestions(definition);
  const sectionOf = new Map(
    definition.sections.flatMap((s) => s.questions.map((q) => [q.id, s.title] as const)),
  );
  const split: repo.Split | null = by ? { questionId: by.id, yesNo: by.type === "yes_no" } : null;
  const numericIds = questions.filter((q) => q.type === "rating" || q.type === "number").map((q) => q.id);

  const [projections, tokens, numeric, days] = await Promise.all([
    repo.projections(db, clsmId, surveyId, conditionTargets(definition), split),
    repo.answerTokens(
      db,
      clsmId,
      surveyId,
      Object.fromEntries(questions.map((q) => [q.id, tokenKind[q.type]])),
      split,
    ),
    numericIds.length ? repo.numericStats(db, clsmId, surveyId, numericIds, split) : Promise.resolve([]),
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
  const keyOf = (row: { total: boolean; g: string | null }): GroupKey => (row.total ? ALL : row.g);

  // Who saw what: replay visibleQuestions once per distinct combination of the answers conditions look at.
  let respondents = 0;
  const groupRespondents = new Map<string | null, number>();
  for (const row of projections) {
    respondents += row.n;
    if (split) groupRespondents.set(row.g, (groupRespondents.get(row.g) ?? 0) + row.n);
    const given: Answers["answers"] = {};
    for (const [k, v] of Object.entries(row.p ?? {})) if (v !== null && v !== false) given[k] = v as never;
    const targets: GroupKey[] = split ? [ALL, row.g] : [ALL];
    for (const q of visibleQuestions(definition, given)) {
      for (const g of targets) {
        const b = bucket(q.id, g);
        if (b) b.seen += row.n;
      }
    }
  }
  for (const row of tokens) {
    const b = bucket(row.q, keyOf(row));
    if (b) b.tokens.set(row.tok, row.n);
  }
  for (const row of numeric) {
    const b = bucket(row.q, keyOf(row));
    if (b) b.numeric = row;
  }

  // Bins need the overall minimum and maximum first: one more statement, for number questions only.
  const edges: Record<string, [number, number]> = {};
  for (const q of questions) {
    const stats = buckets.get(q.id)?.get(ALL)?.numeric;
    if (q.type === "number" && stats) edges[q.id] = binEdges(stats.min, stats.max, q.integer);
  }
  if (Object.keys(edges).length) {
    for (const row of await repo.numberBins(db, clsmId, surveyId, edges, split))
      bucket(row.q, keyOf(row))?.bins.set(row.bin, row.n);
  }

  const groups = by ? groupList(by, groupRespondents, communes) : null;
  return {
    respondents,
    days: days.map((d) => ({ day: d.day, count: d.n })),
    groups,
    questions: questions.map((q) => {
      const perGroup = buckets.get(q.id) ?? new Map<GroupKey, Bucket>();
      const total = perGroup.get(ALL) ?? emptyBucket();
      const keys = itemKeys(q, total, communes);
      const tally = (b: Bucket) => ({
        seen: b.seen,
        answered: b.tokens.get(null) ?? 0,
        figures: figuresOf(q, b, keys, edges[q.id]),
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
