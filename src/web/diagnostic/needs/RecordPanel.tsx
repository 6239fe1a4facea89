import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { Link } from "../../../contracts/diagnostic-needs";
import { messageOf } from "../../lib/api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ConfirmContent } from "../../ui/ConfirmDialog";
import { Loading } from "../../ui/Loading";
import { type DetailField, DetailFields } from "./DetailFields";
import { LinksSection } from "./LinksSection";
import type { RecordFormProps, RecordMutation } from "./RecordForm";

/** What both a need and a resource have. */
interface LinkedRecord {
  id: string;
  links: Link[];
  can: { manage: boolean };
}

export interface RecordPanelProps<T extends LinkedRecord, Body> {
  clsmId: string;
  owner: "needs" | "resources";
  record: UseQueryResult<T>;
  loadingLabel: string;
  /** The record's fields as read (empty ones are left out); its links follow. */
  fields: (record: T) => DetailField[];
  editLabel: string;
  update: RecordMutation<Body>;
  editForm: (record: T, form: RecordFormProps<Body>) => ReactNode;
  /** Shown on top of the record once an edit is saved. */
  savedNotice: string;
  remove: RecordMutation<undefined>;
  deleteLabel: string;
  deleteMessage: (record: T) => ReactNode;
  onDeleted: () => void;
}

/**
 * A need or a resource inside its dialog: read it, then (for the coordination) edit it or delete it, each in
 * place of the reading, without a second dialog.
 */
export function RecordPanel<T extends LinkedRecord, Body>({
  clsmId,
  owner,
  record,
  loadingLabel,
  fields,
  editLabel,
  update,
  editForm,
  savedNotice,
  remove,
  deleteLabel,
  deleteMessage,
  onDeleted,
}: RecordPanelProps<T, Body>) {
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const [notice, setNotice] = useState<string | null>(null);
  if (record.isPending) return <Loading label={loadingLabel} />;
  if (record.isError) return <Alert tone="error">{messageOf(record.error)}</Alert>;
  const r = record.data;
  const backToView = () => setMode("view");

  if (mode === "edit")
    return editForm(r, {
      error: update.error,
      isPending: update.isPending,
      onCancel: backToView,
      onSubmit: (body) =>
        update.mutate(body, {
          onSuccess: () => {
            backToView();
            setNotice(savedNotice);
          },
        }),
    });

  if (mode === "delete")
    return (
      <ConfirmContent
        confirmLabel={deleteLabel}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(undefined, { onSuccess: onDeleted })}
        onCancel={backToView}
      >
        {deleteMessage(r)}
      </ConfirmContent>
    );

  return (
    <div className="stack">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <DetailFields fields={fields(r)} />
      <LinksSection clsmId={clsmId} owner={owner} ownerId={r.id} links={r.links} canManage={r.can.manage} />
      {r.can.manage ? (
        <div className="form__actions">
          <Button
            onPress={() => {
              update.reset();
              setNotice(null);
              setMode("edit");
            }}
          >
            {editLabel}
          </Button>
          <Button variant="danger" onPress={() => setMode("delete")}>
            Supprimer
          </Button>
        </div>
      ) : null}
    </div>
  );
}
