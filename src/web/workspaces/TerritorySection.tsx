import type { ClsmDetail } from "../../contracts/workspaces";
import { formatNumber, formatPopulation, plural } from "../lib/format";
import { DataTable } from "../ui/DataTable";
import { scaleLabels } from "./labels";
import { TerritoryMap } from "./TerritoryMap";

export function TerritorySection({ clsm }: { clsm: ClsmDetail }) {
  const t = clsm.territory;
  const communeNames = new Map(t.communes.map((c) => [c.code, c.name]));
  const departementNames = new Map(t.departements.map((d) => [d.code, d.name]));
  return (
    <section className="section" aria-labelledby="territoire">
      <h2 id="territoire">Territoire</h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>Population</dt>
          <dd data-testid="population">{formatPopulation(t.population)}</dd>
        </div>
        <div className="facts__item">
          <dt>Échelle</dt>
          <dd>{scaleLabels[t.scale]}</dd>
        </div>
        <div className="facts__item">
          <dt>Communes</dt>
          <dd>{formatNumber(t.communes.length)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t.departements.length > 1 ? "Départements" : "Département"}</dt>
          <dd>{t.departements.map((d) => `${d.name} (${d.code})`).join(", ") || "—"}</dd>
        </div>
        <div className="facts__item">
          <dt>{t.regions.length > 1 ? "Régions" : "Région"}</dt>
          <dd>{t.regions.map((r) => r.name).join(", ") || "—"}</dd>
        </div>
        {t.epcis.length > 0 ? (
          <div className="facts__item facts__item--wide">
            <dt>{t.epcis.length > 1 ? "Intercommunalités (EPCI)" : "Intercommunalité (EPCI)"}</dt>
            <dd>{t.epcis.map((e) => e.name).join(", ")}</dd>
          </div>
        ) : null}
      </dl>

      {t.quartiers.length > 0 ? (
        <DataTable caption={`Quartiers couverts (${plural(t.quartiers.length, "quartier")})`}>
          <thead>
            <tr>
              <th scope="col">Quartier</th>
              <th scope="col">Commune</th>
              <th scope="col" className="num">
                Population
              </th>
            </tr>
          </thead>
          <tbody>
            {t.quartiers.map((q) => (
              <tr key={q.id}>
                <th scope="row">{q.name}</th>
                <td>{communeNames.get(q.communeCode) ?? q.communeCode}</td>
                <td className="num">{formatNumber(q.population)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}

      <div className="territory-layout">
        <div className="territory-layout__map">
          <TerritoryMap clsmId={clsm.id} clsmName={clsm.name} />
        </div>
        <div className="territory-layout__table">
          <DataTable caption={`Communes du territoire (${formatNumber(t.communes.length)})`}>
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
              {t.communes.map((c) => (
                <tr key={c.code}>
                  <th scope="row">
                    {c.name} <span className="muted">({c.code})</span>
                  </th>
                  <td>{departementNames.get(c.departementCode) ?? c.departementCode}</td>
                  <td className="num">{formatNumber(c.population)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      </div>
    </section>
  );
}
