import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  anonymiseResult,
  type CreatePersonBody,
  type CreateStructureBody,
  collegeList,
  directorySettings,
  type PersonListQuery,
  type Pillar,
  personDetail,
  personExport,
  personList,
  pillarsDashboard,
  type StructureListQuery,
  structureDetail,
  structureList,
  type UpdatePersonBody,
  type UpdateStructureBody,
} from "../../contracts/directory";
import { api } from "../lib/api";

export const dirKeys = {
  all: (clsmId: string) => ["clsm", clsmId, "directory"] as const,
  colleges: (clsmId: string) => ["clsm", clsmId, "directory", "colleges"] as const,
  people: (clsmId: string, q?: Partial<PersonListQuery>) =>
    ["clsm", clsmId, "directory", "people", q ?? {}] as const,
  person: (clsmId: string, id: string) => ["clsm", clsmId, "directory", "person", id] as const,
  structures: (clsmId: string, q?: Partial<StructureListQuery>) =>
    ["clsm", clsmId, "directory", "structures", q ?? {}] as const,
  structure: (clsmId: string, id: string) => ["clsm", clsmId, "directory", "structure", id] as const,
  pillars: (clsmId: string) => ["clsm", clsmId, "directory", "pillars"] as const,
  settings: (clsmId: string) => ["clsm", clsmId, "directory", "settings"] as const,
  search: (clsmId: string, kind: "people" | "structures", q: string) =>
    ["clsm", clsmId, "directory", "search", kind, q] as const,
};

const base = (clsmId: string) => `/api/clsms/${clsmId}/directory`;

/** Any change in the directory may change counts, lists and the pillars (of instances too): refresh all of it. */
function useDirectoryMutation<T, R>(clsmId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dirKeys.all(clsmId) }),
        queryClient.invalidateQueries({ queryKey: ["clsm", clsmId, "instances"] }),
      ]),
  });
}

// ─── Collèges ──────────────────────────────────────────────────────────────────

export function useColleges(clsmId: string) {
  return useQuery({
    queryKey: dirKeys.colleges(clsmId),
    queryFn: ({ signal }) => api(`${base(clsmId)}/colleges`, { schema: collegeList, signal }),
  });
}

export const useCreateCollege = (clsmId: string) =>
  useDirectoryMutation(clsmId, (body: { name: string; pillar: Pillar | null }) =>
    api(`${base(clsmId)}/colleges`, { method: "POST", body }),
  );

export const useUpdateCollege = (clsmId: string) =>
  useDirectoryMutation(clsmId, ({ id, ...body }: { id: string; name?: string; pillar?: Pillar | null }) =>
    api(`${base(clsmId)}/colleges/${id}`, { method: "PATCH", body }),
  );

export const useOrderColleges = (clsmId: string) =>
  useDirectoryMutation(clsmId, (ids: string[]) =>
    api(`${base(clsmId)}/colleges/order`, { method: "PUT", body: { ids } }),
  );

export const useDeleteCollege = (clsmId: string) =>
  useDirectoryMutation(clsmId, (id: string) => api(`${base(clsmId)}/colleges/${id}`, { method: "DELETE" }));

// ─── Structures ────────────────────────────────────────────────────────────────

export function useStructures(clsmId: string, query: Partial<StructureListQuery>) {
  return useQuery({
    queryKey: dirKeys.structures(clsmId, query),
    queryFn: ({ signal }) =>
      api(`${base(clsmId)}/structures`, { query: { ...query }, schema: structureList, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface DirectoryMatch {
  id: string;
  name: string;
  /** What tells two homonyms apart: function and structure for a person, commune for a structure. */
  detail: string;
}

/**
 * People or structures matching what was typed in a picker. Nothing is fetched before something is typed, and an
 * earlier search's list is never shown while the new one loads: a list that swaps under the pointer makes people
 * (and browser tests) pick the wrong line.
 */
export function useDirectorySearch(clsmId: string, kind: "people" | "structures", q: string) {
  return useQuery({
    queryKey: dirKeys.search(clsmId, kind, q),
    enabled: q !== "",
    queryFn: async ({ signal }): Promise<DirectoryMatch[]> => {
      if (kind === "people") {
        const list = await api(`${base(clsmId)}/people`, {
          query: { q, limit: 20, sort: "lastName" },
          schema: personList,
          signal,
        });
        return list.items.map((p) => ({
          id: p.id,
          name: `${p.firstName} ${p.lastName}`.trim(),
          detail: [p.function, p.structureName].filter(Boolean).join(" · "),
        }));
      }
      const list = await api(`${base(clsmId)}/structures`, {
        query: { q, limit: 20, sort: "name" },
        schema: structureList,
        signal,
      });
      return list.items.map((s) => ({ id: s.id, name: s.name, detail: s.communeName ?? "" }));
    },
  });
}

export function useStructure(clsmId: string, id: string) {
  return useQuery({
    queryKey: dirKeys.structure(clsmId, id),
    queryFn: ({ signal }) => api(`${base(clsmId)}/structures/${id}`, { schema: structureDetail, signal }),
  });
}

export const useCreateStructure = (clsmId: string) =>
  useDirectoryMutation(clsmId, (body: CreateStructureBody) =>
    api(`${base(clsmId)}/structures`, { method: "POST", body, schema: structureDetail }),
  );

export const useUpdateStructure = (clsmId: string, id: string) =>
  useDirectoryMutation(clsmId, (body: UpdateStructureBody) =>
    api(`${base(clsmId)}/structures/${id}`, { method: "PATCH", body, schema: structureDetail }),
  );

// ─── People ────────────────────────────────────────────────────────────────────

export function usePeople(clsmId: string, query: Partial<PersonListQuery>) {
  return useQuery({
    queryKey: dirKeys.people(clsmId, query),
    queryFn: ({ signal }) =>
      api(`${base(clsmId)}/people`, { query: { ...query }, schema: personList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(clsmId: string, id: string) {
  return useQuery({
    queryKey: dirKeys.person(clsmId, id),
    queryFn: ({ signal }) => api(`${base(clsmId)}/people/${id}`, { schema: personDetail, signal }),
  });
}

export const useCreatePerson = (clsmId: string) =>
  useDirectoryMutation(clsmId, (body: CreatePersonBody) =>
    api(`${base(clsmId)}/people`, { method: "POST", body, schema: personDetail }),
  );

export const useUpdatePerson = (clsmId: string, id: string) =>
  useDirectoryMutation(clsmId, (body: UpdatePersonBody) =>
    api(`${base(clsmId)}/people/${id}`, { method: "PATCH", body, schema: personDetail }),
  );

export const useAddRole = (clsmId: string, personId: string) =>
  useDirectoryMutation(clsmId, (body: { function: string; structureId: string | null; startDate?: string }) =>
    api(`${base(clsmId)}/people/${personId}/roles`, { method: "POST", body }),
  );

export const useMergePerson = (clsmId: string, personId: string) =>
  useDirectoryMutation(clsmId, (otherId: string) =>
    api(`${base(clsmId)}/people/${personId}/merge`, { method: "POST", body: { otherId } }),
  );

export const useAnonymisePerson = (clsmId: string, personId: string) =>
  useDirectoryMutation(clsmId, () =>
    api(`${base(clsmId)}/people/${personId}/anonymise`, { method: "POST", schema: anonymiseResult }),
  );

export const useErasePerson = (clsmId: string, personId: string) =>
  useDirectoryMutation(clsmId, () => api(`${base(clsmId)}/people/${personId}`, { method: "DELETE" }));

export const fetchPersonExport = (clsmId: string, personId: string) =>
  api(`${base(clsmId)}/people/${personId}/export`, { schema: personExport });

// ─── Pillars, settings ─────────────────────────────────────────────────────────

export function usePillars(clsmId: string) {
  return useQuery({
    queryKey: dirKeys.pillars(clsmId),
    queryFn: ({ signal }) => api(`${base(clsmId)}/pillars`, { schema: pillarsDashboard, signal }),
  });
}

export function useDirectorySettings(clsmId: string) {
  return useQuery({
    queryKey: dirKeys.settings(clsmId),
    queryFn: ({ signal }) => api(`${base(clsmId)}/settings`, { schema: directorySettings, signal }),
  });
}

export const useMergeStructure = (clsmId: string, structureId: string) =>
  useDirectoryMutation(clsmId, (otherId: string) =>
    api(`${base(clsmId)}/structures/${structureId}/merge`, {
      method: "POST",
      body: { otherId },
      schema: structureDetail,
    }),
  );

export const useDeleteStructure = (clsmId: string, structureId: string) =>
  useDirectoryMutation(clsmId, () => api(`${base(clsmId)}/structures/${structureId}`, { method: "DELETE" }));

export const useEndRole = (clsmId: string, personId: string) =>
  useDirectoryMutation(clsmId, ({ roleId, endDate }: { roleId: string; endDate: string }) =>
    api(`${base(clsmId)}/people/${personId}/roles/${roleId}`, { method: "PATCH", body: { endDate } }),
  );

export const useDeleteRole = (clsmId: string, personId: string) =>
  useDirectoryMutation(clsmId, (roleId: string) =>
    api(`${base(clsmId)}/people/${personId}/roles/${roleId}`, { method: "DELETE" }),
  );
