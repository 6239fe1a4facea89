import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { messageOf } from "../../lib/api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/Dialog";
import { Loading } from "../../ui/Loading";
import { useCreateNeed, useDeleteNeed, useNeed, useUpdateNeed } from "./api";
import { DetailFields } from "./DetailFields";
import { LinksSection } from "./LinksSection";
import { NeedForm } from "./NeedForm";
import { ObjectiveBadges } from "./ObjectiveBadges";

/** "Ajouter un besoin": the form in a dialog; `onCreated` says what was recorded. */
export function CreateNeedDialog({
  clsmId,
  onCreated,
}: {
  clsmId: string;
  onCreated: (title: string) => void;
}) {
  const create = useCreateNeed(clsmId);
  return (
    <DialogTrigger onOpenChange={(open) => open && create.reset()}>
      <Button variant="primary">Ajouter un besoin</Button>
      <ModalDialog title="Ajouter un besoin" size="lg">
        {(close) => (
          <NeedForm
            clsmId={clsmId}
            error={create.error}
            isPending={create.isPending}
            onCancel={close}
            onSubmit={(body) =>
              create.mutate(body, {
                onSuccess: (need) => {
                  close();
                  onCreated(need.title);
                },
              })
            }
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

/** A need opened from the list (its title is the button): its fields, its links, and the coordination's actions. */
export function NeedDialog({ clsmId, needId, title }: { clsmId: string; needId: string; title: string }) {
  return (
    <DialogTrigger>
      <Button variant="quiet" className="cell-title link-button">
        {title}
      </Button>
      <ModalDialog title={title} size="lg">
        {(close) => <NeedBody clsmId={clsmId} needId={needId} onDeleted={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function NeedBody({ clsmId, needId, onDeleted }: { clsmId: string; needId: string; onDeleted: () => void }) {
  const need = useNeed(clsmId, needId);
  const update = useUpdateNeed(clsmId, needId);
  const remove = useDeleteNeed(clsmId, needId);
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const [notice, setNotice] = useState<string | null>(null);
  if (need.isPending) return <Loading label="Chargement du besoin…" />;
  if (need.isError) return <Alert tone="error">{messageOf(need.error)}</Alert>;
  const n = need.data;
  const canManage = n.can.manage;

  if (mode === "edit")
    return (
      <NeedForm
        clsmId={clsmId}
        need={n}
        error={update.error}
        isPending={update.isPending}
        onCancel={() => setMode("view")}
        onSubmit={(body) =>
          update.mutate(body, {
            onSuccess: () => {
              setMode("view");
              setNotice("Le besoin est enregistré.");
            },
          })
        }
      />
    );

  if (mode === "delete")
    return (
      <div className="stack">
        {remove.isError ? <Alert tone="error">{messageOf(remove.error)}</Alert> : null}
        <p>Le besoin « {n.title} » sera supprimé, avec ses liens vers les enquêtes et les réunions.</p>
        <div className="form__actions">
          <Button
            variant="danger"
            isPending={remove.isPending}
            onPress={() => remove.mutate(undefined, { onSuccess: onDeleted })}
          >
            Supprimer le besoin
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
          ["Description", n.description],
          ["Thème", n.theme],
          ["Public concerné", n.audience],
          ["Partie du territoire", n.territoryPart],
          ["Source", n.source],
          ["Éléments qui l'étayent", n.evidence],
          ["Objectifs", <ObjectiveBadges key="objectives" objectives={n.objectives} />],
        ]}
      />
      <LinksSection clsmId={clsmId} owner="needs" ownerId={n.id} links={n.links} canManage={canManage} />
      {canManage ? (
        <div className="form__actions">
          <Button
            onPress={() => {
              update.reset();
              setNotice(null);
              setMode("edit");
            }}
          >
            Modifier le besoin
          </Button>
          <Button variant="danger" onPress={() => setMode("delete")}>
            Supprimer
          </Button>
        </div>
      ) : null}
    </div>
  );
}
