import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inviteUserBody, updateUserBody } from "../../contracts/accounts";
import { me, userList } from "../../contracts/accounts";
import { okBody } from "../../contracts/common";
import { z } from "../../contracts/zod";
import { api, isApiError } from "../lib/api";

export const meKey = ["me"] as const;

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api("/api/me", { schema: me });
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api("/api/session", { method: "POST", body, schema: me }),
    onSuccess: (data) => {
      queryClient.removeQueries();
      queryClient.setQueryData(meKey, data);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api("/api/session", { method: "DELETE" }),
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useRequestMagicLink() {
  return useMutation({
    mutationFn: (body: { email: string }) =>
      api("/api/session/magic-link", { method: "POST", body, schema: okBody }),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: { email: string }) =>
      api("/api/password/forgot", { method: "POST", body, schema: okBody }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api("/api/password/reset", { method: "POST", body, schema: okBody }),
  });
}

// Administration of people

export interface UserListParams {
  q?: string;
  limit: number;
  offset: number;
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ["admin", "users", params],
    queryFn: ({ signal }) => api("/api/admin/users", { query: { ...params }, schema: userList, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof inviteUserBody>) =>
      api("/api/admin/users", { method: "POST", body, schema: z.object({ id: z.string() }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof updateUserBody> & { id: string }) =>
      api(`/api/admin/users/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
