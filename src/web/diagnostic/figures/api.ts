import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateFigureBody,
  type FigureListQuery,
  figureItem,
  figureList,
  type UpdateFigureBody,
} from "../../../contracts/diagnostic-figures";
import { api } from "../../lib/api";

const base = (clsmId: string) => `/api/clsms/${clsmId}/diagnostic/figures`;

export const figureKeys = {
  all: (clsmId: string) => ["clsm", clsmId, "diagnostic", "figures"] as const,
  list: (clsmId: string, q: Partial<FigureListQuery>) =>
    ["clsm", clsmId, "diagnostic", "figures", q] as const,
};

function useFiguresMutation<T, R>(clsmId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: figureKeys.all(clsmId) }),
  });
}

export function useFigures(clsmId: string, query: Partial<FigureListQuery>) {
  return useQuery({
    queryKey: figureKeys.list(clsmId, query),
    queryFn: ({ signal }) => api(base(clsmId), { query: { ...query }, schema: figureList, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useCreateFigure = (clsmId: string) =>
  useFiguresMutation(clsmId, (body: CreateFigureBody) =>
    api(base(clsmId), { method: "POST", body, schema: figureItem }),
  );

export const useUpdateFigure = (clsmId: string, id: string) =>
  useFiguresMutation(clsmId, (body: UpdateFigureBody) =>
    api(`${base(clsmId)}/${id}`, { method: "PATCH", body, schema: figureItem }),
  );

export const useDeleteFigure = (clsmId: string, id: string) =>
  useFiguresMutation(clsmId, () => api(`${base(clsmId)}/${id}`, { method: "DELETE" }));
