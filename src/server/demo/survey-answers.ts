import {
  type Answers,
  type AnswerValue,
  allQuestions,
  checkAnswers,
  OTHER,
  type Question,
  type SurveyDefinition,
} from "../../contracts/survey-definition";

// Believable random answers to a questionnaire, the same for a given seed: the demo survey's ~300 answers, the
// bench's 20,000 and the results tests' few hundred. Every answer passes `checkAnswers` (conditions respected).

/** A seeded generator of floats in [0, 1) (mulberry32): the same answers on every machine and every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface AnswerProfile {
  /** Relative weights of each choice (or scale step, or row column) by question id; else drawn once per question. */
  weights?: Record<string, number[]>;
  /** Texts to draw from, by question id (text questions and "Autre, précisez"). */
  texts?: Record<string, string[]>;
  /** Territory communes (INSEE code) with their weight (their population, say). */
  communes: { code: string; weight: number }[];
  /** Share of optional questions left blank (0.1 by default; texts are left blank three times as often). */
  skip?: number;
  /** Share of "Autre" (and "hors du territoire") answers where offered (0.05 by default). */
  other?: number;
  /** Dates are drawn in the year before this day (YYYY-MM-DD). */
  today?: string;
}

const genericTexts = [
  "Plus d'informations sur les lieux d'écoute près de chez moi.",
  "Les délais pour obtenir un rendez-vous sont trop longs.",
  "Un lieu pour parler sans jugement.",
  "Des transports pour aller aux consultations.",
  "Je ne sais pas à qui m'adresser.",
];

/** Draws answers one respondent after another; throws if an answer would not pass `checkAnswers`. */
export function answerGenerator(definition: SurveyDefinition, random: () => number, profile: AnswerProfile) {
  const skip = profile.skip ?? 0.1;
  const otherShare = profile.other ?? 0.05;
  const communeCodes = profile.communes.map((c) => c.code);
  const weightsOf = new Map<string, number[]>();
  /** A question's weights: given, or a shape drawn once (peaked for scales, uneven for choices). */
  const weights = (key: string, n: number, peaked: boolean) => {
    let w = profile.weights?.[key] ?? weightsOf.get(key);
    if (!w || w.length !== n) {
      const centre = random() * (n - 1);
      w = Array.from({ length: n }, (_, i) =>
        peaked ? Math.exp(-((i - centre) ** 2) / 2) + 0.05 : random() ** 2 + 0.05,
      );
      weightsOf.set(key, w);
    }
    return w;
  };
  const draw = (w: number[]) => {
    let x = random() * w.reduce((s, v) => s + v, 0);
    for (let i = 0; i < w.length; i++) {
      x -= w[i] ?? 0;
      if (x < 0) return i;
    }
    return w.length - 1;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const normal = () => (random() + random() + random() - 1.5) / 1.5;
  const textOf = (key: string) => pick(profile.texts?.[key] ?? genericTexts);
  const communeWeights = profile.communes.map((c) => c.weight);
  const today = new Date(`${profile.today ?? "2026-01-01"}T00:00:00Z`).getTime();

  function drawValue(q: Question, others: Answers["others"]): AnswerValue {
    const allowOther = "allowOther" in q && q.allowOther;
    const withOther = (id: string) => {
      if (allowOther && random() < otherShare) {
        others[q.id] = textOf(`${q.id}:other`);
        return OTHER;
      }
      return id;
    };
    switch (q.type) {
      case "single_choice":
      case "scale": {
        const ids = q.choices.map((c) => c.id);
        return withOther(ids[draw(weights(q.id, ids.length, q.type === "scale"))] as string);
      }
      case "multiple_choice": {
        const w = weights(q.id, q.choices.length, false);
        const top = Math.max(...w);
        let picked = q.choices.filter((_, i) => random() < ((w[i] ?? 0) / top) * 0.6).map((c) => c.id);
        if (!picked.length) picked = [q.choices[draw(w)]?.id as string];
        if (q.maxChoices) picked = picked.slice(0, q.maxChoices);
        if (allowOther && random() < otherShare && (!q.maxChoices || picked.length < q.maxChoices)) {
          others[q.id] = textOf(`${q.id}:other`);
          picked.push(OTHER);
        }
        return picked;
      }
      case "rating":
        return draw(weights(q.id, 11, true));
      case "short_text":
      case "long_text":
        return textOf(q.id);
      case "number": {
        const lo = q.min ?? 0;
        const hi = q.max ?? lo + 100;
        const x = Math.min(hi, Math.max(lo, (lo + hi) / 2 + (normal() * (hi - lo)) / 2));
        return q.integer ? Math.round(x) : Math.round(x * 10) / 10;
      }
      case "date": {
        const day = new Date(today - Math.floor(random() * 365) * 86_400_000);
        return day.toISOString().slice(0, 10);
      }
      case "ranking": {
        const w = weights(q.id, q.choices.length, false);
        // Heavier choices tend to come first: sort by a random key scaled by the weight.
        return q.choices
          .map((c, i) => ({ id: c.id, key: random() ** (1 / (w[i] ?? 1)) }))
          .sort((a, b) => b.key - a.key)
          .map((c) => c.id);
      }
      case "matrix":
        return Object.fromEntries(
          q.rows.map((r) => [
            r.id,
            q.choices[draw(weights(`${q.id}:${r.id}`, q.choices.length, true))]?.id as string,
          ]),
        );
      case "commune":
        return random() < otherShare || !communeCodes.length
          ? OTHER
          : (communeCodes[draw(communeWeights)] as string);
      case "yes_no":
        return (
          random() < (weights(q.id, 2, false)[0] ?? 1) / weights(q.id, 2, false).reduce((s, v) => s + v, 0)
        );
    }
  }

  /** One respondent's answers, as the answering route would keep them. */
  return function next(): Answers {
    const given: Answers = { answers: {}, others: {} };
    for (const q of allQuestions(definition)) {
      const blank =
        !q.required && random() < (q.type === "short_text" || q.type === "long_text" ? skip * 3 : skip);
      if (!blank) given.answers[q.id] = drawValue(q, given.others);
    }
    const { problems, kept } = checkAnswers(definition, given, communeCodes);
    if (Object.keys(problems).length)
      throw new Error(`generated answers refused: ${JSON.stringify(problems)}`);
    return kept;
  };
}
