/** Lower-case, accent-free, punctuation as spaces: "Saint-Étienne" → "saint etienne". Used on both sides of a search. */
export function searchKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
