import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  calendarFeedStatus,
  type SendConvocationsBody,
  sendConvocationsResult,
} from "../../../contracts/meetings-convocations";
import { api } from "../../lib/api";

// Convocations of a meeting and the person's calendar-feed links.

export const useSendConvocations = (clsmId: string, meetingId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SendConvocationsBody) =>
      api(`/api/clsms/${clsmId}/meetings/${meetingId}/convocations`, {
        method: "POST",
        body,
        schema: sendConvocationsResult,
      }),
    // Where each invitee's convocation stands shows in the meeting (and the lists): refresh them.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["clsm", clsmId, "meetings"] }),
  });
};

/** A CLSM's meetings, or the person's own meetings across their CLSMs. */
export type FeedScope = { kind: "clsm"; clsmId: string } | { kind: "personal" };

const feedPath = (scope: FeedScope) =>
  scope.kind === "clsm" ? `/api/clsms/${scope.clsmId}/calendar-feed` : "/api/me/calendar-feed";
const feedKey = (scope: FeedScope) =>
  scope.kind === "clsm"
    ? (["clsm", scope.clsmId, "calendar-feed"] as const)
    : (["me", "calendar-feed"] as const);

export function useCalendarFeed(scope: FeedScope) {
  return useQuery({
    queryKey: feedKey(scope),
    queryFn: ({ signal }) => api(feedPath(scope), { schema: calendarFeedStatus, signal }),
  });
}

/** A new link (the previous one stops working); the answer is the only time the link is shown. */
export function useCreateCalendarFeed(scope: FeedScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(feedPath(scope), { method: "POST", schema: calendarFeedStatus }),
    onSuccess: (data) => queryClient.setQueryData(feedKey(scope), { ...data, url: null }),
  });
}

export function useRevokeCalendarFeed(scope: FeedScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(feedPath(scope), { method: "DELETE" }),
    onSuccess: () => queryClient.setQueryData(feedKey(scope), { active: false, createdAt: null, url: null }),
  });
}
