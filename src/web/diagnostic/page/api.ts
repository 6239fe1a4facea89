import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type DiagnosticPageBody, diagnosticPage } from "../../../contracts/diagnostic-page";
import { api } from "../../lib/api";

export const pageKey = (clsmId: string) => ["clsm", clsmId, "diagnostic", "page"] as const;
export const diagnosticBase = (clsmId: string) => `/api/clsms/${clsmId}/diagnostic`;

export function useDiagnosticPage(clsmId: string) {
  return useQuery({
    queryKey: pageKey(clsmId),
    queryFn: ({ signal }) => api(diagnosticBase(clsmId), { schema: diagnosticPage, signal }),
  });
}

export function useSaveDiagnosticPage(clsmId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DiagnosticPageBody) =>
      api(`${diagnosticBase(clsmId)}/page`, { method: "PUT", body, schema: diagnosticPage }),
    onSuccess: (page) => queryClient.setQueryData(pageKey(clsmId), page),
  });
}
