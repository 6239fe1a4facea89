import { useState } from "react";
import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import type { TerritoryHit } from "../../contracts/territory";
import { formatPopulation, plural } from "../lib/format";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { MIN_SEARCH_LENGTH, useTerritorySearch } from "./api";

const keyOf = (hit: TerritoryHit) => `${hit.kind}:${hit.code}`;

export interface TerritorySearchProps {
  onPick: (hit: TerritoryHit) => void;
  /** Keys ("commune:56121", "epci:200042174") already in the territory. */
  chosenKeys: Set<string>;
  errorMessage?: string;
  inputId?: string;
}

/** Search-as-you-type on communes and EPCI (React Aria ComboBox: arrows, Entrée, Échap). */
export function TerritorySearch({ onPick, chosenKeys, errorMessage, inputId }: TerritorySearchProps) {
  const [text, setText] = useState("");
  const debounced = useDebouncedValue(text, 250);
  const search = useTerritorySearch(debounced);
  const tooShort = text.trim().length < MIN_SEARCH_LENGTH;
  const items = tooShort ? [] : (search.data?.items ?? []);
  const waiting = !tooShort && (debounced !== text || search.isFetching);

  return (
    <ComboBox
      className="field combobox"
      items={items}
      inputValue={text}
      onInputChange={setText}
      selectedKey={null}
      onSelectionChange={(key) => {
        const hit = items.find((h) => keyOf(h) === key);
        if (hit) {
          onPick(hit);
          setText("");
        }
      }}
      disabledKeys={[...chosenKeys]}
      // With fewer than two characters the list closes (and closes after a pick, when the text is cleared).
      allowsEmptyCollection={!tooShort}
      allowsCustomValue
      menuTrigger="input"
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field__label">Ajouter une commune ou une intercommunalité (EPCI)</Label>
      <Text slot="description" className="field__description">
        Tapez au moins deux caractères : nom, code postal, code INSEE ou numéro SIREN de l'EPCI.
      </Text>
      <div className="combobox__box">
        <Input id={inputId} className="field__input combobox__input" placeholder="Ex. : Lorient, 56100…" />
        {waiting ? <span className="spinner combobox__spinner" aria-hidden="true" /> : null}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="popover popover--wide" placement="bottom start">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="listbox__empty">
              {tooShort
                ? "Tapez au moins deux caractères."
                : waiting
                  ? "Recherche…"
                  : "Aucune commune ni EPCI trouvé."}
            </p>
          )}
        >
          {(hit: TerritoryHit) => (
            <ListBoxItem id={keyOf(hit)} textValue={hit.name} className="listbox__item territory-hit">
              <span className="territory-hit__kind" aria-hidden="true">
                {hit.kind === "epci" ? "EPCI" : "Commune"}
              </span>
              <span className="territory-hit__main">
                <Text slot="label" className="territory-hit__name">
                  {hit.name}
                </Text>
                <Text slot="description" className="territory-hit__details">
                  <span className="visually-hidden">
                    {hit.kind === "epci" ? "Intercommunalité, " : "Commune, "}
                  </span>
                  {describeHit(hit)}
                  {chosenKeys.has(keyOf(hit)) ? " · déjà dans le territoire" : ""}
                </Text>
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

function describeHit(hit: TerritoryHit): string {
  if (hit.kind === "commune") {
    return `${hit.departementName} (${hit.departementCode}) · ${formatPopulation(hit.population)}`;
  }
  const parts: string[] = [];
  if (hit.communeCount > 0) parts.push(plural(hit.communeCount, "commune"));
  if (hit.departementCodes.length > 0)
    parts.push(
      `${hit.departementCodes.length > 1 ? "départements" : "département"} ${hit.departementCodes.join(", ")}`,
    );
  parts.push(`${formatPopulation(hit.population)}`);
  return parts.join(" · ");
}
