import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  answerTags,
  publication,
  surveyResults,
  type TagBody,
  tagCounts,
  textAnswerList,
} from "../../../contracts/survey-results";
import { api, apiDownload } from "../../lib/api";
import { surveyKeys } from "../surveys/api";

/** While a survey takes answers, its results are read again this often. */
export const LIVE_REFRESH_MS = 30_000;

export const resultsKeys = {
  all: (clsmId: string, surveyId: string) => ["clsm", clsmId, "survey-results", surveyId] as const,
  results: (clsmId: string, surveyId: string, by: string | null) =>
    ["clsm", clsmId, "survey-results", surveyId, "figures", by] as const,
  texts: (clsmId: string, surveyId: string, q: TextsParams) =>
    ["clsm", clsmId, "survey-results", surveyId, "texts", q] as const,
  tags: (clsmId: string, surveyId: string) => ["clsm", clsmId, "survey-results", surveyId, "tags"] as const,
};

export interface TextsParams {
  questionId?: string;
  tag?: string;
  q?: string;
  limit: number;
  offset: number;
}

export const surveyBase = (clsmId: string, surveyId: string) => `/api/clsms/${clsmId}/surveys/${surveyId}`;

/** The figures, crossed by a question when `by` is set; read again every 30 s while the survey is open. */
export function useSurveyResults(clsmId: string, surveyId: string, by: string | null) {
  return useQuery({
    queryKey: resultsKeys.results(clsmId, surveyId, by),
    queryFn: ({ signal }) =>
      api(`${surveyBase(clsmId, surveyId)}/results`, { query: { by }, schema: surveyResults, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.survey.state === "open" ? LIVE_REFRESH_MS : false),
  });
}

export function useTextAnswers(clsmId: string, surveyId: string, params: TextsParams, live: boolean) {
  return useQuery({
    queryKey: resultsKeys.texts(clsmId, surveyId, params),
    queryFn: ({ signal }) =>
      api(`${surveyBase(clsmId, surveyId)}/results/texts`, {
        query: { ...params },
        schema: textAnswerList,
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
}

export function useTagCounts(clsmId: string, surveyId: string) {
  return useQuery({
    queryKey: resultsKeys.tags(clsmId, surveyId),
    queryFn: ({ signal }) =>
      api(`${surveyBase(clsmId, surveyId)}/results/tags`, { schema: tagCounts, signal }),
  });
}

/** Adds or removes a tag on one answer's text; the texts and the tag counts are read again. */
export function useTagAnswer(clsmId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ responseId, remove, ...body }: TagBody & { responseId: string; remove?: boolean }) =>
      api(`${surveyBase(clsmId, surveyId)}/responses/${responseId}/tags`, {
        method: remove ? "DELETE" : "POST",
        body,
        schema: answerTags,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...resultsKeys.all(clsmId, surveyId), "texts"] }),
        queryClient.invalidateQueries({ queryKey: resultsKeys.tags(clsmId, surveyId) }),
      ]),
  });
}

/** Shows the results to the CLSM's members (or back to the coordination only). */
export function usePublishResults(clsmId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (published: boolean) =>
      api(`${surveyBase(clsmId, surveyId)}/results/publication`, {
        method: "PUT",
        body: { published },
        schema: publication,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: resultsKeys.all(clsmId, surveyId) }),
        queryClient.invalidateQueries({ queryKey: surveyKeys.all(clsmId) }),
      ]),
  });
}

export type ExportKind = "responses" | "results";

/** Downloads the raw answers or the results summary, as CSV or XLSX. */
export const downloadExport = (clsmId: string, surveyId: string, kind: ExportKind, format: "csv" | "xlsx") =>
  apiDownload(
    `${surveyBase(clsmId, surveyId)}/${kind}/export`,
    { format },
    `${kind === "responses" ? "reponses" : "resultats"}.${format}`,
  );
