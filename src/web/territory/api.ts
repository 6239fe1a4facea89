import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { epciDetail, regionList, territorySearchResult } from "../../contracts/territory";
import { api } from "../lib/api";

export const MIN_SEARCH_LENGTH = 2;

export function useTerritorySearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ["territory", "search", query],
    queryFn: ({ signal }) =>
      api("/api/territory/search", { query: { q: query, limit: 15 }, schema: territorySearchResult, signal }),
    enabled: query.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}

export function fetchEpci(code: string) {
  return api(`/api/territory/epci/${encodeURIComponent(code)}`, { schema: epciDetail });
}

export const epciKey = (code: string) => ["territory", "epci", code] as const;

export function useRegions() {
  return useQuery({
    queryKey: ["territory", "regions"],
    queryFn: ({ signal }) => api("/api/territory/regions", { schema: regionList, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
