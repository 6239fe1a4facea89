import type { CountItem, QuestionFigures, QuestionResult } from "../../../contracts/survey-results";
import { formatNumber } from "../../lib/format";
import { DataTable } from "../../ui/DataTable";
import type { Groups } from "./charts";
import { decimal, groupShare, percentText } from "./numbers";

// The data table of a question's figures: what the chart shows, every number of it, for screen readers and for
// copying. With a cross-tab, one column per group and one for everyone.

const countCell = (i: CountItem | undefined) =>
  i ? `${formatNumber(i.count)} (${percentText(i.percent)})` : "—";

function Num({ children }: { children: string }) {
  return <td className="num">{children}</td>;
}

function ColumnHeads({ first, groups }: { first: string; groups: Groups | null }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {groups?.map((g) => (
          <th key={g.key ?? "none"} scope="col" className="num">
            {g.label}
          </th>
        ))}
        <th scope="col" className="num">
          {groups ? "Ensemble" : "Nombre (part)"}
        </th>
      </tr>
    </thead>
  );
}

/**
 * A question's figures as a table. Under a chart its caption is hidden (the figure names it); given a `caption`
 * (the diagnostic page, where the table stands alone) it is shown.
 */
export function ResultTable({
  question: q,
  groups,
  caption: shownCaption,
}: {
  question: QuestionResult;
  groups: Groups | null;
  caption?: string;
}) {
  const f = q.figures;
  const caption = shownCaption ?? `Données : ${q.label}`;
  const captionHidden = shownCaption === undefined;
  const per = groups ? (q.groups ?? []) : [];
  const answeredRow = groups ? (
    <tr>
      <th scope="row">Ont répondu</th>
      {per.map((g, i) => (
        <Num key={groups[i]?.key ?? "none"}>{formatNumber(g.answered)}</Num>
      ))}
      <Num>{formatNumber(q.answered)}</Num>
    </tr>
  ) : null;
  switch (f.kind) {
    case "choices":
    case "rating":
      return (
        <DataTable caption={caption} captionHidden={captionHidden}>
          <ColumnHeads first="Réponse" groups={groups} />
          <tbody>
            {answeredRow}
            {f.items.map((item, index) => (
              <tr key={item.key}>
                <th scope="row">{item.label}</th>
                {per.map((g, gi) => (
                  <Num key={groups?.[gi]?.key ?? "none"}>
                    {countCell(g.figures.kind === f.kind ? g.figures.items[index] : undefined)}
                  </Num>
                ))}
                <Num>{countCell(item)}</Num>
              </tr>
            ))}
            {f.kind === "rating" || f.mean !== null ? (
              <tr>
                <th scope="row">{f.kind === "rating" ? "Moyenne" : "Position moyenne sur l'échelle"}</th>
                {per.map((g, gi) => (
                  <Num key={groups?.[gi]?.key ?? "none"}>
                    {decimal(g.figures.kind === f.kind ? g.figures.mean : null)}
                  </Num>
                ))}
                <Num>{decimal(f.mean)}</Num>
              </tr>
            ) : null}
            {f.kind === "rating" ? (
              <tr>
                <th scope="row">Médiane</th>
                {per.map((g, gi) => (
                  <Num key={groups?.[gi]?.key ?? "none"}>
                    {decimal(g.figures.kind === "rating" ? g.figures.median : null)}
                  </Num>
                ))}
                <Num>{decimal(f.median)}</Num>
              </tr>
            ) : null}
          </tbody>
        </DataTable>
      );
    case "number": {
      const stats: [string, (x: Extract<QuestionFigures, { kind: "number" }>) => number | null][] = [
        ["Minimum", (x) => x.min],
        ["Maximum", (x) => x.max],
        ["Moyenne", (x) => x.mean],
        ["Médiane", (x) => x.median],
      ];
      return (
        <DataTable caption={caption} captionHidden={captionHidden}>
          <ColumnHeads first="Mesure" groups={groups} />
          <tbody>
            {answeredRow}
            {stats.map(([label, of]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {per.map((g, gi) => (
                  <Num key={groups?.[gi]?.key ?? "none"}>
                    {decimal(g.figures.kind === "number" ? of(g.figures) : null)}
                  </Num>
                ))}
                <Num>{decimal(of(f))}</Num>
              </tr>
            ))}
            {f.bins.map((b, bi) => (
              <tr key={b.from}>
                <th scope="row">
                  De {decimal(b.from)} à moins de {decimal(b.to)}
                </th>
                {per.map((g, gi) => (
                  <Num key={groups?.[gi]?.key ?? "none"}>
                    {g.figures.kind === "number" ? formatNumber(g.figures.bins[bi]?.count ?? 0) : "—"}
                  </Num>
                ))}
                <Num>{formatNumber(b.count)}</Num>
              </tr>
            ))}
          </tbody>
        </DataTable>
      );
    }
    case "ranking":
      return (
        <DataTable caption={caption} captionHidden={captionHidden}>
          <thead>
            <tr>
              <th scope="col">Choix</th>
              {groups?.map((g) => (
                <th key={g.key ?? "none"} scope="col" className="num">
                  {g.label} (rang moyen)
                </th>
              ))}
              <th scope="col" className="num">
                Rang moyen
              </th>
              <th scope="col" className="num">
                Classé premier
              </th>
            </tr>
          </thead>
          <tbody>
            {f.items.map((item, index) => (
              <tr key={item.key}>
                <th scope="row">{item.label}</th>
                {per.map((g, gi) => (
                  <Num key={groups?.[gi]?.key ?? "none"}>
                    {decimal(g.figures.kind === "ranking" ? g.figures.items[index]?.averageRank : null)}
                  </Num>
                ))}
                <Num>{decimal(item.averageRank)}</Num>
                <Num>{formatNumber(item.firstPlaces)}</Num>
              </tr>
            ))}
          </tbody>
        </DataTable>
      );
    case "matrix":
      return groups ? (
        <DataTable caption={caption} captionHidden={captionHidden}>
          <ColumnHeads first={`Position moyenne (1 = ${f.columns[0]?.label ?? ""})`} groups={groups} />
          <tbody>
            {f.rows.map((row, index) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {per.map((g, gi) => (
                  <Num key={groups[gi]?.key ?? "none"}>
                    {decimal(g.figures.kind === "matrix" ? g.figures.rows[index]?.mean : null)}
                  </Num>
                ))}
                <Num>{decimal(row.mean)}</Num>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <DataTable caption={caption} captionHidden={captionHidden}>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              {f.columns.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                </th>
              ))}
              <th scope="col" className="num">
                Position moyenne
              </th>
            </tr>
          </thead>
          <tbody>
            {f.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {f.columns.map((c, ci) => (
                  <Num key={c.key}>
                    {`${formatNumber(row.counts[ci] ?? 0)} (${percentText(groupShare(row.counts[ci] ?? 0, row.answered))})`}
                  </Num>
                ))}
                <Num>{decimal(row.mean)}</Num>
              </tr>
            ))}
          </tbody>
        </DataTable>
      );
    case "text":
      return null;
  }
}
