import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TerritoryHit } from "../../contracts/territory";
import { messageOf } from "../lib/api";
import { formatPopulation, plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { epciKey, fetchEpci } from "./api";
import { ChosenTerritory } from "./ChosenTerritory";
import { allCommunes, draftPopulation, epciHolding, type PickedCommune, type TerritoryDraft } from "./draft";
import { QuartiersEditor } from "./QuartiersEditor";
import { TerritorySearch } from "./TerritorySearch";

export interface TerritoryPickerProps {
  value: TerritoryDraft;
  onChange: (draft: TerritoryDraft) => void;
  /** A message about the territory as a whole (none chosen, unknown codes…), shown under the search. */
  error?: string;
  /** Prefix of field names so that server errors land on the right fields ("territory." when creating). */
  namePrefix?: string;
  /** id of the search input, so that a form can move focus there. */
  inputId?: string;
}

/** Build a territory from communes and EPCI, with a live population total; reused by create and edit. */
export function TerritoryPicker({ value, onChange, error, namePrefix = "", inputId }: TerritoryPickerProps) {
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  const [loadingEpci, setLoadingEpci] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const communes = allCommunes(value);
  const population = draftPopulation(value);
  const chosenKeys = new Set([
    ...value.epcis.map((e) => `epci:${e.code}`),
    ...value.communes.map((c) => `commune:${c.code}`),
    ...communes.map((c) => `commune:${c.code}`),
  ]);

  const summaryOf = (draft: TerritoryDraft) =>
    `Population totale : ${formatPopulation(draftPopulation(draft))}, ${plural(allCommunes(draft).length, "commune")}.`;

  async function pick(hit: TerritoryHit) {
    setLoadError(null);
    if (hit.kind === "commune") {
      const holder = epciHolding(value, hit.code);
      if (holder) {
        setAnnouncement(`${hit.name} fait déjà partie de ${holder.name}.`);
        return;
      }
      const commune: PickedCommune = {
        code: hit.code,
        name: hit.name,
        population: hit.population,
        departementCode: hit.departementCode,
        departementName: hit.departementName,
      };
      const next = { ...value, communes: [...value.communes, commune] };
      onChange(next);
      setAnnouncement(`${hit.name} ajoutée. ${summaryOf(next)}`);
      return;
    }
    setLoadingEpci(hit.name);
    try {
      const epci = await queryClient.fetchQuery({
        queryKey: epciKey(hit.code),
        queryFn: () => fetchEpci(hit.code),
        staleTime: 10 * 60_000,
      });
      const inEpci = new Set(epci.communes.map((c) => c.code));
      const next: TerritoryDraft = {
        ...value,
        // Communes chosen one by one that the EPCI brings anyway are folded into it.
        communes: value.communes.filter((c) => !inEpci.has(c.code)),
        epcis: [
          ...value.epcis,
          {
            code: epci.code,
            name: epci.name,
            population: epci.population,
            communes: epci.communes.map((c) => ({
              code: c.code,
              name: c.name,
              population: c.population,
              departementCode: c.departementCode,
              departementName: c.departementName,
            })),
          },
        ],
      };
      onChange(next);
      setAnnouncement(
        `${epci.name} ajoutée avec ${plural(epci.communes.length, "commune")}. ${summaryOf(next)}`,
      );
    } catch (e) {
      setLoadError(e);
    } finally {
      setLoadingEpci(null);
    }
  }

  function removeEpci(code: string) {
    const epci = value.epcis.find((e) => e.code === code);
    const next = dropOrphanQuartiers({ ...value, epcis: value.epcis.filter((e) => e.code !== code) });
    onChange(next);
    setAnnouncement(`${epci?.name ?? "EPCI"} retirée. ${summaryOf(next)}`);
  }

  function removeCommune(code: string) {
    const commune = value.communes.find((c) => c.code === code);
    const next = dropOrphanQuartiers({ ...value, communes: value.communes.filter((c) => c.code !== code) });
    onChange(next);
    setAnnouncement(`${commune?.name ?? "Commune"} retirée. ${summaryOf(next)}`);
  }

  return (
    <div className="territory-picker">
      <TerritorySearch onPick={pick} chosenKeys={chosenKeys} errorMessage={error} inputId={inputId} />
      {loadingEpci ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Chargement des communes de {loadingEpci}…
        </p>
      ) : null}
      {loadError ? <Alert tone="error">{messageOf(loadError)}</Alert> : null}

      <ChosenTerritory draft={value} onRemoveEpci={removeEpci} onRemoveCommune={removeCommune} />

      <p className="territory-total" data-testid="draft-population">
        <span className="territory-total__label">
          {value.quartiers.length > 0 ? "Population des quartiers" : "Population totale"}
        </span>
        <span className="territory-total__value">{formatPopulation(population)}</span>
        <span className="territory-total__meta">{plural(communes.length, "commune")}</span>
      </p>

      <QuartiersEditor
        quartiers={value.quartiers}
        communes={communes}
        namePrefix={namePrefix}
        onChange={(quartiers) => onChange({ ...value, quartiers })}
      />

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** A quartier must stay in a commune of the territory: removing its commune clears its commune choice. */
function dropOrphanQuartiers(draft: TerritoryDraft): TerritoryDraft {
  const codes = new Set(allCommunes(draft).map((c) => c.code));
  return {
    ...draft,
    quartiers: draft.quartiers.map((q) =>
      q.communeCode && !codes.has(q.communeCode) ? { ...q, communeCode: null } : q,
    ),
  };
}
