import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type DecisionBody,
  decision,
  type FollowUpBody,
  type FollowUpListQuery,
  followUp,
  followUpList,
  type MinutesDoc,
  meetingSearchResults,
  minutesView,
  type UpdateFollowUpBody,
} from "../../../contracts/meetings-minutes";
import { api } from "../../lib/api";

export const minutesKeys = {
  minutes: (clsmId: string, meetingId: string) => ["clsm", clsmId, "meetings", "minutes", meetingId] as const,
  search: (clsmId: string, q: string, offset: number) =>
    ["clsm", clsmId, "meetings", "search", q, offset] as const,
  followUps: (clsmId: string) => ["clsm", clsmId, "follow-ups"] as const,
  followUpList: (clsmId: string, q: Partial<FollowUpListQuery>) => ["clsm", clsmId, "follow-ups", q] as const,
};

const meetingUrl = (clsmId: string, meetingId: string) => `/api/clsms/${clsmId}/meetings/${meetingId}`;
const followUpsUrl = (clsmId: string) => `/api/clsms/${clsmId}/follow-ups`;

export function useMinutes(clsmId: string, meetingId: string) {
  return useQuery({
    queryKey: minutesKeys.minutes(clsmId, meetingId),
    queryFn: ({ signal }) => api(`${meetingUrl(clsmId, meetingId)}/minutes`, { schema: minutesView, signal }),
    // A member before sharing gets 403: no point in asking again.
    retry: false,
  });
}

/**
 * A change to minutes, decisions or follow-ups: the meeting's minutes, its detail (has minutes, shared), the
 * meeting lists, the follow-up lists and search results are refreshed.
 */
function useMinutesMutation<T, R>(clsmId: string, meetingId: string | null, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      const view = minutesView.safeParse(result);
      if (view.success && meetingId)
        queryClient.setQueryData(minutesKeys.minutes(clsmId, meetingId), view.data);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["clsm", clsmId, "meetings"] }),
        queryClient.invalidateQueries({ queryKey: minutesKeys.followUps(clsmId) }),
      ]);
    },
  });
}

export const useSaveMinutes = (clsmId: string, meetingId: string) =>
  useMinutesMutation(clsmId, meetingId, (body: { doc: MinutesDoc; expectedUpdatedAt: string | null }) =>
    api(`${meetingUrl(clsmId, meetingId)}/minutes`, { method: "PUT", body, schema: minutesView }),
  );

export const useShareMinutes = (clsmId: string, meetingId: string) =>
  useMinutesMutation(clsmId, meetingId, (shared: boolean) =>
    api(`${meetingUrl(clsmId, meetingId)}/minutes/share`, {
      method: shared ? "POST" : "DELETE",
      schema: minutesView,
    }),
  );

export const useAddDecision = (clsmId: string, meetingId: string) =>
  useMinutesMutation(clsmId, meetingId, (body: DecisionBody & { text: string }) =>
    api(`${meetingUrl(clsmId, meetingId)}/decisions`, { method: "POST", body, schema: decision }),
  );

export const useUpdateDecision = (clsmId: string, meetingId: string) =>
  useMinutesMutation(clsmId, meetingId, ({ id, ...body }: DecisionBody & { id: string }) =>
    api(`${meetingUrl(clsmId, meetingId)}/decisions/${id}`, { method: "PATCH", body, schema: decision }),
  );

export const useDeleteDecision = (clsmId: string, meetingId: string) =>
  useMinutesMutation(clsmId, meetingId, (id: string) =>
    api(`${meetingUrl(clsmId, meetingId)}/decisions/${id}`, { method: "DELETE" }),
  );

export const useAddFollowUp = (clsmId: string, meetingId: string) =>
  useMinutesMutation(clsmId, meetingId, (body: FollowUpBody) =>
    api(`${meetingUrl(clsmId, meetingId)}/follow-ups`, { method: "POST", body, schema: followUp }),
  );

/** Edits, closes or reopens a follow-up (from a meeting's minutes, or from the follow-up page). */
export const useUpdateFollowUp = (clsmId: string) =>
  useMinutesMutation(clsmId, null, ({ id, ...body }: UpdateFollowUpBody & { id: string }) =>
    api(`${followUpsUrl(clsmId)}/${id}`, { method: "PATCH", body, schema: followUp }),
  );

export const useDeleteFollowUp = (clsmId: string) =>
  useMinutesMutation(clsmId, null, (id: string) =>
    api(`${followUpsUrl(clsmId)}/${id}`, { method: "DELETE" }),
  );

export function useFollowUps(clsmId: string, query: Partial<FollowUpListQuery>) {
  return useQuery({
    queryKey: minutesKeys.followUpList(clsmId, query),
    queryFn: ({ signal }) => api(followUpsUrl(clsmId), { query: { ...query }, schema: followUpList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMeetingSearch(clsmId: string, q: string, offset: number, limit: number) {
  return useQuery({
    queryKey: minutesKeys.search(clsmId, q, offset),
    queryFn: ({ signal }) =>
      api(`/api/clsms/${clsmId}/meetings/search`, {
        query: { q, offset, limit },
        schema: meetingSearchResults,
        signal,
      }),
    enabled: q.trim() !== "",
    placeholderData: keepPreviousData,
  });
}
