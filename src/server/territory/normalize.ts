/** Bumped whenever `searchKey` changes, so the stored search names are recomputed (see reference.ts). */
export const SEARCH_KEY_VERSION = 2;

/**
 * Lower-case, accent-free, ligatures spelt out, punctuation as spaces: "Saint-Étienne" → "saint etienne",
 * "Vandœuvre-lès-Nancy" → "vandoeuvre les nancy". Used on both sides of a search.
 */
export function searchKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
