import {
  allQuestions,
  OTHER,
  type Question,
  type SurveyDefinition,
} from "../../../contracts/survey-definition";
import type { QuestionResult } from "../../../contracts/survey-results";
import type { Cell } from "../../platform/spreadsheet";
import { resultsMessages as m } from "./messages";
import type { ResponseRow } from "./repo";

// The columns of the raw answers export (one row per answer) and the rows of the results summary export.

interface Column {
  header: string;
  cell: (answers: Record<string, unknown>, others: Record<string, string>) => Cell;
}

const asString = (v: unknown) => (typeof v === "string" ? v : null);

/** One or more columns per question: a choice per column for multiple choice, a row per column for a matrix… */
function columnsOf(q: Question, n: number, communes: Map<string, string>): Column[] {
  const title = `Q${n}. ${q.label}`;
  const value = (a: Record<string, unknown>) => a[q.id];
  const otherText: Column = { header: `${title} — ${m.other} (précisez)`, cell: (_, o) => o[q.id] ?? null };
  const labelOf = (choices: { id: string; label: string }[], id: unknown) =>
    id === OTHER ? m.other : (choices.find((c) => c.id === id)?.label ?? asString(id));
  switch (q.type) {
    case "single_choice":
    case "scale": {
      const main: Column = { header: title, cell: (a) => labelOf(q.choices, value(a)) };
      return "allowOther" in q && q.allowOther ? [main, otherText] : [main];
    }
    case "multiple_choice": {
      const picked = (a: Record<string, unknown>, id: string) => {
        const v = value(a);
        return Array.isArray(v) ? (v.includes(id) ? 1 : 0) : null;
      };
      const cols: Column[] = q.choices.map((c) => ({
        header: `${title} — ${c.label}`,
        cell: (a) => picked(a, c.id),
      }));
      return q.allowOther
        ? [...cols, { header: `${title} — ${m.other}`, cell: (a) => picked(a, OTHER) }, otherText]
        : cols;
    }
    case "ranking":
      return q.choices.map((c) => ({
        header: `${title} — ${c.label} (rang)`,
        cell: (a) => {
          const v = value(a);
          return Array.isArray(v) && v.includes(c.id) ? v.indexOf(c.id) + 1 : null;
        },
      }));
    case "matrix":
      return q.rows.map((r) => ({
        header: `${title} — ${r.label}`,
        cell: (a) => {
          const v = value(a) as Record<string, string> | undefined;
          return v && typeof v === "object" && r.id in v ? labelOf(q.choices, v[r.id]) : null;
        },
      }));
    case "commune":
      return [
        {
          header: title,
          cell: (a) => {
            const v = asString(value(a));
            return v === OTHER ? m.outsideTerritory : v === null ? null : (communes.get(v) ?? v);
          },
        },
      ];
    case "yes_no":
      return [{ header: title, cell: (a) => (value(a) === true ? m.yes : value(a) === false ? m.no : null) }];
    case "rating":
    case "number":
      return [{ header: title, cell: (a) => (typeof value(a) === "number" ? (value(a) as number) : null) }];
    default:
      return [{ header: title, cell: (a) => asString(value(a)) }];
  }
}

/** The questions' columns of the raw answers: their headers ("Q3. …"), and the cells of one answer. */
export function questionColumns(definition: SurveyDefinition, communes: Map<string, string>) {
  const columns = allQuestions(definition).flatMap((q, i) => columnsOf(q, i + 1, communes));
  return {
    headers: columns.map((c) => c.header),
    cells: (answers: Record<string, unknown>, others: Record<string, string>): Cell[] =>
      columns.map((c) => c.cell(answers, others)),
  };
}

/** Headers and a row builder for the raw answers: number, day, name (named surveys), then the questions. */
export function rawAnswersLayout(
  definition: SurveyDefinition,
  communes: Map<string, string>,
  named: boolean,
) {
  const questions = questionColumns(definition, communes);
  const headers = ["N°", "Jour", ...(named ? ["Répondant·e"] : []), ...questions.headers];
  const row = (index: number, r: ResponseRow, name: string | null): Cell[] => [
    index,
    r.day,
    ...(named ? [name] : []),
    ...questions.cells(r.answers, r.others ?? {}),
  ];
  return { headers, row };
}

export const summaryHeaders = ["Section", "Question", "Réponse", "Nombre", "%", "Valeur"];

/** The results as rows: who saw and answered each question, then its figures. */
export function summaryRows(questions: QuestionResult[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const q of questions) {
    const line = (
      answer: string,
      count: number | null,
      pct: number | null = null,
      value: number | null = null,
    ) =>
      rows.push([
        q.sectionTitle,
        q.label,
        answer,
        count,
        pct,
        value === null ? null : Math.round(value * 100) / 100,
      ]);
    line("Ont vu la question", q.seen);
    line("Ont répondu", q.answered);
    const f = q.figures;
    switch (f.kind) {
      case "choices":
        for (const i of f.items) line(i.label, i.count, i.percent);
        if (f.mean !== null) line("Position moyenne sur l'échelle", null, null, f.mean);
        break;
      case "rating":
        for (const i of f.items) line(`Note ${i.label}`, i.count, i.percent);
        line("Moyenne", null, null, f.mean);
        line("Médiane", null, null, f.median);
        break;
      case "number":
        line("Minimum", null, null, f.min);
        line("Maximum", null, null, f.max);
        line("Moyenne", null, null, f.mean);
        line("Médiane", null, null, f.median);
        for (const b of f.bins) line(`De ${b.from} à moins de ${b.to}`, b.count);
        break;
      case "ranking":
        for (const i of f.items) {
          line(`${i.label} — rang moyen`, null, null, i.averageRank);
          line(`${i.label} — classé premier`, i.firstPlaces);
        }
        break;
      case "matrix":
        for (const r of f.rows) {
          f.columns.forEach((c, ci) => {
            const n = r.counts[ci] ?? 0;
            line(`${r.label} — ${c.label}`, n, r.answered ? Math.round((n / r.answered) * 1000) / 10 : null);
          });
          line(`${r.label} — position moyenne`, null, null, r.mean);
        }
        break;
      case "text":
        break;
    }
  }
  return rows;
}
