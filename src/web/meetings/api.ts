import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { instanceDetail } from "../../contracts/governance";
import type {
  AgendaOutcome,
  Attendance,
  CreateMeetingBody,
  GuestInput,
  MeetingDetail,
  UpdateInviteeBody,
  UpdateMeetingBody,
} from "../../contracts/meetings";
import { addInviteesResult, meetingDetail, meetingList, yearlyCheck } from "../../contracts/meetings";
import { instanceKeys } from "../governance/api";
import { api } from "../lib/api";

/** What the lists ask: a period (calendar) or the upcoming / past meetings (list). */
export interface MeetingListParams {
  from?: string;
  to?: string;
  when?: "upcoming" | "past";
  instanceId?: string;
  includeCancelled?: boolean;
  limit?: number;
  offset?: number;
}

export const meetingKeys = {
  all: (clsmId: string) => ["clsm", clsmId, "meetings"] as const,
  lists: (clsmId: string) => ["clsm", clsmId, "meetings", "list"] as const,
  list: (clsmId: string, q: MeetingListParams) => ["clsm", clsmId, "meetings", "list", q] as const,
  yearly: (clsmId: string, year?: number) =>
    ["clsm", clsmId, "meetings", "yearly", year ?? "current"] as const,
  detail: (clsmId: string, id: string) => ["clsm", clsmId, "meetings", "detail", id] as const,
};

export const meetingsBase = (clsmId: string) => `/api/clsms/${clsmId}/meetings`;
const one = (clsmId: string, id: string) => `${meetingsBase(clsmId)}/${id}`;

export function useMeetings(clsmId: string, params: MeetingListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: meetingKeys.list(clsmId, params),
    queryFn: ({ signal }) =>
      api(meetingsBase(clsmId), {
        query: {
          ...params,
          includeCancelled: params.includeCancelled ? "true" : undefined,
        },
        schema: meetingList,
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useYearlyCheck(clsmId: string, year?: number) {
  return useQuery({
    queryKey: meetingKeys.yearly(clsmId, year),
    queryFn: ({ signal }) =>
      api(`${meetingsBase(clsmId)}/yearly`, { query: { year }, schema: yearlyCheck, signal }),
  });
}

export function useMeeting(clsmId: string, id: string) {
  return useQuery({
    queryKey: meetingKeys.detail(clsmId, id),
    queryFn: ({ signal }) => api(one(clsmId, id), { schema: meetingDetail, signal }),
  });
}

/**
 * A change to meetings: the detail the API answers with replaces the cached one at once, and the lists, the
 * calendar and the yearly check are refreshed.
 */
function useMeetingMutation<T, R>(clsmId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      const parsed = meetingDetail.safeParse(result);
      if (parsed.success) queryClient.setQueryData(meetingKeys.detail(clsmId, parsed.data.id), parsed.data);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.lists(clsmId) }),
        queryClient.invalidateQueries({ queryKey: ["clsm", clsmId, "meetings", "yearly"] }),
      ]);
    },
  });
}

/** A change inside one meeting (invitees, agenda, attendance): its detail is refreshed too. */
function useMeetingPartMutation<T, R>(
  clsmId: string,
  meetingId: string,
  fn: (input: T) => Promise<R>,
  /** The change reaches other meetings too (an agenda item postponed to the next one). */
  otherMeetings = false,
) {
  const queryClient = useQueryClient();
  const key = meetingKeys.detail(clsmId, meetingId);
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      const parsed = meetingDetail.safeParse(result);
      if (parsed.success) queryClient.setQueryData(key, parsed.data);
      else await queryClient.invalidateQueries({ queryKey: key });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.lists(clsmId) }),
        otherMeetings
          ? queryClient.invalidateQueries({
              queryKey: ["clsm", clsmId, "meetings", "detail"],
              predicate: (q) => q.queryKey[4] !== meetingId,
            })
          : null,
      ]);
    },
  });
}

export const useCreateMeeting = (clsmId: string) =>
  useMeetingMutation(clsmId, (body: CreateMeetingBody) =>
    api(meetingsBase(clsmId), { method: "POST", body, schema: meetingDetail }),
  );

export const useUpdateMeeting = (clsmId: string, id: string) =>
  useMeetingMutation(clsmId, (body: UpdateMeetingBody) =>
    api(one(clsmId, id), { method: "PATCH", body, schema: meetingDetail }),
  );

export const useCancelMeeting = (clsmId: string, id: string) =>
  useMeetingMutation(clsmId, (body: { notify: boolean }) =>
    api(`${one(clsmId, id)}/cancel`, { method: "POST", body, schema: meetingDetail }),
  );

export const useDuplicateMeeting = (clsmId: string, id: string) =>
  useMeetingMutation(clsmId, (body: { date: string; time?: string }) =>
    api(`${one(clsmId, id)}/duplicate`, { method: "POST", body, schema: meetingDetail }),
  );

export function useDeleteMeeting(clsmId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(one(clsmId, id), { method: "DELETE" }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: meetingKeys.detail(clsmId, id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.lists(clsmId) }),
        queryClient.invalidateQueries({ queryKey: ["clsm", clsmId, "meetings", "yearly"] }),
      ]);
    },
  });
}

// ─── Invitees and attendance ───────────────────────────────────────────────────────────────────────────

export const useAddInvitees = (clsmId: string, meetingId: string) =>
  useMeetingPartMutation(clsmId, meetingId, (guests: GuestInput[]) =>
    api(`${one(clsmId, meetingId)}/invitees`, {
      method: "POST",
      body: { guests },
      schema: addInviteesResult,
    }),
  );

export const useUpdateInvitee = (clsmId: string, meetingId: string) =>
  useMeetingPartMutation(clsmId, meetingId, ({ id, ...body }: UpdateInviteeBody & { id: string }) =>
    api(`${one(clsmId, meetingId)}/invitees/${id}`, { method: "PATCH", body, schema: meetingDetail }),
  );

export const useRemoveInvitee = (clsmId: string, meetingId: string) =>
  useMeetingPartMutation(clsmId, meetingId, (inviteeId: string) =>
    api(`${one(clsmId, meetingId)}/invitees/${inviteeId}`, { method: "DELETE", schema: meetingDetail }),
  );

export interface AttendanceEntry {
  inviteeId: string;
  attendance: Attendance | null;
  representedBy?: string | null;
}

export const useTakeAttendance = (clsmId: string, meetingId: string) =>
  useMeetingPartMutation(clsmId, meetingId, (entries: AttendanceEntry[]) =>
    api(`${one(clsmId, meetingId)}/attendance`, { method: "PUT", body: { entries }, schema: meetingDetail }),
  );

// ─── Agenda ────────────────────────────────────────────────────────────────────────────────────────────

export interface AgendaItemInput {
  title?: string;
  description?: string;
  durationMinutes?: number | null;
  presenter?: string;
  outcome?: AgendaOutcome;
}

export const useAddAgendaItem = (clsmId: string, meetingId: string) =>
  useMeetingPartMutation(clsmId, meetingId, (body: AgendaItemInput & { title: string }) =>
    api(`${one(clsmId, meetingId)}/agenda`, { method: "POST", body, schema: meetingDetail }),
  );

export function useOrderAgenda(clsmId: string, meetingId: string) {
  const queryClient = useQueryClient();
  const key = meetingKeys.detail(clsmId, meetingId);
  return useMutation({
    mutationFn: (ids: string[]) =>
      api(`${one(clsmId, meetingId)}/agenda/order`, { method: "PUT", body: { ids }, schema: meetingDetail }),
    // The new order shows at once; the server's answer confirms it (or the previous order comes back).
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<MeetingDetail>(key);
      if (previous) {
        const byId = new Map(previous.agenda.map((a) => [a.id, a]));
        const agenda = ids.flatMap((id, position) => {
          const item = byId.get(id);
          return item ? [{ ...item, position }] : [];
        });
        queryClient.setQueryData<MeetingDetail>(key, { ...previous, agenda });
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (detail) => queryClient.setQueryData(key, detail),
  });
}

export const useUpdateAgendaItem = (clsmId: string, meetingId: string) =>
  useMeetingPartMutation(clsmId, meetingId, ({ id, ...body }: AgendaItemInput & { id: string }) =>
    api(`${one(clsmId, meetingId)}/agenda/${id}`, { method: "PATCH", body, schema: meetingDetail }),
  );

export const useDeleteAgendaItem = (clsmId: string, meetingId: string) =>
  useMeetingPartMutation(clsmId, meetingId, (itemId: string) =>
    api(`${one(clsmId, meetingId)}/agenda/${itemId}`, { method: "DELETE", schema: meetingDetail }),
  );

export const usePostponeAgendaItem = (clsmId: string, meetingId: string) =>
  useMeetingPartMutation(
    clsmId,
    meetingId,
    ({ id, toMeetingId }: { id: string; toMeetingId?: string }) =>
      api(`${one(clsmId, meetingId)}/agenda/${id}/postpone`, {
        method: "POST",
        body: toMeetingId ? { toMeetingId } : {},
        schema: meetingDetail,
      }),
    true,
  );

// ─── Instances ─────────────────────────────────────────────────────────────────────────────────────────

const noMembers: ReadonlySet<string> = new Set();

/** The directory ids of an instance's current members (invited to its meetings); empty without an instance. */
export function useInstanceMembers(clsmId: string, instanceId: string | undefined): ReadonlySet<string> {
  const query = useQuery({
    queryKey: instanceKeys.detail(clsmId, instanceId ?? ""),
    queryFn: ({ signal }) =>
      api(`/api/clsms/${clsmId}/instances/${instanceId}`, { schema: instanceDetail, signal }),
    enabled: Boolean(instanceId),
  });
  if (!instanceId || !query.data?.members) return noMembers;
  return new Set(query.data.members.filter((m) => m.endDate === null).map((m) => m.personId));
}
