import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { okBody } from "../../../contracts/common";
import {
  type AddInvitationsBody,
  addInvitationsResult,
  type InvitationListQuery,
  invitationList,
  publicSurvey,
  type SendInvitationsBody,
  type SurveyAnswerBody,
  sendInvitationsResult,
} from "../../../contracts/survey-answers";
import { api } from "../../lib/api";

// The answering page (no account: the link's token stands for the session) and the coordination's invitations.

export type LinkKind = "public" | "invitation";

const linkUrl = (kind: LinkKind, token: string) =>
  `/api/public/${kind === "public" ? "surveys" : "survey-invitations"}/${encodeURIComponent(token)}`;

export function usePublicSurvey(kind: LinkKind, token: string) {
  return useQuery({
    queryKey: ["public-survey", kind, token],
    queryFn: ({ signal }) => api(linkUrl(kind, token), { schema: publicSurvey, signal }),
    // 404, 409 and 410 are answers, not hiccups; and a survey being answered is not reloaded behind the form.
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSendAnswer(kind: LinkKind, token: string) {
  return useMutation({
    mutationFn: (body: SurveyAnswerBody) =>
      api(`${linkUrl(kind, token)}/responses`, { method: "POST", body, schema: okBody }),
  });
}

// ─── Invitations (the coordination) ──────────────────────────────────────────────────────────────────────

const invitationsUrl = (clsmId: string, surveyId: string) =>
  `/api/clsms/${clsmId}/surveys/${surveyId}/invitations`;
const invitationsKey = (clsmId: string, surveyId: string) =>
  ["clsm", clsmId, "surveys", "invitations", surveyId] as const;

export function useInvitations(clsmId: string, surveyId: string, query: InvitationListQuery) {
  return useQuery({
    queryKey: [...invitationsKey(clsmId, surveyId), query],
    queryFn: ({ signal }) =>
      api(invitationsUrl(clsmId, surveyId), { query: { ...query }, schema: invitationList, signal }),
    placeholderData: (previous) => previous,
  });
}

function useInvitationsMutation<T, R>(clsmId: string, surveyId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(clsmId, surveyId) }),
  });
}

export const useAddInvitations = (clsmId: string, surveyId: string) =>
  useInvitationsMutation(clsmId, surveyId, (body: AddInvitationsBody) =>
    api(invitationsUrl(clsmId, surveyId), { method: "POST", body, schema: addInvitationsResult }),
  );

export const useMailInvitations = (clsmId: string, surveyId: string, what: "send" | "remind") =>
  useInvitationsMutation(clsmId, surveyId, (body: SendInvitationsBody) =>
    api(`${invitationsUrl(clsmId, surveyId)}/${what}`, {
      method: "POST",
      body,
      schema: sendInvitationsResult,
    }),
  );

export const useRemoveInvitation = (clsmId: string, surveyId: string) =>
  useInvitationsMutation(clsmId, surveyId, (invitationId: string) =>
    api(`${invitationsUrl(clsmId, surveyId)}/${invitationId}`, { method: "DELETE" }),
  );
