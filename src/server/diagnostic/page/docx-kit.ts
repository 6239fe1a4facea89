import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

// The building blocks of the diagnostic's Word documents (the diagnostic page, an avis): French, real headings
// (navigable in Word and by screen readers), tables with a repeated header row, bulleted lists.

const headingLevels = [
  HeadingLevel.TITLE,
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
];

/** A heading: 0 = the document's title, 1–3 = sections. */
export const heading = (text: string, level: 0 | 1 | 2 | 3) =>
  new Paragraph({ text, heading: headingLevels[level] });

/** Plain text typed in the app: blank lines separate paragraphs, single line breaks stay line breaks. */
export function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(
      (p) =>
        new Paragraph({
          spacing: { after: 160 },
          children: p.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
        }),
    );
}

/** One line "Label : value", the label in bold. */
export const labelled = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label} : `, bold: true }), new TextRun(value)] });

/** A paragraph in italics (an explanation, a note on a source). */
export const note = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });

export const plain = (text: string) => new Paragraph({ text });

export const bullets = (items: string[]) =>
  items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));

/** A table over the page's width: a header row repeated on each page, then the rows. */
export function table(headers: string[], rows: string[][]): Table {
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text) =>
          new TableCell({
            children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(headers, true), ...rows.map((r) => row(r, false))],
  });
}

/** Space after a table (Word glues the next heading to it otherwise). */
export const spacer = () => new Paragraph({ text: "" });

/** The .docx bytes of a French document. */
export async function frenchDocx(options: {
  title: string;
  description: string;
  children: (Paragraph | Table)[];
}): Promise<Buffer> {
  const doc = new Document({
    title: options.title,
    description: options.description,
    creator: "Maillage",
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 22, language: { value: "fr-FR" } } },
      },
    },
    sections: [{ children: options.children }],
  });
  return Packer.toBuffer(doc);
}

/** "diagnostic-clsm-de-saint-brieuc-2027-03-01.docx": ASCII, for a plain Content-Disposition. */
export function docxFileName(prefix: string, name: string, day: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${prefix}-${slug || "clsm"}-${day}.docx`;
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const longDay = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
/** "2027-03-12" → "12 mars 2027" (a calendar day: no time zone involved). */
export const frenchDay = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));
