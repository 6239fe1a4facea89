import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { mailList } from "../../contracts/mail";
import { api } from "../lib/api";

export function useMailOutbox(params: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ["admin", "mail", params],
    queryFn: ({ signal }) => api("/api/admin/mail", { query: { ...params }, schema: mailList, signal }),
    placeholderData: keepPreviousData,
  });
}
