import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AddMembersBody,
  addMembersResult,
  type CreateInstanceBody,
  type InstanceKind,
  instanceDetail,
  instanceList,
  personMemberships,
  type UpdateInstanceBody,
  type UpdateMembershipBody,
} from "../../contracts/governance";
import { api } from "../lib/api";

export const instanceKeys = {
  all: (clsmId: string) => ["clsm", clsmId, "instances"] as const,
  list: (clsmId: string, q: { kind?: InstanceKind; archived?: boolean }) =>
    ["clsm", clsmId, "instances", "list", q] as const,
  detail: (clsmId: string, id: string) => ["clsm", clsmId, "instances", "detail", id] as const,
  ofPerson: (clsmId: string, personId: string) => ["clsm", clsmId, "instances", "person", personId] as const,
};

const base = (clsmId: string) => `/api/clsms/${clsmId}/instances`;

/** Memberships change the instances, their pillars and the directory filtered by instance: refresh both. */
function useGovernanceMutation<T, R>(clsmId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: instanceKeys.all(clsmId) }),
        queryClient.invalidateQueries({ queryKey: ["clsm", clsmId, "directory"] }),
      ]),
  });
}

export function useInstances(clsmId: string, query: { kind?: InstanceKind; archived?: boolean } = {}) {
  return useQuery({
    queryKey: instanceKeys.list(clsmId, query),
    queryFn: ({ signal }) =>
      api(base(clsmId), {
        query: { kind: query.kind, archived: query.archived ? "true" : undefined },
        schema: instanceList,
        signal,
      }),
  });
}

export function useInstance(clsmId: string, id: string) {
  return useQuery({
    queryKey: instanceKeys.detail(clsmId, id),
    queryFn: ({ signal }) => api(`${base(clsmId)}/${id}`, { schema: instanceDetail, signal }),
  });
}

export function usePersonMemberships(clsmId: string, personId: string) {
  return useQuery({
    queryKey: instanceKeys.ofPerson(clsmId, personId),
    queryFn: ({ signal }) =>
      api(`/api/clsms/${clsmId}/directory/people/${personId}/instances`, {
        schema: personMemberships,
        signal,
      }),
  });
}

export const useCreateInstance = (clsmId: string) =>
  useGovernanceMutation(clsmId, (body: CreateInstanceBody) =>
    api(base(clsmId), { method: "POST", body, schema: instanceDetail }),
  );

export const useUpdateInstance = (clsmId: string, id: string) =>
  useGovernanceMutation(clsmId, (body: UpdateInstanceBody) =>
    api(`${base(clsmId)}/${id}`, { method: "PATCH", body, schema: instanceDetail }),
  );

export const useDeleteInstance = (clsmId: string, id: string) =>
  useGovernanceMutation(clsmId, () => api(`${base(clsmId)}/${id}`, { method: "DELETE" }));

export const useAddMembers = (clsmId: string) =>
  useGovernanceMutation(clsmId, ({ instanceId, ...body }: AddMembersBody & { instanceId: string }) =>
    api(`${base(clsmId)}/${instanceId}/members`, { method: "POST", body, schema: addMembersResult }),
  );

export const useUpdateMembership = (clsmId: string, instanceId: string) =>
  useGovernanceMutation(clsmId, ({ id, ...body }: UpdateMembershipBody & { id: string }) =>
    api(`${base(clsmId)}/${instanceId}/members/${id}`, { method: "PATCH", body, schema: instanceDetail }),
  );

export const useRemoveMembership = (clsmId: string, instanceId: string) =>
  useGovernanceMutation(clsmId, (id: string) =>
    api(`${base(clsmId)}/${instanceId}/members/${id}`, { method: "DELETE", schema: instanceDetail }),
  );
