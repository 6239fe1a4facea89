import { civilityLabels, type PersonListItem, pillarLabels } from "../../../contracts/directory";
import type { ExportQuery } from "../../../contracts/directory-import";
import type { Actor } from "../../platform/access";
import { parisToday } from "../../platform/dates";
import { toCsv, toXlsx } from "../../platform/spreadsheet";
import type { DirectoryService } from "../service";

export type DirectoryExportService = ReturnType<typeof createDirectoryExportService>;

const headers = [
  "Civilité",
  "Nom",
  "Prénom",
  "Structure",
  "Fonction",
  "Courriel",
  "Téléphone",
  "Collège",
  "Pilier",
  "Commune",
  "Accord pour être contacté·e",
];

function cells(p: PersonListItem): string[] {
  return [
    p.civility ? civilityLabels[p.civility] : "",
    p.lastName,
    p.firstName,
    p.structureName ?? "",
    p.function ?? "",
    p.email ?? "",
    p.phone ?? "",
    p.collegeName ?? "",
    p.pillar ? pillarLabels[p.pillar] : "",
    p.communeName ?? "",
    p.consentToContact ? "oui" : "non",
  ];
}

/**
 * Exports what the reader sees in the people list: same filters, same access and contact-visibility rules
 * (it reads through the directory service, page by page), optionally narrowed to selected people.
 */
export function createDirectoryExportService(deps: { directory: DirectoryService }) {
  const { directory } = deps;
  return {
    async export(actor: Actor, clsmId: string, query: ExportQuery) {
      const { format, ids, ...filters } = query;
      const selected = ids ? new Set(ids.toLowerCase().split(",")) : null;
      const people: PersonListItem[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await directory.people(actor, clsmId, { ...filters, limit: 100, offset });
        for (const p of page.items) if (!selected || selected.has(p.id)) people.push(p);
        if (page.items.length < 100 || offset + 100 >= page.total) break;
      }
      const rows = people.map(cells);
      const date = parisToday();
      const fileName = `annuaire-${date}.${format}`;
      return format === "xlsx"
        ? {
            fileName,
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            body: await toXlsx("Annuaire", headers, rows),
          }
        : { fileName, contentType: "text/csv; charset=utf-8", body: toCsv(headers, rows) };
    },
  };
}
