import type { Objective } from "../../../contracts/objectives";

/** The objectives in a few words, for badges and table headers (the full wording is in contracts/objectives). */
export const objectiveShortLabels: Record<Objective, string> = {
  isolement: "Isolement et stigmatisation",
  determinants: "Déterminants de santé",
  prevention: "Prévention",
  inclusion: "Inclusion",
  parcours: "Parcours de soins",
};
