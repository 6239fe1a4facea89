import { DialogTrigger } from "react-aria-components";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import type { InstanceKind, InstanceListItem } from "../../contracts/governance";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { formatDate, formatNumber, plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { DataTable } from "../ui/DataTable";
import { ModalDialog } from "../ui/Dialog";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { useClsm } from "../workspaces/api";
import { useCreateInstance, useInstances } from "./api";
import { InstanceForm } from "./InstanceForm";
import { kindExplanations, kindSections } from "./labels";
import { PillarChecklist } from "./PillarChecklist";

/** The instances of a CLSM (COPIL, groupes de travail, plénière…), by kind; `?archived` lists the archived ones. */
export function InstancesPage() {
  const { clsmId = "" } = useParams();
  const [params] = useSearchParams();
  const archived = params.has("archived");
  const clsm = useClsm(clsmId);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const instances = useInstances(clsmId, { archived });
  const base = `/clsm/${clsmId}/instances`;

  if (
    (clsm.isError && (isApiError(clsm.error, 404) || isApiError(clsm.error, 400))) ||
    (instances.isError && (isApiError(instances.error, 404) || isApiError(instances.error, 400)))
  )
    return <NotFoundPage title="CLSM introuvable" />;

  const canManage = instances.data?.can.manage ?? false;
  const items = instances.data?.items ?? [];
  return (
    <Page
      key={archived ? "archived" : "active"}
      title={archived ? "Instances archivées" : "Instances"}
      eyebrow={clsm.data?.name}
      busy={instances.isPending}
      lead={
        archived ? (
          <p>Les instances qui ne se réunissent plus. Leur composition passée reste consultable.</p>
        ) : (
          <p>
            Le COPIL, les groupes de travail, la plénière et les autres instances du CLSM, avec leurs membres.
          </p>
        )
      }
      actions={canManage && !archived ? <CreateInstanceDialog clsmId={clsmId} /> : null}
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {instances.isPending ? <Loading label="Chargement des instances…" /> : null}
      {instances.isError ? <Alert tone="error">{messageOf(instances.error)}</Alert> : null}
      {instances.data && items.length === 0 ? (
        archived ? (
          <EmptyState title="Aucune instance archivée." />
        ) : (
          <EmptyState title="Aucune instance pour l'instant.">
            <dl className="kind-explanations">
              {(["copil", "groupe_travail", "pleniere"] as const).map((kind) => (
                <div key={kind}>
                  <dt>{kindSections.find((s) => s.kind === kind)?.title}</dt>
                  <dd>{kindExplanations[kind]}</dd>
                </div>
              ))}
            </dl>
            {canManage ? <p>Commencez par le COPIL avec le bouton « Créer une instance ».</p> : null}
          </EmptyState>
        )
      ) : null}
      {kindSections.map(({ kind, title }) => {
        const ofKind = items.filter((i) => i.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <KindSection
            key={kind}
            clsmId={clsmId}
            kind={kind}
            title={title}
            items={ofKind}
            archived={archived}
          />
        );
      })}
      <p>
        {archived ? (
          <Link to={base}>Revenir aux instances actives</Link>
        ) : (
          <Link to={`${base}?archived`}>Voir les instances archivées</Link>
        )}
      </p>
    </Page>
  );
}

function KindSection({
  clsmId,
  kind,
  title,
  items,
  archived,
}: {
  clsmId: string;
  kind: InstanceKind;
  title: string;
  items: InstanceListItem[];
  archived: boolean;
}) {
  const headingId = `instances-${kind}`;
  const isGroup = kind === "groupe_travail";
  // Working groups follow their COPIL: sorted by COPIL, then by name (the API sorts by name).
  const rows = isGroup
    ? [...items].sort((a, b) => (a.parentName ?? "\uffff").localeCompare(b.parentName ?? "\uffff", "fr"))
    : items;
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__header">
        <h2 id={headingId}>{title}</h2>
        <p className="muted">{plural(items.length, "instance")}</p>
      </div>
      <DataTable caption={title} captionHidden>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            {isGroup ? <th scope="col">COPIL</th> : null}
            <th scope="col" className="num">
              Membres
            </th>
            <th scope="col">Piliers</th>
            {archived ? <th scope="col">Archivée le</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link className="cell-title" to={`/clsm/${clsmId}/instances/${i.id}`}>
                  {i.name}
                </Link>
                {i.confidential ? (
                  <span className="cell-sub">
                    <Badge tone="info">Confidentielle</Badge>
                  </span>
                ) : null}
                {isGroup && (i.theme || i.audience) ? (
                  <span className="cell-sub">
                    {[i.theme && `Thème : ${i.theme}`, i.audience && `Public : ${i.audience}`]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                ) : null}
              </th>
              {isGroup ? (
                <td>
                  {i.parentId ? (
                    <Link to={`/clsm/${clsmId}/instances/${i.parentId}`}>{i.parentName}</Link>
                  ) : (
                    <span className="muted">Aucun</span>
                  )}
                </td>
              ) : null}
              <td className="num">
                {i.memberCount === null ? (
                  <span className="muted">Réservé à la coordination</span>
                ) : (
                  formatNumber(i.memberCount)
                )}
              </td>
              <td>
                {i.missingPillars === null ? (
                  <span className="muted">Réservé à la coordination</span>
                ) : (
                  <PillarChecklist missing={i.missingPillars} label={`Piliers de ${i.name}`} />
                )}
              </td>
              {archived ? <td>{i.archivedAt ? formatDate(i.archivedAt) : "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}

/** "Créer une instance" (or, from a COPIL, "Créer un groupe de travail" already attached to it). */
export function CreateInstanceDialog({
  clsmId,
  defaults,
  label = "Créer une instance",
}: {
  clsmId: string;
  defaults?: { kind?: InstanceKind; parentId?: string };
  label?: string;
}) {
  return (
    <DialogTrigger>
      <Button variant="primary">{label}</Button>
      <ModalDialog title={label} size="lg">
        {(close) => <CreateInstance clsmId={clsmId} defaults={defaults} onCancel={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function CreateInstance({
  clsmId,
  defaults,
  onCancel,
}: {
  clsmId: string;
  defaults?: { kind?: InstanceKind; parentId?: string };
  onCancel: () => void;
}) {
  const create = useCreateInstance(clsmId);
  const navigate = useNavigate();
  return (
    <InstanceForm
      clsmId={clsmId}
      defaults={defaults}
      error={create.error}
      isPending={create.isPending}
      onCancel={onCancel}
      onSubmit={(body) =>
        create.mutate(body, {
          onSuccess: (i) =>
            navigate(`/clsm/${clsmId}/instances/${i.id}`, {
              state: { notice: `L'instance « ${i.name} » est créée. Ajoutez maintenant ses membres.` },
            }),
        })
      }
    />
  );
}
