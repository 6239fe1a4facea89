import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { Link } from "react-router";
import { resourceKindLabels } from "../../../contracts/diagnostic-needs";
import { messageOf } from "../../lib/api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/Dialog";
import { Loading } from "../../ui/Loading";
import { useCreateResource, useDeleteResource, useResource, useUpdateResource } from "./api";
import { DetailFields } from "./DetailFields";
import { LinksSection } from "./LinksSection";
import { ObjectiveBadges } from "./ObjectiveBadges";
import { ResourceForm } from "./ResourceForm";

/** "Ajouter une ressource": the form in a dialog; `onCreated` says what was recorded. */
export function CreateResourceDialog({
  clsmId,
  onCreated,
}: {
  clsmId: string;
  onCreated: (title: string) => void;
}) {
  const create = useCreateResource(clsmId);
  return (
    <DialogTrigger onOpenChange={(open) => open && create.reset()}>
      <Button>Ajouter une ressource</Button>
      <ModalDialog title="Ajouter une ressource" size="lg">
        {(close) => (
          <ResourceForm
            clsmId={clsmId}
            error={create.error}
            isPending={create.isPending}
            onCancel={close}
            onSubmit={(body) =>
              create.mutate(body, {
                onSuccess: (resource) => {
                  close();
                  onCreated(resource.title);
                },
              })
            }
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

/** A resource opened from the list: its fields, its structure, its links, and the coordination's actions. */
export function ResourceDialog({
  clsmId,
  resourceId,
  title,
}: {
  clsmId: string;
  resourceId: string;
  title: string;
}) {
  return (
    <DialogTrigger>
      <Button variant="quiet" className="cell-title link-button">
        {title}
      </Button>
      <ModalDialog title={title} size="lg">
        {(close) => <ResourceBody clsmId={clsmId} resourceId={resourceId} onDeleted={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function ResourceBody({
  clsmId,
  resourceId,
  onDeleted,
}: {
  clsmId: string;
  resourceId: string;
  onDeleted: () => void;
}) {
  const resource = useResource(clsmId, resourceId);
  const update = useUpdateResource(clsmId, resourceId);
  const remove = useDeleteResource(clsmId, resourceId);
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const [notice, setNotice] = useState<string | null>(null);
  if (resource.isPending) return <Loading label="Chargement de la ressource…" />;
  if (resource.isError) return <Alert tone="error">{messageOf(resource.error)}</Alert>;
  const r = resource.data;
  const canManage = r.can.manage;

  if (mode === "edit")
    return (
      <ResourceForm
        clsmId={clsmId}
        resource={r}
        error={update.error}
        isPending={update.isPending}
        onCancel={() => setMode("view")}
        onSubmit={(body) =>
          update.mutate(body, {
            onSuccess: () => {
              setMode("view");
              setNotice("La ressource est enregistrée.");
            },
          })
        }
      />
    );

  if (mode === "delete")
    return (
      <div className="stack">
        {remove.isError ? <Alert tone="error">{messageOf(remove.error)}</Alert> : null}
        <p>
          La ressource « {r.title} » sera supprimée, avec ses liens vers les enquêtes et les réunions. La
          structure reste dans l'annuaire.
        </p>
        <div className="form__actions">
          <Button
            variant="danger"
            isPending={remove.isPending}
            onPress={() => remove.mutate(undefined, { onSuccess: onDeleted })}
          >
            Supprimer la ressource
          </Button>
          <Button onPress={() => setMode("view")} autoFocus>
            Annuler
          </Button>
        </div>
      </div>
    );

  return (
    <div className="stack">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <DetailFields
        fields={[
          ["Type", resourceKindLabels[r.kind]],
          [
            "Structure de l'annuaire",
            r.structure ? (
              <Link key="structure" to={`/clsm/${clsmId}/annuaire/structures/${r.structure.id}`}>
                {r.structure.name}
              </Link>
            ) : null,
          ],
          ["Description", r.description],
          ["Public concerné", r.audience],
          ["Partie du territoire", r.territoryPart],
          ["Objectifs", <ObjectiveBadges key="objectives" objectives={r.objectives} />],
        ]}
      />
      <LinksSection clsmId={clsmId} owner="resources" ownerId={r.id} links={r.links} canManage={canManage} />
      {canManage ? (
        <div className="form__actions">
          <Button
            onPress={() => {
              update.reset();
              setNotice(null);
              setMode("edit");
            }}
          >
            Modifier la ressource
          </Button>
          <Button variant="danger" onPress={() => setMode("delete")}>
            Supprimer
          </Button>
        </div>
      ) : null}
    </div>
  );
}
