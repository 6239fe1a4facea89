import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { type StructureListQuery, structureTypeLabels } from "../../contracts/directory";
import { messageOf } from "../lib/api";
import { formatNumber, plural } from "../lib/format";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { DataTable } from "../ui/DataTable";
import { ModalDialog } from "../ui/Dialog";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { Pagination } from "../ui/Pagination";
import { SearchField } from "../ui/SearchField";
import { SelectField } from "../ui/SelectField";
import { useClsm } from "../workspaces/api";
import { useColleges, useCreateStructure, useStructures } from "./api";
import { ALL, filterValue, structureTypeOptions, withAll } from "./filters";
import { StructureForm } from "./StructureForm";

const PAGE_SIZE = 25;

export function StructuresPage() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const colleges = useColleges(clsmId);
  const [search, setSearch] = useState("");
  const [type, setType] = useState(ALL);
  const [collegeId, setCollegeId] = useState(ALL);
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 300);
  const structures = useStructures(clsmId, {
    q: q || undefined,
    type: filterValue(type) as StructureListQuery["type"],
    collegeId: filterValue(collegeId),
    limit: PAGE_SIZE,
    offset,
  });
  const filtered = Boolean(q) || type !== ALL || collegeId !== ALL;
  const canManage = structures.data?.can.manage ?? false;

  return (
    <Page
      title="Structures"
      eyebrow={clsm.data?.name}
      lead={<p>Les organisations partenaires du CLSM.</p>}
      actions={canManage ? <AddStructureDialog clsmId={clsmId} /> : null}
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <search className="toolbar" aria-label="Filtrer les structures">
        <SearchField
          label="Chercher une structure"
          placeholder="Nom, commune"
          value={search}
          onChange={(v) => {
            setSearch(v);
            setOffset(0);
          }}
        />
        <SelectField
          label="Type de structure"
          options={withAll("Tous les types", structureTypeOptions)}
          selectedKey={type}
          onSelectionChange={(k) => {
            setType(String(k ?? ALL));
            setOffset(0);
          }}
        />
        <SelectField
          label="Collège"
          options={withAll(
            "Tous les collèges",
            (colleges.data?.items ?? []).map((c) => ({ id: c.id, label: c.name })),
          )}
          selectedKey={collegeId}
          onSelectionChange={(k) => {
            setCollegeId(String(k ?? ALL));
            setOffset(0);
          }}
        />
      </search>
      {structures.isPending ? <Loading label="Chargement des structures…" /> : null}
      {structures.isError ? <Alert tone="error">{messageOf(structures.error)}</Alert> : null}
      {structures.data && structures.data.items.length === 0 ? (
        <EmptyState
          title={
            filtered
              ? "Aucune structure ne correspond à cette recherche."
              : "Aucune structure pour l'instant."
          }
        >
          {!filtered && canManage ? (
            <p>Ajoutez la première avec le bouton « Ajouter une structure ».</p>
          ) : null}
        </EmptyState>
      ) : null}
      {structures.data && structures.data.items.length > 0 ? (
        <>
          <p className="muted" aria-live="polite">
            {plural(structures.data.total, "structure")}
          </p>
          <DataTable caption="Structures partenaires" captionHidden>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Type</th>
                <th scope="col">Collège</th>
                <th scope="col">Commune</th>
                <th scope="col" className="num">
                  Personnes
                </th>
              </tr>
            </thead>
            <tbody>
              {structures.data.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link className="cell-title" to={`/clsm/${clsmId}/annuaire/structures/${s.id}`}>
                      {s.name}
                    </Link>
                  </th>
                  <td>{structureTypeLabels[s.type]}</td>
                  <td>{s.collegeName ?? <span className="muted">—</span>}</td>
                  <td>{s.communeName ?? <span className="muted">—</span>}</td>
                  <td className="num">{formatNumber(s.personCount)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination
            label="structures"
            total={structures.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      ) : null}
    </Page>
  );
}

function AddStructureDialog({ clsmId }: { clsmId: string }) {
  return (
    <DialogTrigger>
      <Button variant="primary">Ajouter une structure</Button>
      <ModalDialog title="Ajouter une structure" size="lg">
        {(close) => <AddStructure clsmId={clsmId} onCancel={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function AddStructure({ clsmId, onCancel }: { clsmId: string; onCancel: () => void }) {
  const create = useCreateStructure(clsmId);
  const navigate = useNavigate();
  return (
    <StructureForm
      clsmId={clsmId}
      error={create.error}
      isPending={create.isPending}
      onCancel={onCancel}
      onSubmit={(body) =>
        create.mutate(body, {
          onSuccess: (s) =>
            navigate(`/clsm/${clsmId}/annuaire/structures/${s.id}`, {
              state: { notice: `La structure « ${s.name} » est ajoutée.` },
            }),
        })
      }
    />
  );
}
