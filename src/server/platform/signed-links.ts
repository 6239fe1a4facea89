import { createHmac, timingSafeEqual } from "node:crypto";

// Links mailed to people without an account (a meeting's answer link, a survey invitation) carry a token:
//   <rowId>.<base64url(HMAC-SHA256(server secret, "<rowId>.<nonce>"))>
// Nothing is stored: the token is recomputed from the row's random nonce and compared in constant time; drawing a
// new nonce revokes the link. The row id is a UUID of a table the caller chooses, so a token of one kind of link
// opens nothing of another kind.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A SHA-256 in base64url without padding. */
const SIGNATURE_LENGTH = 43;

function mac(secret: string, id: string, nonce: string): string {
  return createHmac("sha256", secret).update(`${id}.${nonce}`).digest("base64url");
}

/** The token of a row's link. */
export const signedToken = (secret: string, row: { id: string; tokenNonce: string }) =>
  `${row.id}.${mac(secret, row.id, row.tokenNonce)}`;

/** The row id a token names (lower case), or null when the token cannot be one; the signature is checked apart. */
export function tokenRowId(token: string): string | null {
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  if (!UUID.test(id) || token.length - dot - 1 !== SIGNATURE_LENGTH) return null;
  return id.toLowerCase();
}

/** Whether the token is the row's, compared in constant time. */
export function tokenMatches(
  secret: string,
  token: string,
  row: { id: string; tokenNonce: string },
): boolean {
  const given = Buffer.from(token.slice(token.indexOf(".") + 1));
  const expected = Buffer.from(mac(secret, row.id, row.tokenNonce));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
