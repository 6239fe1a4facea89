import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateLinkBody,
  type CreateNeedBody,
  type CreateResourceBody,
  link,
  type NeedListQuery,
  needDetail,
  needList,
  needsSummary,
  type ResourceListQuery,
  resourceDetail,
  resourceList,
  type UpdateNeedBody,
  type UpdateResourceBody,
} from "../../../contracts/diagnostic-needs";
import { z } from "../../../contracts/zod";
import { api } from "../../lib/api";

const base = (clsmId: string) => `/api/clsms/${clsmId}/diagnostic`;

export const needsKeys = {
  all: (clsmId: string) => ["clsm", clsmId, "diagnostic", "needs"] as const,
  needs: (clsmId: string, q: Partial<NeedListQuery>) =>
    ["clsm", clsmId, "diagnostic", "needs", "list", q] as const,
  need: (clsmId: string, id: string) => ["clsm", clsmId, "diagnostic", "needs", "need", id] as const,
  resources: (clsmId: string, q: Partial<ResourceListQuery>) =>
    ["clsm", clsmId, "diagnostic", "needs", "resources", q] as const,
  resource: (clsmId: string, id: string) => ["clsm", clsmId, "diagnostic", "needs", "resource", id] as const,
  summary: (clsmId: string) => ["clsm", clsmId, "diagnostic", "needs", "summary"] as const,
};

/** Any change to a need, a resource or a link refreshes the lists, the details and the summary. */
function useNeedsMutation<T, R>(clsmId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needsKeys.all(clsmId) }),
  });
}

export function useNeeds(clsmId: string, query: Partial<NeedListQuery>) {
  return useQuery({
    queryKey: needsKeys.needs(clsmId, query),
    queryFn: ({ signal }) => api(`${base(clsmId)}/needs`, { query: { ...query }, schema: needList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(clsmId: string, id: string) {
  return useQuery({
    queryKey: needsKeys.need(clsmId, id),
    queryFn: ({ signal }) => api(`${base(clsmId)}/needs/${id}`, { schema: needDetail, signal }),
  });
}

export function useResources(clsmId: string, query: Partial<ResourceListQuery>) {
  return useQuery({
    queryKey: needsKeys.resources(clsmId, query),
    queryFn: ({ signal }) =>
      api(`${base(clsmId)}/resources`, { query: { ...query }, schema: resourceList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResource(clsmId: string, id: string) {
  return useQuery({
    queryKey: needsKeys.resource(clsmId, id),
    queryFn: ({ signal }) => api(`${base(clsmId)}/resources/${id}`, { schema: resourceDetail, signal }),
  });
}

export function useNeedsSummary(clsmId: string) {
  return useQuery({
    queryKey: needsKeys.summary(clsmId),
    queryFn: ({ signal }) => api(`${base(clsmId)}/needs/summary`, { schema: needsSummary, signal }),
  });
}

export const useCreateNeed = (clsmId: string) =>
  useNeedsMutation(clsmId, (body: CreateNeedBody) =>
    api(`${base(clsmId)}/needs`, { method: "POST", body, schema: needDetail }),
  );

export const useUpdateNeed = (clsmId: string, id: string) =>
  useNeedsMutation(clsmId, (body: UpdateNeedBody) =>
    api(`${base(clsmId)}/needs/${id}`, { method: "PATCH", body, schema: needDetail }),
  );

export const useDeleteNeed = (clsmId: string, id: string) =>
  useNeedsMutation(clsmId, () => api(`${base(clsmId)}/needs/${id}`, { method: "DELETE" }));

export const useCreateResource = (clsmId: string) =>
  useNeedsMutation(clsmId, (body: CreateResourceBody) =>
    api(`${base(clsmId)}/resources`, { method: "POST", body, schema: resourceDetail }),
  );

export const useUpdateResource = (clsmId: string, id: string) =>
  useNeedsMutation(clsmId, (body: UpdateResourceBody) =>
    api(`${base(clsmId)}/resources/${id}`, { method: "PATCH", body, schema: resourceDetail }),
  );

export const useDeleteResource = (clsmId: string, id: string) =>
  useNeedsMutation(clsmId, () => api(`${base(clsmId)}/resources/${id}`, { method: "DELETE" }));

/** Links a need or a resource (`owner`: "needs" or "resources") to a survey, a question or a meeting. */
export const useAddLink = (clsmId: string, owner: "needs" | "resources", ownerId: string) =>
  useNeedsMutation(clsmId, (body: CreateLinkBody) =>
    api(`${base(clsmId)}/${owner}/${ownerId}/links`, { method: "POST", body, schema: link }),
  );

export const useRemoveLink = (clsmId: string) =>
  useNeedsMutation(clsmId, (linkId: string) => api(`${base(clsmId)}/links/${linkId}`, { method: "DELETE" }));

// ─── What a link can point at: the CLSM's surveys and their questions ─────────────────────────────────────
// Only the fields the picker shows are read (the surveys' own contract belongs to the survey builder).

const surveyChoices = z.object({ items: z.array(z.object({ id: z.string(), title: z.string() })) });
const surveyQuestions = z.object({
  definition: z.object({
    sections: z.array(z.object({ questions: z.array(z.object({ id: z.string(), label: z.string() })) })),
  }),
});

export function useSurveyChoices(clsmId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["clsm", clsmId, "surveys", "choices"],
    queryFn: ({ signal }) =>
      api(`/api/clsms/${clsmId}/surveys`, { query: { limit: 100 }, schema: surveyChoices, signal }),
    enabled,
  });
}

export function useSurveyQuestions(clsmId: string, surveyId: string | null) {
  return useQuery({
    queryKey: ["clsm", clsmId, "surveys", "questions", surveyId],
    queryFn: ({ signal }) =>
      api(`/api/clsms/${clsmId}/surveys/${surveyId}`, { schema: surveyQuestions, signal }).then((s) =>
        s.definition.sections.flatMap((section) => section.questions),
      ),
    enabled: surveyId !== null,
  });
}
