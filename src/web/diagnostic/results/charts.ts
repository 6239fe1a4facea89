import * as Plot from "@observablehq/plot";
import type { QuestionResult, SurveyResults } from "../../../contracts/survey-results";
import { decimal, groupShare, percentText } from "./numbers";

// The chart of a question's figures, as Observable Plot options, and the one-sentence summary a screen reader
// reads for it (the data table under the chart holds every figure). Bars for choices, a stacked bar for a scale
// and each row of a matrix, histograms for ratings and numbers; with a cross-tab, each group's distribution as a
// stacked bar, or a heat map when shares do not add up to 100 % (multiple choice) or are means.

export type Groups = NonNullable<SurveyResults["by"]>["groups"];

export interface ChartSpec {
  options: Plot.PlotOptions;
  summary: string;
}

const ordinal = "RdYlBu";
/** Long labels are cut on the axis (the table has them whole). */
const cut = (s: string, max = 38) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const leftMargin = (labels: string[]) =>
  Math.min(300, 16 + 7.4 * Math.max(8, ...labels.map((l) => cut(l).length)));
/** The x axis's label centred under the ticks (Plot puts it at the right end, over the last tick). */
const xLabel = (label: string) => ({ label, labelAnchor: "center" as const, labelOffset: 36 });
const BOTTOM = 44;
const rowHeight = (rows: number) => Math.max(90, 34 * rows + 50);

/** The colour of single-series bars (the page's CSS may set it). */
const BAR = "var(--chart-bar, #1f5fa8)";

/** Horizontal bars, one per labelled row (in the given order), each with its value written after it. */
function labelledBarsX<T extends { key: string; label: string }>(
  rows: T[],
  x: keyof T & string,
  text: (row: T) => string,
  axis: string,
  width: number,
  marginRight = 50,
) {
  const labelOf = new Map(rows.map((r) => [r.key, r.label]));
  return {
    width,
    height: rowHeight(rows.length),
    marginLeft: leftMargin(rows.map((r) => r.label)),
    marginRight,
    marginBottom: BOTTOM,
    x: { ...xLabel(axis), grid: true },
    y: { label: null, domain: rows.map((r) => r.key), tickFormat: (k: string) => cut(labelOf.get(k) ?? k) },
    marks: [
      Plot.barX(rows, { x, y: "key", fill: BAR }),
      Plot.text(rows, { x, y: "key", text, dx: 6, textAnchor: "start" }),
      Plot.ruleX([0]),
    ],
  } satisfies Plot.PlotOptions;
}

function stacked(
  data: { row: string; part: string; share: number }[],
  rows: { key: string; label: string }[],
  parts: string[],
  width: number,
) {
  const labelOf = new Map(rows.map((r) => [r.key, r.label]));
  return {
    width,
    height: rowHeight(rows.length) + 10,
    marginLeft: leftMargin(rows.map((r) => r.label)),
    marginBottom: BOTTOM,
    x: { ...xLabel("Part des réponses (%)"), domain: [0, 100], grid: true },
    y: { label: null, domain: rows.map((r) => r.key), tickFormat: (k: string) => cut(labelOf.get(k) ?? k) },
    color: { type: "ordinal", domain: parts, scheme: ordinal, legend: true },
    marks: [
      Plot.barX(data, Plot.stackX({ x: "share", y: "row", fill: "part", order: parts })),
      Plot.ruleX([0]),
    ],
  } satisfies Plot.PlotOptions;
}

function heatMap(
  data: { x: string; y: string; value: number | null }[],
  xs: string[],
  ys: { key: string; label: string }[],
  width: number,
  legend: string,
  format: (v: number) => string,
) {
  const labelOf = new Map(ys.map((r) => [r.key, r.label]));
  return {
    width,
    height: rowHeight(ys.length) + 40,
    marginLeft: leftMargin(ys.map((r) => r.label)),
    marginBottom: 70,
    padding: 0.05,
    x: { label: null, domain: xs, tickRotate: -20, tickFormat: (s: string) => cut(s, 22) },
    y: { label: null, domain: ys.map((y) => y.key), tickFormat: (k: string) => cut(labelOf.get(k) ?? k) },
    color: { type: "linear", scheme: "blues", legend: true, label: legend },
    marks: [
      Plot.cell(
        data.filter((d) => d.value !== null),
        { x: "x", y: "y", fill: "value" },
      ),
      Plot.text(
        data.filter((d) => d.value !== null),
        { x: "x", y: "y", text: (d: { value: number }) => format(d.value), fill: "black", stroke: "white" },
      ),
    ],
  } satisfies Plot.PlotOptions;
}

const top = (items: { label: string; count: number; percent: number | null }[]) =>
  [...items].sort((a, b) => b.count - a.count)[0];

/** The chart of one question without a cross-tab, or null (texts: no chart). */
function plainChart(q: QuestionResult, width: number): ChartSpec | null {
  const f = q.figures;
  const base = `Réponses à « ${q.label} » (${q.answered} réponses).`;
  switch (f.kind) {
    case "choices": {
      if (q.type === "scale") {
        const parts = f.items.map((i) => i.label);
        const data = f.items.map((i) => ({ row: "all", part: i.label, share: i.percent ?? 0 }));
        return {
          options: stacked(data, [{ key: "all", label: "Ensemble" }], parts, width),
          summary: `Barre empilée. ${base} ${f.items.map((i) => `${i.label} : ${percentText(i.percent)}`).join(", ")}.`,
        };
      }
      const most = top(f.items);
      return {
        options: labelledBarsX(
          f.items,
          "count",
          (i) => `${i.count} (${percentText(i.percent)})`,
          "Nombre de réponses",
          width,
          90,
        ),
        summary: `Diagramme en barres. ${base}${
          most && most.count > 0
            ? ` Réponse la plus fréquente : ${most.label}, ${most.count} (${percentText(most.percent)}).`
            : ""
        }`,
      };
    }
    case "rating":
      return {
        options: {
          width,
          height: 240,
          marginBottom: BOTTOM,
          x: { ...xLabel("Note"), domain: f.items.map((i) => i.key) },
          y: { label: "Nombre de réponses", grid: true },
          marks: [Plot.barY(f.items, { x: "key", y: "count", fill: BAR }), Plot.ruleY([0])],
        },
        summary: `Histogramme des notes de 0 à 10. ${base} Moyenne ${decimal(f.mean)}, médiane ${decimal(f.median)}.`,
      };
    case "number":
      return f.bins.length
        ? {
            options: {
              width,
              height: 240,
              x: { label: null },
              y: { label: "Nombre de réponses", grid: true },
              marks: [
                Plot.rectY(f.bins, {
                  x1: "from",
                  x2: "to",
                  y: "count",
                  fill: BAR,
                  inset: 1,
                }),
                Plot.ruleY([0]),
              ],
            },
            summary: `Histogramme. ${base} De ${decimal(f.min)} à ${decimal(f.max)}, moyenne ${decimal(f.mean)}, médiane ${decimal(f.median)}.`,
          }
        : null;
    case "ranking": {
      const items = f.items
        .filter((i) => i.averageRank !== null)
        .sort((a, b) => (a.averageRank ?? 0) - (b.averageRank ?? 0));
      return {
        options: labelledBarsX(
          items,
          "averageRank",
          (i) => decimal(i.averageRank),
          "Rang moyen (1 = le plus important)",
          width,
        ),
        summary: `Diagramme en barres des rangs moyens. ${base}${items[0] ? ` Classé le plus souvent en tête : ${items[0].label}.` : ""}`,
      };
    }
    case "matrix": {
      const parts = f.columns.map((c) => c.label);
      const data = f.rows.flatMap((r) =>
        f.columns.map((c, i) => ({
          row: r.key,
          part: c.label,
          share: groupShare(r.counts[i] ?? 0, r.answered),
        })),
      );
      return {
        options: stacked(data, f.rows, parts, width),
        summary: `Barres empilées, une par ligne du tableau. ${base}`,
      };
    }
    case "text":
      return null;
  }
}

/** The chart of one question crossed by the groups of another, or null. */
function crossChart(q: QuestionResult, groups: Groups, width: number): ChartSpec | null {
  const per = q.groups ?? [];
  // Groups where nobody answered the question (it was not asked to them) draw nothing: left out of the chart.
  const rows = groups
    .map((g, i) => ({ key: String(i), label: g.label, answered: per[i]?.answered ?? 0 }))
    .filter((r) => r.answered > 0);
  const base = `Réponses à « ${q.label} », par groupe.`;
  const f = q.figures;
  switch (f.kind) {
    case "choices":
    case "rating": {
      if (q.type === "multiple_choice") {
        const data = per.flatMap((g, gi) =>
          g.figures.kind === "choices"
            ? g.figures.items.map((i) => ({ x: i.label, y: String(gi), value: i.percent }))
            : [],
        );
        return {
          options: heatMap(
            data,
            f.items.map((i) => i.label),
            rows,
            width,
            "Part des répondants (%)",
            (v) => `${decimal(v)} %`,
          ),
          summary: `Carte de chaleur : part de chaque groupe ayant choisi chaque réponse. ${base}`,
        };
      }
      const parts = f.items.map((i) => i.label);
      const data = per.flatMap((g, gi) =>
        g.figures.kind === f.kind
          ? g.figures.items.map((i) => ({ row: String(gi), part: i.label, share: i.percent ?? 0 }))
          : [],
      );
      return {
        options: stacked(data, rows, parts, width),
        summary: `Barres empilées, une par groupe. ${base}`,
      };
    }
    case "number": {
      // One bar per group with answers, labelled with the group.
      const data = rows.flatMap((r) => {
        const figures = per[Number(r.key)]?.figures;
        return figures?.kind === "number" && figures.mean !== null ? [{ ...r, mean: figures.mean }] : [];
      });
      return {
        options: labelledBarsX(data, "mean", (d) => decimal(d.mean), "Moyenne", width),
        summary: `Diagramme en barres de la moyenne de chaque groupe. ${base}`,
      };
    }
    case "ranking": {
      const data = per.flatMap((g, gi) =>
        g.figures.kind === "ranking"
          ? g.figures.items.map((i) => ({ x: i.label, y: String(gi), value: i.averageRank }))
          : [],
      );
      return {
        options: heatMap(
          data,
          f.items.map((i) => i.label),
          rows,
          width,
          "Rang moyen",
          (v) => decimal(v),
        ),
        summary: `Carte de chaleur : rang moyen de chaque choix dans chaque groupe. ${base}`,
      };
    }
    case "matrix": {
      const data = per.flatMap((g, gi) =>
        g.figures.kind === "matrix"
          ? g.figures.rows.map((r) => ({ x: r.label, y: String(gi), value: r.mean }))
          : [],
      );
      return {
        options: heatMap(
          data,
          f.rows.map((r) => r.label),
          rows,
          width,
          `Position moyenne (1 = ${f.columns[0]?.label ?? ""})`,
          (v) => decimal(v),
        ),
        summary: `Carte de chaleur : position moyenne de chaque ligne dans chaque groupe. ${base}`,
      };
    }
    case "text":
      return null;
  }
}

export function chartOf(q: QuestionResult, groups: Groups | null, width: number): ChartSpec | null {
  if (q.answered === 0) return null;
  return groups && q.groups ? crossChart(q, groups, width) : plainChart(q, width);
}

/** Answers per day: one bar per day the survey received answers. */
export function daysChart(days: { day: string; count: number }[], width: number): ChartSpec {
  const data = days.map((d) => ({ date: new Date(`${d.day}T12:00:00Z`), count: d.count }));
  const total = days.reduce((s, d) => s + d.count, 0);
  const best = [...days].sort((a, b) => b.count - a.count)[0];
  return {
    options: {
      width,
      height: 190,
      marginBottom: 30,
      x: {
        type: "utc",
        label: null,
        tickFormat: (d: Date) =>
          d.toLocaleDateString("fr-FR", { day: "numeric", month: "short", timeZone: "UTC" }),
      },
      y: { label: "Réponses", grid: true },
      marks: [
        Plot.rectY(data, {
          x: "date",
          y: "count",
          interval: "day",
          fill: BAR,
          inset: 0.5,
        }),
        Plot.ruleY([0]),
      ],
    },
    summary: `Histogramme des réponses par jour : ${total} réponses sur ${days.length} jours${
      best
        ? `, au plus ${best.count} le ${new Date(`${best.day}T12:00:00Z`).toLocaleDateString("fr-FR", { timeZone: "UTC" })}`
        : ""
    }.`,
  };
}
