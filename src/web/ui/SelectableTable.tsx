import type { ReactNode } from "react";
import { Checkbox } from "./Checkbox";
import { DataTable } from "./DataTable";

export interface Column<T> {
  id: string;
  /** Visible header. */
  header: ReactNode;
  /** The cell of one row. */
  cell: (row: T) => ReactNode;
  /** The first column is the row header (read with every other cell). */
  className?: string;
}

export interface SelectableTableProps<T> {
  caption: string;
  captionHidden?: boolean;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Accessible name of a row's checkbox ("Sélectionner Marie Durand"). */
  rowLabel: (row: T) => string;
  /** Selection across pages, by row key; omit both to have no checkboxes. */
  selected?: ReadonlySet<string>;
  onSelectionChange?: (next: Set<string>) => void;
}

/**
 * A native table with an optional checkbox per row and one to select the whole page. The first
 * column is the row header. Checkboxes are real checkboxes (Espace to toggle, Tab to move).
 */
export function SelectableTable<T>({
  caption,
  captionHidden,
  rows,
  columns,
  rowKey,
  rowLabel,
  selected,
  onSelectionChange,
}: SelectableTableProps<T>) {
  const selectable = Boolean(selected && onSelectionChange);
  const keys = rows.map(rowKey);
  const onPage = selected ? keys.filter((k) => selected.has(k)).length : 0;
  const all = keys.length > 0 && onPage === keys.length;
  const some = onPage > 0 && !all;

  const setPage = (value: boolean) => {
    if (!selected || !onSelectionChange) return;
    const next = new Set(selected);
    for (const k of keys) {
      if (value) next.add(k);
      else next.delete(k);
    }
    onSelectionChange(next);
  };
  const setOne = (key: string, value: boolean) => {
    if (!selected || !onSelectionChange) return;
    const next = new Set(selected);
    if (value) next.add(key);
    else next.delete(key);
    onSelectionChange(next);
  };

  return (
    <DataTable caption={caption} captionHidden={captionHidden}>
      <thead>
        <tr>
          {selectable ? (
            <th scope="col" className="select-cell">
              <Checkbox isSelected={all} isIndeterminate={some} onChange={setPage}>
                <span className="visually-hidden">Sélectionner toutes les lignes de cette page</span>
              </Checkbox>
            </th>
          ) : null}
          {columns.map((c) => (
            <th key={c.id} scope="col" className={c.className}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = rowKey(row);
          return (
            <tr key={key}>
              {selectable ? (
                <td className="select-cell">
                  <Checkbox isSelected={Boolean(selected?.has(key))} onChange={(value) => setOne(key, value)}>
                    <span className="visually-hidden">{rowLabel(row)}</span>
                  </Checkbox>
                </td>
              ) : null}
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.id} scope="row" className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.id} className={c.className}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
