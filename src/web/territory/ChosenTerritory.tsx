import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from "react-aria-components";
import { formatNumber, formatPopulation, plural } from "../lib/format";
import { Button } from "../ui/Button";
import type { TerritoryDraft } from "./draft";

export interface ChosenTerritoryProps {
  draft: TerritoryDraft;
  onRemoveEpci: (code: string) => void;
  onRemoveCommune: (code: string) => void;
}

/** What the territory is made of so far, with a remove button per EPCI and per commune. */
export function ChosenTerritory({ draft, onRemoveEpci, onRemoveCommune }: ChosenTerritoryProps) {
  if (draft.epcis.length === 0 && draft.communes.length === 0) {
    return <p className="chosen__empty">Aucune commune ni intercommunalité choisie pour l'instant.</p>;
  }
  return (
    <div className="chosen">
      {draft.epcis.length > 0 ? (
        <div className="chosen__group">
          <h3 className="chosen__title">Intercommunalités (EPCI)</h3>
          <ul className="chosen__list">
            {draft.epcis.map((e) => (
              <li key={e.code} className="chosen__item chosen__item--epci">
                <div className="chosen__row">
                  <div className="chosen__text">
                    <span className="chosen__name">{e.name}</span>
                    <span className="chosen__meta">
                      {plural(e.communes.length, "commune")} · {formatPopulation(e.population)}
                    </span>
                  </div>
                  <Button
                    size="sm"
                    variant="quiet"
                    onPress={() => onRemoveEpci(e.code)}
                    aria-label={`Retirer ${e.name}`}
                  >
                    Retirer
                  </Button>
                </div>
                <Disclosure className="disclosure">
                  <Heading level={4} className="disclosure__heading">
                    <AriaButton slot="trigger" className="disclosure__trigger">
                      <span className="disclosure__chevron" aria-hidden="true">
                        ▸
                      </span>
                      Voir les {plural(e.communes.length, "commune")} de {e.name}
                    </AriaButton>
                  </Heading>
                  <DisclosurePanel className="disclosure__panel">
                    <ul className="commune-columns">
                      {e.communes.map((c) => (
                        <li key={c.code}>
                          {c.name} <span className="muted">({formatNumber(c.population)} hab.)</span>
                        </li>
                      ))}
                    </ul>
                  </DisclosurePanel>
                </Disclosure>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {draft.communes.length > 0 ? (
        <div className="chosen__group">
          <h3 className="chosen__title">Communes</h3>
          <ul className="chosen__list">
            {draft.communes.map((c) => (
              <li key={c.code} className="chosen__item">
                <div className="chosen__row">
                  <div className="chosen__text">
                    <span className="chosen__name">
                      {c.name} <span className="muted">({c.code})</span>
                    </span>
                    <span className="chosen__meta">
                      {c.departementName} ({c.departementCode}) · {formatPopulation(c.population)}
                    </span>
                  </div>
                  <Button
                    size="sm"
                    variant="quiet"
                    onPress={() => onRemoveCommune(c.code)}
                    aria-label={`Retirer ${c.name}`}
                  >
                    Retirer
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
