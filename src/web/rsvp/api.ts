import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type RsvpBody, rsvpView } from "../../contracts/meetings-convocations";
import { api } from "../lib/api";

// The public answer page: the token of the mailed link stands for the session.

const rsvpKey = (token: string) => ["rsvp", token] as const;
const url = (token: string) => `/api/rsvp/${encodeURIComponent(token)}`;

export function useRsvp(token: string) {
  return useQuery({
    queryKey: rsvpKey(token),
    queryFn: ({ signal }) => api(url(token), { schema: rsvpView, signal }),
    // 404 and 410 are answers, not hiccups.
    retry: false,
  });
}

export function useAnswerRsvp(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RsvpBody) => api(url(token), { method: "POST", body, schema: rsvpView }),
    onSuccess: (data) => queryClient.setQueryData(rsvpKey(token), data),
  });
}
