import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { messageOf } from "../../lib/api";
import { plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { EmptyState } from "../../ui/EmptyState";
import { Pagination } from "../../ui/Pagination";
import { SearchField } from "../../ui/SearchField";
import { SelectField } from "../../ui/SelectField";
import { ALL, LIST_LIMIT, type RecordListState } from "./use-record-list";

const sortOptions = [
  { id: "created", label: "Les plus récents d'abord" },
  { id: "title", label: "Ordre alphabétique" },
];

export interface RecordListProps {
  list: RecordListState;
  result: UseQueryResult<{ items: unknown[]; total: number }>;
  searchLabel: string;
  /** The list's own filter (theme or type), its first option being "all". */
  filter: { label: string; name: string; options: { id: string; label: string }[] };
  /** What an item is called, for the count and the pagination ("besoin"). */
  noun: string;
  empty: { filtered: string; none: string };
  /** The table of the page's items, shown when there are some. */
  children: ReactNode;
}

/** The toolbar, the count, the table and the pagination of a list of needs or of resources. */
export function RecordList({ list, result, searchLabel, filter, noun, empty, children }: RecordListProps) {
  const total = result.data?.total ?? 0;
  const hasItems = (result.data?.items.length ?? 0) > 0;
  return (
    <div className="stack">
      <div className="toolbar">
        <SearchField label={searchLabel} value={list.search} onChange={list.setSearch} />
        <SelectField
          label={filter.label}
          name={filter.name}
          options={filter.options}
          selectedKey={list.filter}
          onSelectionChange={(k) => list.setFilter(k === null ? ALL : String(k))}
        />
        <SelectField
          label="Tri"
          name="sort"
          options={sortOptions}
          selectedKey={list.sort}
          onSelectionChange={(k) => list.setSort(k === "title" ? "title" : "created")}
        />
      </div>
      {result.isError ? <Alert tone="error">{messageOf(result.error)}</Alert> : null}
      {result.data && !hasItems ? <EmptyState title={list.filtered ? empty.filtered : empty.none} /> : null}
      {hasItems ? (
        <>
          <p className="muted" role="status">
            {plural(total, noun)}
          </p>
          {children}
          <Pagination
            total={total}
            limit={LIST_LIMIT}
            offset={list.offset}
            onChange={list.setOffset}
            label={`${noun}s`}
          />
        </>
      ) : null}
    </div>
  );
}
