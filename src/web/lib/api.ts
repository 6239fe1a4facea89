import type { z } from "zod";
import { errorBody } from "../../contracts/common";

/** An API failure, with the server's French message and per-field messages when it sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const networkMessage = "Le serveur ne répond pas. Vérifiez votre connexion et réessayez.";
const unexpectedMessage = "Une erreur inattendue est survenue. Réessayez dans un instant.";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions<S extends z.ZodType | undefined> {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** Contract schema of the answer: the response is checked against it. */
  schema?: S;
  signal?: AbortSignal;
}

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Listeners told when the API says the session is gone (401), so the app can go back to sign-in. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function urlOf(path: string, query: RequestOptions<undefined>["query"]): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  const parsed = errorBody.safeParse(payload);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields);
  }
  return new ApiError(response.status, "HTTP_ERROR", unexpectedMessage);
}

/** The ApiError of a refused request; a 401 tells the app the session is gone. */
async function failure(response: Response, path: string): Promise<ApiError> {
  const error = await errorFrom(response);
  if (response.status === 401 && path !== "/api/session") {
    for (const listener of unauthenticatedListeners) listener();
  }
  return error;
}

/** The one way the web app talks to the API: JSON in, JSON out, errors as ApiError. */
export async function api<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  const { method = "GET", body, query, schema, signal } = options;
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, "NETWORK", networkMessage);
  }
  if (!response.ok) throw await failure(response, path);
  if (!schema || response.status === 204) return undefined as Result<S>;
  const data: unknown = await response.json();
  return schema.parse(data) as Result<S>;
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

/** The French message to show for any error thrown by a query or a mutation. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return unexpectedMessage;
}

/** Downloads a file from the API (GET, or POST with a raw body); errors come as ApiError. */
export async function apiDownload(
  path: string,
  query: RequestOptions<undefined>["query"],
  fallbackName: string,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", networkMessage);
  }
  if (!response.ok) throw await errorFrom(response);
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  saveBlob(await response.blob(), fileName);
}

/** Offers a blob to the browser as a file download. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sends raw bytes (a file) as the request body; the answer is checked against the schema. */
export async function apiUpload<S extends z.ZodType>(
  path: string,
  file: Blob,
  query: RequestOptions<undefined>["query"],
  schema: S,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/octet-stream", accept: "application/json" },
      body: file,
    });
  } catch {
    throw new ApiError(0, "NETWORK", networkMessage);
  }
  if (!response.ok) throw await errorFrom(response);
  return schema.parse(await response.json());
}

/**
 * POSTs and reads an answer of one JSON value per line (NDJSON) as it arrives, each checked against the schema
 * and handed to `onLine`; a refusal before the stream starts comes as ApiError.
 */
export async function apiLines<S extends z.ZodType>(
  path: string,
  schema: S,
  onLine: (value: z.output<S>) => void,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/x-ndjson" },
    });
  } catch {
    throw new ApiError(0, "NETWORK", networkMessage);
  }
  if (!response.ok || !response.body) throw await failure(response, path);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  for (;;) {
    const chunk = await reader.read().catch(() => {
      throw new ApiError(0, "NETWORK", networkMessage);
    });
    const lines = (pending + (chunk.value ?? "")).split("\n");
    pending = lines.pop() ?? "";
    for (const line of chunk.done ? [...lines, pending] : lines) {
      if (line.trim()) onLine(schema.parse(JSON.parse(line)));
    }
    if (chunk.done) return;
  }
}
