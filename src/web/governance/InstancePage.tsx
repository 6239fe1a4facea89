import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { type InstanceDetail, instanceKindLabels, memberRoleLabels } from "../../contracts/governance";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { formatDate } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { useClsm } from "../workspaces/api";
import { AddMembersDialog } from "./AddMembersDialog";
import { useInstance } from "./api";
import { InstanceActions, type Notice } from "./InstanceActions";
import { CreateInstanceDialog } from "./InstancesPage";
import { MemberActions } from "./MemberActions";
import { PillarChecklist } from "./PillarChecklist";

/** One instance: what it is, its pillars, its current and past members. */
export function InstancePage() {
  const { instanceId = "" } = useParams();
  // A new instance (e.g. a working group opened from its COPIL) is a new page: fresh notice and focus.
  return <InstanceView key={instanceId} />;
}

function InstanceView() {
  const { clsmId = "", instanceId = "" } = useParams();
  const instance = useInstance(clsmId, instanceId);
  const clsmName = useClsm(clsmId).data?.name;
  const initial = (useLocation().state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState<Notice | null>(initial ? { tone: "success", text: initial } : null);

  if (instance.isError && (isApiError(instance.error, 404) || isApiError(instance.error, 400)))
    return <NotFoundPage title="Instance introuvable" />;
  if (instance.isError)
    return (
      <Page title="Instance">
        <Alert tone="error">{messageOf(instance.error)}</Alert>
      </Page>
    );
  if (instance.isPending)
    return (
      <Page title="Chargement de l'instance…" busy>
        <Loading label="Chargement de l'instance…" />
      </Page>
    );

  const i = instance.data;
  const archived = i.archivedAt !== null;
  return (
    <Page
      title={i.name}
      eyebrow={clsmName ? `Instances · ${clsmName}` : "Instances"}
      lead={
        <p className="badges">
          <Badge tone="primary">{instanceKindLabels[i.kind]}</Badge>
          {i.confidential ? <Badge tone="info">Confidentielle</Badge> : null}
          {archived ? <Badge tone="neutral">Archivée</Badge> : null}
        </p>
      }
      actions={i.can.manage ? <InstanceActions clsmId={clsmId} instance={i} onDone={setNotice} /> : null}
    >
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {archived ? (
        <Alert tone="info" title="Instance archivée">
          Archivée le {formatDate(i.archivedAt ?? "")}. Sa composition reste consultable
          {i.can.manage ? " ; réactivez-la pour y ajouter des membres." : "."}
        </Alert>
      ) : null}
      <InstanceFacts clsmId={clsmId} instance={i} />
      {i.kind === "copil" || i.children.length > 0 ? <WorkingGroups clsmId={clsmId} instance={i} /> : null}
      {i.members === null ? (
        <Alert tone="info" title="Instance confidentielle">
          Seule la coordination du CLSM voit ses membres et ses piliers.
        </Alert>
      ) : (
        <>
          <Pillars instance={i} />
          <Members clsmId={clsmId} instance={i} onDone={setNotice} />
        </>
      )}
      <p>
        <Link to={`/clsm/${clsmId}/instances${archived ? "?archived" : ""}`}>
          {archived ? "Revenir aux instances archivées" : "Revenir aux instances"}
        </Link>
      </p>
    </Page>
  );
}

function InstanceFacts({ clsmId, instance: i }: { clsmId: string; instance: InstanceDetail }) {
  const isGroup = i.kind === "groupe_travail";
  return (
    <section className="section" aria-labelledby="presentation">
      <h2 id="presentation">Présentation</h2>
      <dl className="facts">
        <div className="facts__item facts__item--wide">
          <dt>Objet</dt>
          <dd className="pre-line">{i.purpose || "Non précisé"}</dd>
        </div>
        {isGroup ? (
          <>
            <div className="facts__item">
              <dt>Thème</dt>
              <dd>{i.theme || "—"}</dd>
            </div>
            <div className="facts__item">
              <dt>Public</dt>
              <dd>{i.audience || "—"}</dd>
            </div>
            <div className="facts__item facts__item--wide">
              <dt>Créé par le COPIL</dt>
              <dd>
                {i.parentId ? (
                  <Link to={`/clsm/${clsmId}/instances/${i.parentId}`}>{i.parentName}</Link>
                ) : (
                  "Aucun COPIL de rattachement"
                )}
              </dd>
            </div>
          </>
        ) : null}
        <div className="facts__item">
          <dt>Créée le</dt>
          <dd>{formatDate(i.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

function WorkingGroups({ clsmId, instance: i }: { clsmId: string; instance: InstanceDetail }) {
  const canCreate = i.can.manage && i.kind === "copil" && i.archivedAt === null;
  return (
    <section className="section" aria-labelledby="groupes">
      <div className="section__header">
        <h2 id="groupes">Groupes de travail</h2>
        {canCreate ? (
          <CreateInstanceDialog
            clsmId={clsmId}
            label="Créer un groupe de travail"
            defaults={{ kind: "groupe_travail", parentId: i.id }}
          />
        ) : null}
      </div>
      {i.children.length === 0 ? (
        <p className="muted">Ce COPIL n'a pas encore créé de groupe de travail.</p>
      ) : (
        <ul className="instance-children">
          {i.children.map((c) => (
            <li key={c.id}>
              <Link to={`/clsm/${clsmId}/instances/${c.id}`}>{c.name}</Link>
              {c.archived ? (
                <>
                  {" "}
                  <Badge tone="neutral">Archivé</Badge>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Pillars({ instance: i }: { instance: InstanceDetail }) {
  const pillars = i.pillars ?? [];
  const missing = pillars.filter((p) => !p.present);
  const counts = Object.fromEntries(pillars.map((p) => [p.pillar, p.count]));
  return (
    <section className="section" aria-labelledby="piliers">
      <h2 id="piliers">Les quatre piliers</h2>
      <PillarChecklist
        missing={missing.map((p) => p.pillar)}
        counts={counts}
        label="Piliers parmi les membres actuels"
      />
      {missing.length === 0 ? (
        <Alert tone="success">Les quatre piliers sont représentés parmi les membres actuels.</Alert>
      ) : (
        <Alert tone="warning" title={missing.length > 1 ? "Piliers manquants" : "Pilier manquant"}>
          {missing.length > 1 ? (
            <ul className="alert__list">
              {missing.map((p) => (
                <li key={p.pillar}>{p.warning ?? `Personne ne représente le pilier « ${p.label} ».`}</li>
              ))}
            </ul>
          ) : (
            (missing[0]?.warning ?? `Personne ne représente le pilier « ${missing[0]?.label} ».`)
          )}
        </Alert>
      )}
    </section>
  );
}

function Members({
  clsmId,
  instance: i,
  onDone,
}: {
  clsmId: string;
  instance: InstanceDetail;
  onDone: (notice: Notice | null) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const members = i.members ?? [];
  const current = members.filter((m) => m.endDate === null);
  const past = members.filter((m) => m.endDate !== null);
  const manage = i.can.manage;
  // A row that moves (ended) or disappears (removed) takes its menu button with it: the focus, which would
  // return to that button, goes to the section's heading instead (after the dialog has let it go).
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus === 0) return;
    const frame = window.requestAnimationFrame(() => heading.current?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [refocus]);
  const done = (notice: Notice | null, rowGone?: boolean) => {
    onDone(notice);
    if (notice && rowGone) setRefocus((n) => n + 1);
  };
  const personLink = (personId: string, name: string) => (
    <Link to={`/clsm/${clsmId}/annuaire/personnes/${personId}`}>{name}</Link>
  );
  const fn = (m: (typeof members)[number]) =>
    [m.function, m.structureName].filter(Boolean).join(" · ") || <span className="muted">—</span>;

  return (
    <>
      <section className="section" aria-labelledby="membres">
        <div className="section__header">
          <h2 id="membres" ref={heading} tabIndex={-1}>
            Membres
          </h2>
          {manage && i.archivedAt === null ? (
            <AddMembersDialog clsmId={clsmId} instance={i} onAdded={onDone} />
          ) : null}
        </div>
        {current.length === 0 ? (
          <EmptyState title="Aucun membre pour l'instant.">
            {manage && i.archivedAt === null ? (
              <p>Ajoutez des personnes de l'annuaire avec le bouton « Ajouter des membres ».</p>
            ) : null}
          </EmptyState>
        ) : (
          <DataTable caption="Membres actuels" captionHidden>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Fonction · structure</th>
                <th scope="col">Collège</th>
                <th scope="col">Rôle</th>
                <th scope="col">Depuis le</th>
                {manage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {current.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{personLink(m.personId, m.name)}</th>
                  <td>{fn(m)}</td>
                  <td>{m.collegeName ?? <span className="muted">—</span>}</td>
                  <td>{memberRoleLabels[m.role]}</td>
                  <td>{formatDate(m.startDate)}</td>
                  {manage ? (
                    <td className="actions-cell">
                      <MemberActions clsmId={clsmId} instanceId={i.id} member={m} onDone={done} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      {past.length > 0 ? (
        <section className="section" aria-labelledby="anciens-membres">
          <h2 id="anciens-membres">Anciens membres</h2>
          <DataTable caption="Anciens membres" captionHidden>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Fonction · structure</th>
                <th scope="col">Rôle</th>
                <th scope="col">Du</th>
                <th scope="col">Au</th>
                {manage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {past.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{personLink(m.personId, m.name)}</th>
                  <td>{fn(m)}</td>
                  <td>{memberRoleLabels[m.role]}</td>
                  <td>{formatDate(m.startDate)}</td>
                  <td>{m.endDate ? formatDate(m.endDate) : "—"}</td>
                  {manage ? (
                    <td className="actions-cell">
                      <MemberActions clsmId={clsmId} instanceId={i.id} member={m} onDone={done} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
    </>
  );
}
