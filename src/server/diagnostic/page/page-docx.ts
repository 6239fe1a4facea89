import type { Paragraph, Table } from "docx";
import { resourceKindLabels } from "../../../contracts/diagnostic-needs";
import { opinionStatusLabels, opinionSubjectLabels } from "../../../contracts/diagnostic-opinions";
import type { DiagnosticPage } from "../../../contracts/diagnostic-page";
import type { QuestionResult } from "../../../contracts/survey-results";
import {
  bullets,
  frenchDay,
  frenchDocx,
  heading,
  labelled,
  note,
  plain,
  spacer,
  table,
  textParagraphs,
} from "./docx-kit";

// The diagnostic page as a Word document: the same sections as the page, figures and survey results as tables.

type Block = Paragraph | Table;

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const n = (v: number | null) => (v === null ? "—" : decimal.format(v));
const pct = (v: number | null) => (v === null ? "—" : `${decimal.format(v)} %`);

/** One question's figures as a table (or a line for the free texts). */
function questionBlocks(q: QuestionResult): Block[] {
  const f = q.figures;
  const head = [
    heading(q.label, 3),
    note(
      `${integer.format(q.answered)} réponse${q.answered > 1 ? "s" : ""} sur ${integer.format(q.seen)} personnes interrogées`,
    ),
  ];
  switch (f.kind) {
    case "choices":
    case "rating":
      return [
        ...head,
        table(
          ["Réponse", "Nombre", "Part des réponses"],
          f.items.map((i) => [i.label, integer.format(i.count), pct(i.percent)]),
        ),
        ...(f.kind === "rating" ? [plain(`Moyenne : ${n(f.mean)} ; médiane : ${n(f.median)}.`)] : []),
        spacer(),
      ];
    case "number":
      return [
        ...head,
        table(["Minimum", "Maximum", "Moyenne", "Médiane"], [[n(f.min), n(f.max), n(f.mean), n(f.median)]]),
        spacer(),
      ];
    case "ranking":
      return [
        ...head,
        table(
          ["Choix", "Rang moyen", "Classé premier"],
          f.items.map((i) => [i.label, n(i.averageRank), integer.format(i.firstPlaces)]),
        ),
        spacer(),
      ];
    case "matrix":
      return [
        ...head,
        table(
          ["", ...f.columns.map((c) => c.label)],
          f.rows.map((r) => [r.label, ...r.counts.map((c) => integer.format(c))]),
        ),
        spacer(),
      ];
    case "text":
      return [...head, plain("Réponses libres : à lire dans les résultats de l'enquête.")];
  }
}

function surveyBlocks(page: DiagnosticPage): Block[] {
  if (!page.surveys.length) return [];
  return [
    heading("Ce que disent les enquêtes", 1),
    ...page.surveys.flatMap((s) => [
      heading(s.survey.title, 2),
      plain(
        `${integer.format(s.respondents)} répondant${s.respondents > 1 ? "s" : ""}${s.survey.anonymous ? ", réponses anonymes" : ""}.`,
      ),
      ...s.questions.flatMap(questionBlocks),
    ]),
  ];
}

function territoryBlocks(page: DiagnosticPage): Block[] {
  const t = page.territory;
  const communes = t.communes.length;
  return [
    heading("Le territoire", 1),
    labelled("Population", `${integer.format(t.total)} habitants`),
    labelled("Communes", integer.format(communes)),
    note(t.official ? `Source : ${t.source}.` : `Source : ${t.quartiersSource ?? t.source}.`),
    ...(t.quartiers.length
      ? [
          table(
            ["Quartier", "Population"],
            t.quartiers.map((q) => [q.name, integer.format(q.population)]),
          ),
          spacer(),
        ]
      : communes > 1
        ? [
            table(
              ["Commune", "Population"],
              t.communes.map((c) => [c.name, integer.format(c.population)]),
            ),
            spacer(),
          ]
        : []),
  ];
}

function needsBlocks(page: DiagnosticPage): Block[] {
  const groups = page.objectives.filter((g) => g.needs.length || g.resources.length);
  if (!groups.length) return [];
  return [
    heading("Besoins et ressources par objectif", 1),
    ...groups.flatMap((g) => [
      heading(g.label, 2),
      heading("Besoins constatés", 3),
      ...(g.needs.length
        ? bullets(g.needs.map((x) => [x.title, x.description].filter(Boolean).join(" — ")))
        : [note("Aucun besoin enregistré.")]),
      heading("Ressources existantes", 3),
      ...(g.resources.length
        ? bullets(
            g.resources.map((r) =>
              [`${r.title} (${resourceKindLabels[r.kind].toLowerCase()})`, r.structure?.name, r.description]
                .filter(Boolean)
                .join(" — "),
            ),
          )
        : [note("Aucune ressource enregistrée.")]),
    ]),
  ];
}

function figuresBlocks(page: DiagnosticPage): Block[] {
  if (!page.figures.length) return [];
  const where = (f: DiagnosticPage["figures"][number]) =>
    f.level === "commune"
      ? (f.communeName ?? "Commune")
      : f.level === "departement"
        ? (f.departementName ?? "Département")
        : "Territoire";
  return [
    heading("Chiffres du territoire", 1),
    table(
      ["Indicateur", "Valeur", "Année", "Lieu", "Département", "France", "Source"],
      page.figures.map((f) => [
        f.label,
        `${n(f.value)}${f.unit ? ` ${f.unit}` : ""}`,
        String(f.year),
        where(f),
        n(f.departementValue),
        n(f.nationalValue),
        [f.source, f.comparisonSource].filter(Boolean).join(" ; "),
      ]),
    ),
    spacer(),
  ];
}

function prioritiesBlocks(page: DiagnosticPage): Block[] {
  if (!page.priorities.length) return [];
  return [
    heading("Priorités retenues", 1),
    ...bullets(
      page.priorities.map((p) =>
        [p.title, p.need ? `répond au besoin « ${p.need.title} »` : null].filter(Boolean).join(" — "),
      ),
    ),
  ];
}

function opinionBlocks(page: DiagnosticPage): Block[] {
  const o = page.opinion;
  if (!o) return [];
  return [
    heading("Avis du CLSM", 1),
    labelled("Avis", o.title),
    labelled("Objet", opinionSubjectLabels[o.subject]),
    labelled("Statut", opinionStatusLabels[o.status]),
    ...(o.adoptedOn
      ? [
          labelled(
            "Adopté",
            o.meeting ? `${o.meeting.title} du ${frenchDay(o.meeting.date)}` : `le ${frenchDay(o.adoptedOn)}`,
          ),
        ]
      : []),
    ...(o.sentOn ? [labelled("Transmis", `le ${frenchDay(o.sentOn)}`)] : []),
  ];
}

/** The Word document of the diagnostic page, dated the day it is made. */
export function pageDocx(page: DiagnosticPage, day: string): Promise<Buffer> {
  const title = `Diagnostic partagé — ${page.clsm.name}`;
  return frenchDocx({
    title,
    description: `Le diagnostic territorial partagé du ${page.clsm.name}`,
    children: [
      heading(title, 0),
      note(`Document établi le ${frenchDay(day)}.`),
      ...territoryBlocks(page),
      ...(page.introduction ? [heading("Introduction", 1), ...textParagraphs(page.introduction)] : []),
      ...surveyBlocks(page),
      ...needsBlocks(page),
      ...figuresBlocks(page),
      ...prioritiesBlocks(page),
      ...opinionBlocks(page),
      ...(page.conclusion ? [heading("Conclusion", 1), ...textParagraphs(page.conclusion)] : []),
    ],
  });
}
