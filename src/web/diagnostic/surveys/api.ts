import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SurveyDefinition } from "../../../contracts/survey-definition";
import {
  type CreateSurveyBody,
  surveyDetail,
  surveyList,
  surveyTemplateList,
  type UpdateSurveyBody,
} from "../../../contracts/surveys";
import { api } from "../../lib/api";

export const surveyKeys = {
  all: (clsmId: string) => ["clsm", clsmId, "surveys"] as const,
  list: (clsmId: string, q: SurveyListParams) => ["clsm", clsmId, "surveys", "list", q] as const,
  detail: (clsmId: string, id: string) => ["clsm", clsmId, "surveys", "detail", id] as const,
  templates: ["survey-templates"] as const,
};

export interface SurveyListParams {
  q?: string;
  limit: number;
  offset: number;
}

const base = (clsmId: string) => `/api/clsms/${clsmId}/surveys`;

/** Any change to a survey refreshes the list and the detail (results and diffusion pages read them too). */
function useSurveyMutation<T, R>(clsmId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.all(clsmId) }),
  });
}

export function useSurveys(clsmId: string, params: SurveyListParams) {
  return useQuery({
    queryKey: surveyKeys.list(clsmId, params),
    queryFn: ({ signal }) => api(base(clsmId), { query: { ...params }, schema: surveyList, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useSurvey(clsmId: string, id: string) {
  return useQuery({
    queryKey: surveyKeys.detail(clsmId, id),
    queryFn: ({ signal }) => api(`${base(clsmId)}/${id}`, { schema: surveyDetail, signal }),
  });
}

export function useSurveyTemplates() {
  return useQuery({
    queryKey: surveyKeys.templates,
    queryFn: ({ signal }) => api("/api/survey-templates", { schema: surveyTemplateList, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const useCreateSurvey = (clsmId: string) =>
  useSurveyMutation(clsmId, (body: CreateSurveyBody) =>
    api(base(clsmId), { method: "POST", body, schema: surveyDetail }),
  );

export const useUpdateSurvey = (clsmId: string, id: string) =>
  useSurveyMutation(clsmId, (body: UpdateSurveyBody) =>
    api(`${base(clsmId)}/${id}`, { method: "PATCH", body, schema: surveyDetail }),
  );

export const useSaveDefinition = (clsmId: string, id: string) =>
  useSurveyMutation(clsmId, (definition: SurveyDefinition) =>
    api(`${base(clsmId)}/${id}/definition`, { method: "PUT", body: definition, schema: surveyDetail }),
  );

export type SurveyAction = "publish" | "close" | "reopen" | "duplicate";

export const useSurveyAction = (clsmId: string, id: string) =>
  useSurveyMutation(clsmId, (action: SurveyAction) =>
    api(`${base(clsmId)}/${id}/${action}`, { method: "POST", schema: surveyDetail }),
  );

export const useDeleteSurvey = (clsmId: string, id: string) =>
  useSurveyMutation(clsmId, () => api(`${base(clsmId)}/${id}`, { method: "DELETE" }));
