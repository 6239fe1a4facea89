import { messages } from "./messages";

/** An error meant for the client: its status, a stable code and a French message. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (message: string = messages.notFound) => new AppError(404, "NOT_FOUND", message);
export const forbidden = (message: string = messages.forbidden) => new AppError(403, "FORBIDDEN", message);
export const unauthorized = () => new AppError(401, "UNAUTHENTICATED", messages.unauthenticated);
export const conflict = (message: string, fields?: Record<string, string>) =>
  new AppError(409, "CONFLICT", message, fields);
export const badRequest = (message: string, fields?: Record<string, string>) =>
  new AppError(400, "BAD_REQUEST", message, fields);
