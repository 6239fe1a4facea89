import type { ImportField, ImportMapping } from "../../../contracts/directory-import";
import { searchKey } from "../../territory/normalize";

/** French headers (as `searchKey` writes them) that name each field. */
const synonyms: Record<ImportField, string[]> = {
  civility: ["civilite", "titre", "madame monsieur", "mme m", "genre"],
  lastName: ["nom", "nom de famille", "nom usage", "nom d usage", "last name", "nom naissance"],
  firstName: ["prenom", "prenoms", "first name"],
  fullName: ["nom prenom", "nom et prenom", "prenom nom", "nom complet", "personne", "contact", "identite"],
  structure: [
    "structure",
    "organisme",
    "etablissement",
    "organisation",
    "service",
    "partenaire",
    "institution",
    "association",
    "employeur",
  ],
  function: ["fonction", "poste", "role", "qualite", "metier", "titre du poste"],
  email: [
    "courriel",
    "e mail",
    "email",
    "mail",
    "adresse mail",
    "adresse e mail",
    "adresse electronique",
    "mel",
  ],
  phone: [
    "telephone",
    "tel",
    "portable",
    "mobile",
    "numero de telephone",
    "tel portable",
    "telephone portable",
  ],
  college: ["college", "colleges", "secteur", "collège"],
  commune: ["commune", "ville", "localite"],
  postalCode: ["code postal", "cp", "postal"],
  notes: ["notes", "note", "remarques", "commentaire", "commentaires", "observations"],
};

const byKey = new Map<string, ImportField>();
for (const [field, keys] of Object.entries(synonyms) as [ImportField, string[]][]) {
  for (const k of keys) byKey.set(searchKey(k), field);
}

/** Guesses each column's field from its header; a field is given to one column only (the first). */
export function guessMapping(headers: string[]): ImportMapping {
  const taken = new Set<ImportField>();
  return headers.map((h) => {
    const key = searchKey(h);
    let field = byKey.get(key) ?? null;
    if (!field) {
      // "Adresse courriel professionnelle", "Tél. fixe": a known word inside the header.
      const words = key.split(" ");
      for (const [k, f] of byKey) if (!k.includes(" ") && k.length > 2 && words.includes(k)) field ??= f;
    }
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

export const fieldLabels: Record<ImportField, string> = {
  civility: "Civilité",
  lastName: "Nom",
  firstName: "Prénom",
  fullName: "Nom et prénom",
  structure: "Structure",
  function: "Fonction",
  email: "Courriel",
  phone: "Téléphone",
  college: "Collège",
  commune: "Commune",
  postalCode: "Code postal",
  notes: "Notes",
};
