import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { civilityLabels, type PersonDetail, personSourceLabels } from "../../contracts/directory";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { formatDate } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { DataTable } from "../ui/DataTable";
import { ModalDialog } from "../ui/Dialog";
import { Loading } from "../ui/Loading";
import { MenuButton, MenuItem } from "../ui/Menu";
import { Page } from "../ui/Page";
import { usePerson, useUpdatePerson } from "./api";
import { useClsmName } from "./DirectoryLayout";
import { personName } from "./labels";
import {
  AnonymisePerson,
  ChangeRoleForm,
  downloadPersonExport,
  ErasePerson,
  MergePerson,
  RoleActions,
} from "./PersonActions";
import { PersonForm } from "./PersonForm";
import { PersonInstances } from "./PersonInstances";
import { PillarBadge } from "./PillarBadge";

type Open = "edit" | "role" | "merge" | "anonymise" | "erase" | null;

export function PersonPage() {
  const { clsmId = "", personId = "" } = useParams();
  const person = usePerson(clsmId, personId);
  const clsmName = useClsmName(clsmId);
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [exportError, setExportError] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  if (person.isError && (isApiError(person.error, 404) || isApiError(person.error, 400)))
    return <NotFoundPage title="Personne introuvable" />;
  if (person.isError)
    return (
      <Page title="Personne">
        <Alert tone="error">{messageOf(person.error)}</Alert>
      </Page>
    );
  if (person.isPending)
    return (
      <Page title="Chargement de la fiche…" busy>
        <Loading label="Chargement de la fiche…" />
      </Page>
    );

  const p = person.data;
  const name = personName(p);
  const current = p.roles.find((r) => r.endDate === null);
  return (
    <Page
      title={name}
      eyebrow={clsmName ? `Annuaire · ${clsmName}` : "Annuaire"}
      lead={
        <p>
          {current ? (
            <>
              {current.function}
              {current.structureName ? ` · ${current.structureName}` : ""}
            </>
          ) : (
            "Aucune fonction en cours"
          )}
        </p>
      }
      actions={
        p.can.manage ? (
          <MenuButton
            label="Actions"
            aria-label={`Actions pour ${name}`}
            className="button button--secondary"
            placement="bottom end"
            onAction={(key) => {
              setNotice(null);
              setExportError(null);
              if (key === "export") {
                downloadPersonExport(clsmId, p).catch((e: unknown) => setExportError(messageOf(e)));
                return;
              }
              setOpen(key as Open);
            }}
          >
            <MenuItem id="edit">Modifier la fiche</MenuItem>
            <MenuItem id="role">Changer de fonction</MenuItem>
            <MenuItem id="merge">Fusionner avec une autre fiche</MenuItem>
            <MenuItem id="export">Exporter ses données (JSON)</MenuItem>
            {p.anonymised ? null : <MenuItem id="anonymise">Anonymiser</MenuItem>}
            <MenuItem id="erase">Supprimer définitivement</MenuItem>
          </MenuButton>
        ) : null
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {exportError ? <Alert tone="error">{exportError}</Alert> : null}
      {p.anonymised ? (
        <Alert tone="info" title="Fiche anonymisée">
          Cette fiche a été anonymisée{p.anonymisedAt ? ` le ${formatDate(p.anonymisedAt)}` : ""}.
        </Alert>
      ) : null}
      <PersonFacts clsmId={clsmId} person={p} />
      <section className="section" aria-labelledby="fonctions">
        <h2 id="fonctions">Historique des fonctions</h2>
        {p.roles.length === 0 ? (
          <p className="muted">Aucune fonction enregistrée.</p>
        ) : (
          <DataTable caption="Fonctions successives" captionHidden>
            <thead>
              <tr>
                <th scope="col">Fonction</th>
                <th scope="col">Structure</th>
                <th scope="col">Depuis le</th>
                <th scope="col">Jusqu'au</th>
                {p.can.manage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {p.roles.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.function}</th>
                  <td>
                    {r.structureId ? (
                      <Link to={`/clsm/${clsmId}/annuaire/structures/${r.structureId}`}>
                        {r.structureName}
                      </Link>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{formatDate(r.startDate)}</td>
                  <td>{r.endDate ? formatDate(r.endDate) : <Badge tone="success">En cours</Badge>}</td>
                  {p.can.manage ? (
                    <td className="actions-cell">
                      <RoleActions clsmId={clsmId} person={p} role={r} onDone={setNotice} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <PersonInstances clsmId={clsmId} personId={p.id} />
      <p>
        <Link to={`/clsm/${clsmId}/annuaire`}>Revenir à l'annuaire</Link>
      </p>

      <ModalDialog
        title={`Modifier la fiche de ${name}`}
        size="lg"
        isOpen={open === "edit"}
        onOpenChange={(o) => !o && close()}
      >
        {() => (
          <EditPerson
            clsmId={clsmId}
            person={p}
            onDone={close}
            onSaved={() => setNotice("La fiche est enregistrée.")}
          />
        )}
      </ModalDialog>
      <ModalDialog
        title={`Nouvelle fonction de ${name}`}
        isOpen={open === "role"}
        onOpenChange={(o) => !o && close()}
      >
        {() => (
          <ChangeRoleForm
            clsmId={clsmId}
            person={p}
            onDone={close}
            onSaved={() => setNotice("La nouvelle fonction est enregistrée ; la précédente est close.")}
          />
        )}
      </ModalDialog>
      <ModalDialog
        title={`Fusionner la fiche de ${name}`}
        size="lg"
        isOpen={open === "merge"}
        onOpenChange={(o) => !o && close()}
      >
        {() => (
          <MergePerson
            clsmId={clsmId}
            person={p}
            onDone={close}
            onMerged={() => setNotice("Les deux fiches sont fusionnées.")}
          />
        )}
      </ModalDialog>
      {open === "anonymise" ? (
        <AnonymisePerson clsmId={clsmId} person={p} onDone={close} onAnonymised={setNotice} />
      ) : null}
      {open === "erase" ? <ErasePerson clsmId={clsmId} person={p} onDone={close} /> : null}
    </Page>
  );
}

function PersonFacts({ clsmId, person: p }: { clsmId: string; person: PersonDetail }) {
  return (
    <section className="section" aria-labelledby="fiche">
      <h2 id="fiche">Fiche</h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>Civilité</dt>
          <dd>{p.civility ? civilityLabels[p.civility] : "Non précisée"}</dd>
        </div>
        {p.email !== null || p.can.manage ? (
          <div className="facts__item facts__item--wide">
            <dt>Adresse e-mail</dt>
            <dd>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : "—"}</dd>
          </div>
        ) : null}
        {p.phone !== null || p.can.manage ? (
          <div className="facts__item">
            <dt>Téléphone</dt>
            <dd>{p.phone || "—"}</dd>
          </div>
        ) : null}
        <div className="facts__item">
          <dt>Collège</dt>
          <dd>
            {p.collegeName ? <Link to={`/clsm/${clsmId}/annuaire/colleges`}>{p.collegeName}</Link> : "Aucun"}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Pilier</dt>
          <dd>
            <PillarBadge pillar={p.pillar} />
          </dd>
        </div>
        <div className="facts__item">
          <dt>Accepte d'être contactée</dt>
          <dd>
            {p.consentToContact
              ? `Oui${p.consentDate ? `, depuis le ${formatDate(p.consentDate)}` : ""}`
              : "Non (ou non recueilli)"}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Source</dt>
          <dd>{personSourceLabels[p.source]}</dd>
        </div>
        <div className="facts__item">
          <dt>Fiche créée le</dt>
          <dd>{formatDate(p.createdAt)}</dd>
        </div>
        {p.notes ? (
          <div className="facts__item facts__item--wide">
            <dt>Notes</dt>
            <dd className="pre-line">{p.notes}</dd>
          </div>
        ) : null}
      </dl>
      {p.email === null && p.phone === null && !p.can.manage ? (
        <p className="muted">Les coordonnées ne sont visibles que par la coordination de ce CLSM.</p>
      ) : null}
    </section>
  );
}

function EditPerson({
  clsmId,
  person,
  onDone,
  onSaved,
}: {
  clsmId: string;
  person: PersonDetail;
  onDone: () => void;
  onSaved: () => void;
}) {
  const update = useUpdatePerson(clsmId, person.id);
  return (
    <PersonForm
      clsmId={clsmId}
      person={person}
      error={update.error}
      isPending={update.isPending}
      onCancel={onDone}
      onSubmit={({ role: _role, ...body }) =>
        update.mutate(body, {
          onSuccess: () => {
            onSaved();
            onDone();
          },
        })
      }
    />
  );
}
