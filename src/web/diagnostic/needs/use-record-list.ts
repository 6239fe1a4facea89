import { useState } from "react";
import type { Objective } from "../../../contracts/objectives";
import { useDebouncedValue } from "../../lib/use-debounced-value";

export const LIST_LIMIT = 25;
/** The filter's "all" choice. */
export const ALL = "_all";

/**
 * What a list of needs or of resources is asked for: a search, one filter of its own (theme or type), an order
 * and a page. A new search or filter goes back to the first page.
 */
export function useRecordList(objective: Objective | undefined) {
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState(ALL);
  const [sort, setSort] = useState<"created" | "title">("created");
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 250);
  return {
    search,
    setSearch: (value: string) => {
      setSearch(value);
      setOffset(0);
    },
    filter,
    setFilter: (value: string) => {
      setFilter(value);
      setOffset(0);
    },
    sort,
    setSort,
    offset,
    setOffset,
    /** The query parameters both lists share; each adds its filter. */
    query: { objective, q: q || undefined, sort, limit: LIST_LIMIT, offset },
    filtered: Boolean(objective || q || filter !== ALL),
  };
}

export type RecordListState = ReturnType<typeof useRecordList>;
