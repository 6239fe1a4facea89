import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorBody } from "../../../contracts/common";
import {
  type MeetingDocument,
  meetingDocument,
  meetingDocumentList,
} from "../../../contracts/meetings-documents";
import { ApiError, api, saveBlob } from "../../lib/api";

// The documents of a meeting and its sign-in sheet. Files go up as the raw request body (XMLHttpRequest, for
// the upload's progress) and come down as attachments.

export const documentKeys = {
  list: (clsmId: string, meetingId: string) => ["clsm", clsmId, "meetings", "documents", meetingId] as const,
};

const base = (clsmId: string, meetingId: string) => `/api/clsms/${clsmId}/meetings/${meetingId}`;
export const documentsUrl = (clsmId: string, meetingId: string) => `${base(clsmId, meetingId)}/documents`;
/** The download address (the server answers the file as an attachment). */
export const documentUrl = (clsmId: string, meetingId: string, id: string) =>
  `${documentsUrl(clsmId, meetingId)}/${id}`;

const networkMessage = "Le serveur ne répond pas. Vérifiez votre connexion et réessayez.";
const unexpectedMessage = "Une erreur inattendue est survenue. Réessayez dans un instant.";

export function useMeetingDocuments(clsmId: string, meetingId: string) {
  return useQuery({
    queryKey: documentKeys.list(clsmId, meetingId),
    queryFn: ({ signal }) => api(documentsUrl(clsmId, meetingId), { schema: meetingDocumentList, signal }),
  });
}

/** Sends the file with XMLHttpRequest, whose upload reports its progress (fetch does not). */
function sendFile(url: string, file: Blob, onProgress: (fraction: number) => void): Promise<MeetingDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", networkMessage));
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = meetingDocument.safeParse(payload);
        if (parsed.success) return resolve(parsed.data);
        return reject(new ApiError(xhr.status, "HTTP_ERROR", unexpectedMessage));
      }
      const error = errorBody.safeParse(payload);
      reject(
        error.success
          ? new ApiError(xhr.status, error.data.error.code, error.data.error.message, error.data.error.fields)
          : new ApiError(xhr.status, "HTTP_ERROR", unexpectedMessage),
      );
    };
    xhr.send(file);
  });
}

export function useUploadDocument(clsmId: string, meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      file: File;
      agendaItemId: string | null;
      onProgress: (fraction: number) => void;
    }) => {
      const query = new URLSearchParams({ fileName: input.file.name });
      if (input.agendaItemId) query.set("agendaItemId", input.agendaItemId);
      return sendFile(`${documentsUrl(clsmId, meetingId)}?${query}`, input.file, input.onProgress);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: documentKeys.list(clsmId, meetingId) }),
  });
}

export function useDeleteDocument(clsmId: string, meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(documentUrl(clsmId, meetingId, id), { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: documentKeys.list(clsmId, meetingId) }),
  });
}

/** The name a download is offered under: RFC 5987 `filename*` (accents kept), else the plain `filename`. */
export function fileNameOf(disposition: string, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoding: the plain name below.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Generates the sign-in sheet and offers it as a download; errors come as ApiError. */
export async function downloadSignInSheet(clsmId: string, meetingId: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${base(clsmId, meetingId)}/sign-in-sheet.pdf`, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", networkMessage);
  }
  if (!response.ok) {
    const parsed = errorBody.safeParse(await response.json().catch(() => undefined));
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message)
      : new ApiError(response.status, "HTTP_ERROR", unexpectedMessage);
  }
  const name = fileNameOf(response.headers.get("content-disposition") ?? "", "emargement.pdf");
  saveBlob(await response.blob(), name);
}

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** 512 → "512 octets", 20 480 → "20 ko", 1 468 006 → "1,4 Mo" (units of 1 024, as file managers show). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${whole.format(bytes)} ${bytes > 1 ? "octets" : "octet"}`;
  if (bytes < 1024 * 1024) return `${whole.format(Math.max(1, Math.round(bytes / 1024)))} ko`;
  if (bytes < 1024 * 1024 * 1024) return `${decimal.format(bytes / (1024 * 1024))} Mo`;
  return `${decimal.format(bytes / (1024 * 1024 * 1024))} Go`;
}
