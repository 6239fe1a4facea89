import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type ImportDecision,
  type ImportDetail,
  type ImportField,
  type ImportMapping,
  importCommitEvent,
  importDetail,
  importList,
  importPreview,
} from "../../contracts/directory-import";
import { z } from "../../contracts/zod";
import { ApiError, api, apiLines, apiUpload } from "../lib/api";
import { dirKeys } from "./api";

export const importFieldLabels: Record<ImportField, string> = {
  civility: "Civilité",
  lastName: "Nom",
  firstName: "Prénom",
  fullName: "Nom complet (prénom et nom)",
  structure: "Structure",
  function: "Fonction",
  email: "Adresse e-mail",
  phone: "Téléphone",
  college: "Collège",
  commune: "Commune",
  postalCode: "Code postal",
  notes: "Notes",
};

export const decisionLabels: Record<ImportDecision, string> = {
  skip: "Ignorer",
  update: "Mettre à jour",
  create: "Créer",
};

const base = (clsmId: string) => `/api/clsms/${clsmId}/directory/imports`;
const importKeys = {
  list: (clsmId: string) => [...dirKeys.all(clsmId), "imports"] as const,
  one: (clsmId: string, id: string) => [...dirKeys.all(clsmId), "import", id] as const,
  preview: (clsmId: string, id: string, only: string, offset: number) =>
    [...dirKeys.all(clsmId), "import", id, "preview", only, offset] as const,
};

export function useImports(clsmId: string) {
  return useQuery({
    queryKey: importKeys.list(clsmId),
    queryFn: ({ signal }) => api(base(clsmId), { query: { limit: 50 }, schema: importList, signal }),
  });
}

export function useImport(clsmId: string, id: string) {
  return useQuery({
    queryKey: importKeys.one(clsmId, id),
    queryFn: ({ signal }) => api(`${base(clsmId)}/${id}`, { schema: importDetail, signal }),
  });
}

export function useImportPreview(
  clsmId: string,
  id: string,
  only: "all" | "problems" | "duplicates",
  offset: number,
) {
  return useQuery({
    queryKey: importKeys.preview(clsmId, id, only, offset),
    queryFn: ({ signal }) =>
      api(`${base(clsmId)}/${id}/preview`, {
        query: { only, limit: 50, offset },
        schema: importPreview,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useUpload(clsmId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiUpload(base(clsmId), file, { fileName: file.name }, importDetail),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.list(clsmId) }),
  });
}

function useImportMutation<T, R>(
  clsmId: string,
  id: string,
  fn: (input: T) => Promise<R>,
  everything = false,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: everything ? dirKeys.all(clsmId) : importKeys.one(clsmId, id),
      }),
  });
}

export const useSetMapping = (clsmId: string, id: string) =>
  useImportMutation(clsmId, id, (mapping: ImportMapping) =>
    api(`${base(clsmId)}/${id}/mapping`, { method: "PUT", body: { mapping }, schema: importDetail }),
  );

export const useSetDecision = (clsmId: string, id: string) =>
  useImportMutation(clsmId, id, (d: { index: number; decision: ImportDecision }) =>
    api(`${base(clsmId)}/${id}/decisions`, {
      method: "PUT",
      body: { decisions: [d] },
      schema: z.object({ ok: z.literal(true) }),
    }),
  );

/** Rows of the file written so far by a running commit, as the server streams them. */
export interface CommitProgress {
  done: number;
  total: number;
}

/** Commits the import, reading its progress as it streams; `progress` is the last one received. */
export function useCommit(clsmId: string, id: string) {
  const [progress, setProgress] = useState<CommitProgress>();
  const mutation = useImportMutation(
    clsmId,
    id,
    async () => {
      setProgress(undefined);
      let result: ImportDetail | undefined;
      await apiLines(`${base(clsmId)}/${id}/commit`, importCommitEvent, (event) => {
        if (event.type === "progress") setProgress({ done: event.done, total: event.total });
        else if (event.type === "result") result = event.import;
        else
          throw new ApiError(
            event.error.code === "CONFLICT" ? 409 : 500,
            event.error.code,
            event.error.message,
          );
      });
      if (!result)
        throw new ApiError(
          0,
          "NETWORK",
          "La connexion a été interrompue : rechargez la page pour voir si l'import a été validé.",
        );
      return result;
    },
    true,
  );
  return { ...mutation, progress };
}

export const useUndo = (clsmId: string, id: string) =>
  useImportMutation(
    clsmId,
    id,
    () => api(`${base(clsmId)}/${id}/undo`, { method: "POST", schema: importDetail }),
    true,
  );
