import type { TerritoryPopulation } from "../../../contracts/diagnostic-figures";
import { formatNumber, formatPopulation } from "../../lib/format";
import { DataTable } from "../../ui/DataTable";

/** The population of the territory and of each commune (and quartier), from the official data, with its source. */
export function PopulationSection({ population }: { population: TerritoryPopulation }) {
  const { communes, quartiers } = population;
  return (
    <section className="section" aria-labelledby="population">
      <h2 id="population">Population</h2>
      <p>
        <strong data-testid="territory-population">{formatPopulation(population.total)}</strong> sur le
        territoire du CLSM
        {population.official
          ? ` (${communes.length > 1 ? `${formatNumber(communes.length)} communes` : "une commune"}).`
          : ` (${quartiers.length > 1 ? `${formatNumber(quartiers.length)} quartiers` : "un quartier"}).`}
      </p>
      {quartiers.length > 0 ? (
        <DataTable caption="Population des quartiers du CLSM">
          <thead>
            <tr>
              <th scope="col">Quartier</th>
              <th scope="col" className="num">
                Population
              </th>
            </tr>
          </thead>
          <tbody>
            {quartiers.map((q) => (
              <tr key={`${q.communeCode}-${q.name}`}>
                <th scope="row">{q.name}</th>
                <td className="num">{formatNumber(q.population)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {population.quartiersSource ? (
        <p className="muted">Source des quartiers : {population.quartiersSource}.</p>
      ) : null}
      <DataTable
        caption={quartiers.length > 0 ? "Population des communes concernées" : "Population par commune"}
      >
        <thead>
          <tr>
            <th scope="col">Commune</th>
            <th scope="col">Département</th>
            <th scope="col" className="num">
              Population
            </th>
          </tr>
        </thead>
        <tbody>
          {communes.map((c) => (
            <tr key={c.code}>
              <th scope="row">{c.name}</th>
              <td>
                {c.departementName} ({c.departementCode})
              </td>
              <td className="num">{formatNumber(c.population)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p className="muted">Source : {population.source}.</p>
    </section>
  );
}
