import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type BallotBody,
  type CandidateBody,
  type ConsultationDetail,
  type CreateConsultationBody,
  chosenPriorityList,
  consultationDetail,
  consultationList,
  myBallot,
  type UpdateCandidateBody,
  type UpdateConsultationBody,
} from "../../../contracts/diagnostic-priorities";
import { api } from "../../lib/api";

export const priorityKeys = {
  all: (clsmId: string) => ["clsm", clsmId, "diagnostic", "priorities"] as const,
  list: (clsmId: string, page: { limit: number; offset: number }) =>
    ["clsm", clsmId, "diagnostic", "priorities", "list", page] as const,
  detail: (clsmId: string, id: string) => ["clsm", clsmId, "diagnostic", "priorities", "detail", id] as const,
  ballot: (clsmId: string, id: string) => ["clsm", clsmId, "diagnostic", "priorities", "ballot", id] as const,
  chosen: (clsmId: string) => ["clsm", clsmId, "diagnostic", "priorities", "chosen"] as const,
};

const base = (clsmId: string) => `/api/clsms/${clsmId}/diagnostic/priorities`;
const one = (clsmId: string, id: string) => `${base(clsmId)}/${id}`;

export function useConsultations(clsmId: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: priorityKeys.list(clsmId, page),
    queryFn: ({ signal }) => api(base(clsmId), { query: page, schema: consultationList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useConsultation(clsmId: string, id: string) {
  return useQuery({
    queryKey: priorityKeys.detail(clsmId, id),
    queryFn: ({ signal }) => api(one(clsmId, id), { schema: consultationDetail, signal }),
  });
}

export function useMyBallot(clsmId: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: priorityKeys.ballot(clsmId, id),
    queryFn: ({ signal }) => api(`${one(clsmId, id)}/ballot`, { schema: myBallot, signal }),
    enabled,
  });
}

export function useChosenPriorities(clsmId: string) {
  return useQuery({
    queryKey: priorityKeys.chosen(clsmId),
    queryFn: ({ signal }) =>
      api(`${base(clsmId)}/chosen`, { query: { limit: 100 }, schema: chosenPriorityList, signal }),
  });
}

/** A change of one consultation: the detail answered replaces the cached one; lists and priorities refresh. */
function useConsultationMutation<T>(clsmId: string, fn: (input: T) => Promise<ConsultationDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(priorityKeys.detail(clsmId, detail.id), detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...priorityKeys.all(clsmId), "list"] }),
        queryClient.invalidateQueries({ queryKey: priorityKeys.chosen(clsmId) }),
        queryClient.invalidateQueries({ queryKey: ["clsm", clsmId, "diagnostic", "page"] }),
      ]);
    },
  });
}

export const useCreateConsultation = (clsmId: string) =>
  useConsultationMutation(clsmId, (body: CreateConsultationBody) =>
    api(base(clsmId), { method: "POST", body, schema: consultationDetail }),
  );

export const useUpdateConsultation = (clsmId: string, id: string) =>
  useConsultationMutation(clsmId, (body: UpdateConsultationBody) =>
    api(one(clsmId, id), { method: "PATCH", body, schema: consultationDetail }),
  );

export function useDeleteConsultation(clsmId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(one(clsmId, id), { method: "DELETE" }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: priorityKeys.detail(clsmId, id) });
      await queryClient.invalidateQueries({ queryKey: [...priorityKeys.all(clsmId), "list"] });
    },
  });
}

export const useAddCandidate = (clsmId: string, id: string) =>
  useConsultationMutation(clsmId, (body: CandidateBody) =>
    api(`${one(clsmId, id)}/candidates`, { method: "POST", body, schema: consultationDetail }),
  );

export const useUpdateCandidate = (clsmId: string, id: string) =>
  useConsultationMutation(
    clsmId,
    ({ candidateId, body }: { candidateId: string; body: UpdateCandidateBody }) =>
      api(`${one(clsmId, id)}/candidates/${candidateId}`, {
        method: "PATCH",
        body,
        schema: consultationDetail,
      }),
  );

export const useRemoveCandidate = (clsmId: string, id: string) =>
  useConsultationMutation(clsmId, (candidateId: string) =>
    api(`${one(clsmId, id)}/candidates/${candidateId}`, { method: "DELETE", schema: consultationDetail }),
  );

export const useOrderCandidates = (clsmId: string, id: string) =>
  useConsultationMutation(clsmId, (ids: string[]) =>
    api(`${one(clsmId, id)}/candidates/order`, { method: "PUT", body: { ids }, schema: consultationDetail }),
  );

export const useOpenConsultation = (clsmId: string, id: string) =>
  useConsultationMutation(clsmId, (body: { closesAt: string | null }) =>
    api(`${one(clsmId, id)}/open`, { method: "POST", body, schema: consultationDetail }),
  );

export const useCloseConsultation = (clsmId: string, id: string) =>
  useConsultationMutation(clsmId, () =>
    api(`${one(clsmId, id)}/close`, { method: "POST", schema: consultationDetail }),
  );

export const useChooseCandidate = (clsmId: string, id: string) =>
  useConsultationMutation(clsmId, ({ candidateId, chosen }: { candidateId: string; chosen: boolean }) =>
    api(`${one(clsmId, id)}/candidates/${candidateId}/${chosen ? "choose" : "unchoose"}`, {
      method: "POST",
      schema: consultationDetail,
    }),
  );

/** Casts or replaces one's ballot: the ballot is cached, the consultation (its count) refreshed. */
export function useVote(clsmId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BallotBody) =>
      api(`${one(clsmId, id)}/ballot`, { method: "PUT", body, schema: myBallot }),
    onSuccess: async (ballot) => {
      queryClient.setQueryData(priorityKeys.ballot(clsmId, id), ballot);
      await queryClient.invalidateQueries({ queryKey: priorityKeys.detail(clsmId, id) });
    },
  });
}
