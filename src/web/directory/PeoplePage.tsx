import { useState } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { type PersonListItem, type PersonListQuery, personSorts } from "../../contracts/directory";
import { useInstances } from "../governance/api";
import { apiDownload, messageOf } from "../lib/api";
import { plural } from "../lib/format";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Alert } from "../ui/Alert";
import { Button, ButtonLink } from "../ui/Button";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { Pagination } from "../ui/Pagination";
import { SearchField } from "../ui/SearchField";
import { SelectableTable } from "../ui/SelectableTable";
import { SelectField } from "../ui/SelectField";
import { useClsm } from "../workspaces/api";
import { AddPersonDialog } from "./AddPersonDialog";
import { AddToInstanceDialog } from "./AddToInstanceDialog";
import { useColleges, usePeople } from "./api";
import { ContactVisibility } from "./ContactVisibility";
import { ALL, filterValue, pillarFilterOptions, structureTypeOptions, withAll } from "./filters";
import { isPillar, personName } from "./labels";
import { PillarBadge } from "./PillarBadge";

const PAGE_SIZE = 25;

const sortLabels: Record<(typeof personSorts)[number], string> = {
  lastName: "Nom",
  structure: "Structure",
  updatedAt: "Dernière modification",
};
const sortOptions = personSorts.map((id) => ({ id, label: sortLabels[id] }));

export function PeoplePage() {
  const { clsmId = "" } = useParams();
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const initialPillar = params.get("pilier");
  const [instanceId, setInstanceId] = useState(params.get("instance") ?? ALL);
  const [search, setSearch] = useState("");
  const [collegeId, setCollegeId] = useState(ALL);
  const [pillar, setPillar] = useState(isPillar(initialPillar) ? initialPillar : ALL);
  const [structureType, setStructureType] = useState(ALL);
  const [communeCode, setCommuneCode] = useState(ALL);
  const [sort, setSort] = useState<PersonListQuery["sort"]>("lastName");
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Map<string, PersonListItem>>(new Map());
  const [copied, setCopied] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const q = useDebouncedValue(search.trim(), 300);

  const clsm = useClsm(clsmId);
  const colleges = useColleges(clsmId);
  const instances = useInstances(clsmId);
  const query: Partial<PersonListQuery> = {
    q: q || undefined,
    collegeId: filterValue(collegeId),
    pillar: filterValue(pillar) as PersonListQuery["pillar"],
    structureType: filterValue(structureType) as PersonListQuery["structureType"],
    communeCode: filterValue(communeCode),
    instanceId: filterValue(instanceId),
    sort,
    limit: PAGE_SIZE,
    offset,
  };
  const people = usePeople(clsmId, query);
  const filtered =
    Boolean(q) || [collegeId, pillar, structureType, communeCode, instanceId].some((v) => v !== ALL);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
    };

  const collegeOptions = withAll(
    "Tous les collèges",
    (colleges.data?.items ?? []).map((c) => ({ id: c.id, label: c.name })),
  );
  const communeOptions = withAll(
    "Toutes les communes",
    (clsm.data?.territory.communes ?? []).map((c) => ({ id: c.code, label: c.name })),
  );
  // Instances whose members the reader may see (a confidential one shows no members to members).
  const instanceOptions = withAll(
    "Toutes les instances",
    (instances.data?.items ?? [])
      .filter((i) => i.memberCount !== null)
      .map((i) => ({ id: i.id, label: i.name })),
  );
  const canManage = people.data?.can.manage ?? false;
  const selectedKeys = new Set(selected.keys());
  const emails = [...selected.values()].map((p) => p.email).filter((e): e is string => Boolean(e));

  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportFile = async (format: "csv" | "xlsx", ids?: string[]) => {
    setExportError(null);
    setExporting(`${format}${ids ? "-selection" : ""}`);
    try {
      const { limit: _l, offset: _o, ...filters } = query;
      await apiDownload(
        `/api/clsms/${clsmId}/directory/export`,
        { ...filters, format, ids: ids?.join(",") },
        `annuaire.${format}`,
      );
    } catch (e) {
      setExportError(messageOf(e));
    } finally {
      setExporting(null);
    }
  };

  const copyEmails = async () => {
    setCopied(null);
    try {
      await navigator.clipboard.writeText(emails.join("; "));
      setCopied(
        `${plural(emails.length, "adresse e-mail copiée", "adresses e-mail copiées")} dans le presse-papiers.`,
      );
    } catch {
      setCopied("La copie a échoué : votre navigateur n'autorise pas l'accès au presse-papiers.");
    }
  };

  return (
    <Page
      title="Annuaire"
      eyebrow={clsm.data?.name}
      lead={<p>Les partenaires du CLSM : personnes, structures et collèges.</p>}
      actions={
        canManage ? (
          <>
            <ButtonLink href={`/clsm/${clsmId}/annuaire/imports`}>Importer un fichier</ButtonLink>
            <AddPersonDialog clsmId={clsmId} />
          </>
        ) : null
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <search className="toolbar" aria-label="Filtrer l'annuaire">
        <SearchField
          label="Chercher une personne"
          placeholder="Nom, structure, commune, fonction"
          value={search}
          onChange={reset(setSearch)}
        />
        <SelectField
          label="Collège"
          options={collegeOptions}
          selectedKey={collegeId}
          onSelectionChange={(k) => reset(setCollegeId)(String(k ?? ALL))}
        />
        <SelectField
          label="Pilier"
          options={pillarFilterOptions}
          selectedKey={pillar}
          onSelectionChange={(k) => reset(setPillar)(String(k ?? ALL))}
        />
        <SelectField
          label="Type de structure"
          options={withAll("Tous les types", structureTypeOptions)}
          selectedKey={structureType}
          onSelectionChange={(k) => reset(setStructureType)(String(k ?? ALL))}
        />
        <SelectField
          label="Commune"
          options={communeOptions}
          selectedKey={communeCode}
          onSelectionChange={(k) => reset(setCommuneCode)(String(k ?? ALL))}
        />
        <SelectField
          label="Instance"
          options={instanceOptions}
          selectedKey={instanceId}
          onSelectionChange={(k) => reset(setInstanceId)(String(k ?? ALL))}
        />
        <SelectField
          label="Trier par"
          options={sortOptions}
          selectedKey={sort}
          onSelectionChange={(k) => k && reset(setSort)(k as PersonListQuery["sort"])}
        />
      </search>

      {selected.size > 0 ? (
        <section className="selection-bar" aria-label="Sélection">
          <p>
            <strong>{plural(selected.size, "personne sélectionnée", "personnes sélectionnées")}</strong>
          </p>
          <Button size="sm" isDisabled={emails.length === 0} onPress={copyEmails}>
            Copier les adresses e-mail
          </Button>
          {canManage ? (
            <AddToInstanceDialog
              clsmId={clsmId}
              personIds={[...selected.keys()]}
              onAdded={(notice) => {
                setAdded(notice);
                setCopied(null);
              }}
            />
          ) : null}
          <Button
            size="sm"
            isPending={exporting === "csv-selection"}
            onPress={() => exportFile("csv", [...selected.keys()])}
          >
            Exporter la sélection (CSV)
          </Button>
          <Button
            size="sm"
            isPending={exporting === "xlsx-selection"}
            onPress={() => exportFile("xlsx", [...selected.keys()])}
          >
            Exporter la sélection (XLSX)
          </Button>
          <Button
            size="sm"
            variant="quiet"
            onPress={() => {
              setSelected(new Map());
              setCopied(null);
            }}
          >
            Vider la sélection
          </Button>
        </section>
      ) : null}
      <div aria-live="polite" className="selection-status">
        {copied ? <p>{copied}</p> : null}
      </div>
      {added ? <Alert tone="success">{added}</Alert> : null}

      {exportError ? <Alert tone="error">{exportError}</Alert> : null}
      {people.isPending ? <Loading label="Chargement de l'annuaire…" /> : null}
      {people.isError ? <Alert tone="error">{messageOf(people.error)}</Alert> : null}
      {people.data && people.data.items.length === 0 ? (
        filtered ? (
          <EmptyState title="Aucune personne ne correspond à cette recherche." />
        ) : (
          <EmptyState title="L'annuaire de ce CLSM est vide.">
            {canManage ? (
              <p>
                Ajoutez une première personne avec le bouton « Ajouter une personne », ou{" "}
                <Link to={`/clsm/${clsmId}/annuaire/imports`}>importez votre tableur</Link> (CSV ou XLSX).
              </p>
            ) : (
              <p>La coordination n'a encore ajouté personne.</p>
            )}
          </EmptyState>
        )
      ) : null}
      {people.data && people.data.items.length > 0 ? (
        <>
          <div className="list-header">
            <p className="muted" aria-live="polite">
              {plural(people.data.total, "personne")}
            </p>
            <div className="row-actions">
              <Button size="sm" isPending={exporting === "csv"} onPress={() => exportFile("csv")}>
                Exporter la liste (CSV)
              </Button>
              <Button size="sm" isPending={exporting === "xlsx"} onPress={() => exportFile("xlsx")}>
                Exporter la liste (XLSX)
              </Button>
            </div>
          </div>
          <SelectableTable
            caption="Personnes de l'annuaire"
            captionHidden
            rows={people.data.items}
            rowKey={(p) => p.id}
            rowLabel={(p) => `Sélectionner ${personName(p)}`}
            selected={selectedKeys}
            onSelectionChange={(keys) => {
              const next = new Map<string, PersonListItem>();
              for (const k of keys) {
                const item = selected.get(k) ?? people.data.items.find((p) => p.id === k);
                if (item) next.set(k, item);
              }
              setSelected(next);
              setCopied(null);
            }}
            columns={[
              {
                id: "name",
                header: "Nom",
                cell: (p) => (
                  <>
                    <Link className="cell-title" to={`/clsm/${clsmId}/annuaire/personnes/${p.id}`}>
                      {p.lastName.toLocaleUpperCase("fr-FR")} {p.firstName}
                    </Link>
                    {p.function ? <span className="cell-sub">{p.function}</span> : null}
                  </>
                ),
              },
              {
                id: "structure",
                header: "Structure",
                cell: (p) =>
                  p.structureId ? (
                    <>
                      <Link to={`/clsm/${clsmId}/annuaire/structures/${p.structureId}`}>
                        {p.structureName}
                      </Link>
                      {p.communeName ? <span className="cell-sub">{p.communeName}</span> : null}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  ),
              },
              {
                id: "college",
                header: "Collège",
                cell: (p) => p.collegeName ?? <span className="muted">—</span>,
              },
              { id: "pillar", header: "Pilier", cell: (p) => <PillarBadge pillar={p.pillar} /> },
              ...(people.data.contactsVisible
                ? [
                    {
                      id: "contact",
                      header: "Contact",
                      cell: (p: PersonListItem) => (
                        <>
                          {p.email ? <span className="cell-sub">{p.email}</span> : null}
                          {p.phone ? <span className="cell-sub">{p.phone}</span> : null}
                          {!p.email && !p.phone ? <span className="muted">—</span> : null}
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Pagination
            label="personnes"
            total={people.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      ) : null}
      {canManage ? <ContactVisibility clsmId={clsmId} /> : null}
    </Page>
  );
}
