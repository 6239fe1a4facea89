import { type Answers, answers as answersSchema } from "../../../contracts/survey-definition";
import { z } from "../../../contracts/zod";
import type { LinkKind } from "./api";

// What the answering page keeps in the browser (localStorage): the half-filled answer of a link until it is sent,
// the browser's random key (one answer per browser on public links, decisions/008), and the links already
// answered from here. Storage may be refused (private browsing, full): the page then works without it.

const BROWSER_KEY = "maillage.survey-browser-key";
const draftKey = (kind: LinkKind, token: string) => `maillage.survey-draft.${kind}.${token}`;
const answeredKey = (kind: LinkKind, token: string) => `maillage.survey-answered.${kind}.${token}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Nothing kept: the answer is sent all the same.
  }
}

const draft = z.object({
  given: answersSchema,
  respondent: z.object({ name: z.string().max(200), email: z.string().max(254) }).optional(),
});
export type Draft = z.infer<typeof draft>;

export function readDraft(kind: LinkKind, token: string): Draft | null {
  try {
    const parsed = draft.safeParse(JSON.parse(read(draftKey(kind, token)) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
export const saveDraft = (
  kind: LinkKind,
  token: string,
  value: { given: Answers; respondent?: Draft["respondent"] },
) => write(draftKey(kind, token), JSON.stringify(value));
export const clearDraft = (kind: LinkKind, token: string) => write(draftKey(kind, token), null);

/** The browser's key: 32 random bytes in base64url, drawn once and kept. */
export function browserKey(): string {
  const kept = read(BROWSER_KEY);
  if (kept && /^[A-Za-z0-9_-]{43}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  write(BROWSER_KEY, key);
  return key;
}

export const answeredHere = (kind: LinkKind, token: string) => read(answeredKey(kind, token)) !== null;
export const markAnsweredHere = (kind: LinkKind, token: string) => write(answeredKey(kind, token), "1");
