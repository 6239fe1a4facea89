import { createContext, useContext } from "react";

/**
 * The server's field errors of the last save, keyed by path ("sections.0.questions.2.condition"). Inputs with a
 * `name` get theirs through the Form; composite parts (choice lists, conditions) read theirs here.
 */
export const FieldErrorsContext = createContext<Record<string, string>>({});

export const useFieldError = (path: string): string | undefined => useContext(FieldErrorsContext)[path];

/** "sections.1.questions.0.choices.2.label" → "Section 2, question 1, choix 3". */
export function describePath(path: string): string {
  const parts = path.split(".");
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const index = Number(parts[i + 1]);
    const label = placeNames[part ?? ""];
    if (label && Number.isInteger(index)) {
      words.push(`${label} ${index + 1}`);
      i++;
    } else if (part && fieldNames[part]) words.push(fieldNames[part]);
  }
  const text = words.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const placeNames: Record<string, string> = {
  sections: "section",
  questions: "question",
  choices: "choix",
  rows: "ligne",
};
const fieldNames: Record<string, string> = {
  label: "intitulé",
  falcLabel: "version FALC",
  help: "aide",
  title: "titre",
  falcTitle: "titre en FALC",
  description: "présentation",
  condition: "condition",
  type: "type",
  id: "identifiant",
  choices: "choix",
  rows: "lignes",
  min: "minimum",
  max: "maximum",
  unit: "unité",
  maxChoices: "nombre maximum de choix",
  allowOther: "« Autre, précisez »",
  sections: "questionnaire",
};
