/** French messages of the territorial figures. */
export const figuresMessages = {
  figureNotFound: "Chiffre introuvable.",
  communeRequired: "Choisissez la commune du territoire à laquelle ce chiffre se rapporte.",
  communeOutsideTerritory: "Cette commune ne fait pas partie du territoire du CLSM.",
  communeOnlyForCommune: "Une commune ne s'indique que pour un chiffre à l'échelle d'une commune.",
  departementRequired: "Choisissez le département auquel ce chiffre se rapporte.",
  departementOutsideTerritory: "Ce département ne fait pas partie du territoire du CLSM.",
  departementOnlyForDepartement:
    "Un département ne s'indique que pour un chiffre à l'échelle d'un département.",
} as const;
