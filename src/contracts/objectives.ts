import { z } from "./zod";

// The five major objectives of a CLSM (national framework, see docs/domain): needs, resources and, later, the
// fiches actions of the action plan are tagged with them.

export const objectives = ["isolement", "determinants", "prevention", "inclusion", "parcours"] as const;
export type Objective = (typeof objectives)[number];
export const objective = z.enum(objectives);

export const objectiveLabels: Record<Objective, string> = {
  isolement: "Lutter contre l'isolement et la stigmatisation",
  determinants: "Agir sur les déterminants de la santé mentale",
  prevention: "Prévenir les troubles psychiques",
  inclusion: "Favoriser l'inclusion des personnes concernées",
  parcours: "Améliorer les parcours de soins",
};
