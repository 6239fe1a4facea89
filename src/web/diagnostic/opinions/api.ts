import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AdoptOpinionBody,
  type CreateOpinionBody,
  type OpinionDetail,
  opinionDetail,
  opinionList,
  type SendOpinionBody,
  type UpdateOpinionBody,
} from "../../../contracts/diagnostic-opinions";
import { api } from "../../lib/api";

export const opinionKeys = {
  all: (clsmId: string) => ["clsm", clsmId, "diagnostic", "opinions"] as const,
  list: (clsmId: string, page: { limit: number; offset: number }) =>
    ["clsm", clsmId, "diagnostic", "opinions", "list", page] as const,
  detail: (clsmId: string, id: string) => ["clsm", clsmId, "diagnostic", "opinions", "detail", id] as const,
};

export const opinionsBase = (clsmId: string) => `/api/clsms/${clsmId}/diagnostic/opinions`;
const one = (clsmId: string, id: string) => `${opinionsBase(clsmId)}/${id}`;

export function useOpinions(clsmId: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: opinionKeys.list(clsmId, page),
    queryFn: ({ signal }) => api(opinionsBase(clsmId), { query: page, schema: opinionList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOpinion(clsmId: string, id: string) {
  return useQuery({
    queryKey: opinionKeys.detail(clsmId, id),
    queryFn: ({ signal }) => api(one(clsmId, id), { schema: opinionDetail, signal }),
  });
}

/** A change of one avis: the detail answered replaces the cached one; the list and the diagnostic page refresh. */
function useOpinionMutation<T>(clsmId: string, fn: (input: T) => Promise<OpinionDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(opinionKeys.detail(clsmId, detail.id), detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...opinionKeys.all(clsmId), "list"] }),
        queryClient.invalidateQueries({ queryKey: ["clsm", clsmId, "diagnostic", "page"] }),
      ]);
    },
  });
}

export const useCreateOpinion = (clsmId: string) =>
  useOpinionMutation(clsmId, (body: CreateOpinionBody) =>
    api(opinionsBase(clsmId), { method: "POST", body, schema: opinionDetail }),
  );

export const useUpdateOpinion = (clsmId: string, id: string) =>
  useOpinionMutation(clsmId, (body: UpdateOpinionBody) =>
    api(one(clsmId, id), { method: "PATCH", body, schema: opinionDetail }),
  );

export const useAdoptOpinion = (clsmId: string, id: string) =>
  useOpinionMutation(clsmId, (body: AdoptOpinionBody) =>
    api(`${one(clsmId, id)}/adopt`, { method: "POST", body, schema: opinionDetail }),
  );

export const useSendOpinion = (clsmId: string, id: string) =>
  useOpinionMutation(clsmId, (body: SendOpinionBody) =>
    api(`${one(clsmId, id)}/send`, { method: "POST", body, schema: opinionDetail }),
  );

export const useReopenOpinion = (clsmId: string, id: string) =>
  useOpinionMutation(clsmId, () =>
    api(`${one(clsmId, id)}/reopen`, { method: "POST", schema: opinionDetail }),
  );

export function useDeleteOpinion(clsmId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(one(clsmId, id), { method: "DELETE" }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: opinionKeys.detail(clsmId, id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...opinionKeys.all(clsmId), "list"] }),
        queryClient.invalidateQueries({ queryKey: ["clsm", clsmId, "diagnostic", "page"] }),
      ]);
    },
  });
}
