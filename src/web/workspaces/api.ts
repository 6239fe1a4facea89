import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ClsmStatus, TerritoryInput } from "../../contracts/workspaces";
import { clsmDetail, clsmList, memberList, territoryMap } from "../../contracts/workspaces";
import { z } from "../../contracts/zod";
import { meKey } from "../accounts/api";
import { api } from "../lib/api";

export interface ClsmListParams {
  q?: string;
  status?: ClsmStatus;
  regionCode?: string;
  limit: number;
  offset: number;
}

export const clsmKeys = {
  lists: ["clsms"] as const,
  list: (params: ClsmListParams) => ["clsms", params] as const,
  detail: (id: string) => ["clsm", id] as const,
  map: (id: string) => ["clsm", id, "map"] as const,
  members: (id: string) => ["clsm", id, "members"] as const,
};

export function useClsmList(params: ClsmListParams) {
  return useQuery({
    queryKey: clsmKeys.list(params),
    queryFn: ({ signal }) => api("/api/clsms", { query: { ...params }, schema: clsmList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useClsm(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: clsmKeys.detail(id),
    queryFn: ({ signal }) => api(`/api/clsms/${id}`, { schema: clsmDetail, signal }),
    enabled: options.enabled ?? true,
  });
}

export function useClsmMap(id: string) {
  return useQuery({
    queryKey: clsmKeys.map(id),
    queryFn: ({ signal }) => api(`/api/clsms/${id}/map`, { schema: territoryMap, signal }),
    staleTime: 5 * 60_000,
  });
}

export interface MemberListParams {
  q?: string;
  limit: number;
  offset: number;
}

export function useMembers(id: string, params: MemberListParams) {
  return useQuery({
    queryKey: [...clsmKeys.members(id), params],
    queryFn: ({ signal }) =>
      api(`/api/clsms/${id}/members`, { query: { ...params }, schema: memberList, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface CreateClsmInput {
  name: string;
  status: ClsmStatus;
  territory: TerritoryInput;
}

export function useCreateClsm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClsmInput) => api("/api/clsms", { method: "POST", body, schema: clsmDetail }),
    onSuccess: (created) => {
      queryClient.setQueryData(clsmKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: clsmKeys.lists });
    },
  });
}

export function useUpdateClsm(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; status?: ClsmStatus }) =>
      api(`/api/clsms/${id}`, { method: "PATCH", body, schema: clsmDetail }),
    onSuccess: (updated) => {
      queryClient.setQueryData(clsmKeys.detail(id), updated);
      void queryClient.invalidateQueries({ queryKey: clsmKeys.lists });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useSetTerritory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TerritoryInput) =>
      api(`/api/clsms/${id}/territory`, { method: "PUT", body, schema: clsmDetail }),
    onSuccess: (updated) => {
      queryClient.setQueryData(clsmKeys.detail(id), updated);
      void queryClient.invalidateQueries({ queryKey: clsmKeys.map(id) });
      void queryClient.invalidateQueries({ queryKey: clsmKeys.lists });
    },
  });
}

function useMemberMutation<T, R>(id: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: clsmKeys.members(id) });
      void queryClient.invalidateQueries({ queryKey: clsmKeys.detail(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: clsmKeys.lists });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export interface AddMemberInput {
  email: string;
  name?: string;
  role: "coordinator" | "member";
  isChair: boolean;
  isColead: boolean;
}

export function useAddMember(id: string) {
  return useMemberMutation(id, (body: AddMemberInput) =>
    api(`/api/clsms/${id}/members`, {
      method: "POST",
      body,
      schema: z.object({ userId: z.string(), invited: z.boolean() }),
    }),
  );
}

export interface UpdateMemberInput {
  userId: string;
  role?: "coordinator" | "member";
  isChair?: boolean;
  isColead?: boolean;
}

export function useUpdateMember(id: string) {
  return useMemberMutation(id, ({ userId, ...body }: UpdateMemberInput) =>
    api(`/api/clsms/${id}/members/${encodeURIComponent(userId)}`, { method: "PATCH", body }),
  );
}

export function useResendInvitation(id: string) {
  return useMemberMutation(id, (userId: string) =>
    api(`/api/clsms/${id}/members/${encodeURIComponent(userId)}/invitation`, { method: "POST" }),
  );
}

export function useRemoveMember(id: string) {
  return useMemberMutation(id, (userId: string) =>
    api(`/api/clsms/${id}/members/${encodeURIComponent(userId)}`, { method: "DELETE" }),
  );
}
