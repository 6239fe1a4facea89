import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The installed version of the official data (the same package the reference geography is loaded from). */
export const referencePackageVersion = (): string =>
  require("@etalab/decoupage-administratif/package.json").version;

/**
 * Where the communes' populations come from, as it must be cited. @etalab/decoupage-administratif 6.x is the 2026
 * millésime of the Code officiel géographique; its `population` is the population municipale of Insee's
 * populations légales 2023 (statistical reference date 1 January 2023, in force since 1 January 2026; Insee
 * publication 8680726). Another major version carries another millésime: a test pins the major so that updating
 * the package makes someone check and restate these words.
 */
export const POPULATION_YEAR = 2023;
export const REFERENCE_PACKAGE_MAJOR = 6;
export const populationSource = () =>
  `Insee, populations légales ${POPULATION_YEAR} (population municipale, en vigueur au 1er janvier 2026), ` +
  `via @etalab/decoupage-administratif ${referencePackageVersion()}`;
