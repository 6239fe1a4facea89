import { useState } from "react";
import type { Decision, FollowUp } from "../../../contracts/meetings-minutes";
import { formatDate, formatDateTime } from "../../lib/format";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ModalDialog } from "../../ui/Dialog";
import { Form } from "../../ui/Form";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { type Assignee, AssigneeField } from "./AssigneeField";
import { useAddFollowUp, useDeleteFollowUp, useUpdateFollowUp } from "./api";

/** The due date and where the action stands, in words (not colour alone): "En retard", "Faite le …". */
export function FollowUpState({ item }: { item: FollowUp }) {
  if (item.status === "done")
    return (
      <span className="follow-up-state">
        <Badge tone="success">Faite</Badge>{" "}
        <span className="muted">
          {item.closedAt ? `le ${formatDateTime(item.closedAt)}` : ""}
          {item.closedByName ? ` par ${item.closedByName}` : ""}
        </span>
      </span>
    );
  return (
    <span className="follow-up-state">
      {item.overdue ? <Badge tone="warning">En retard</Badge> : null}{" "}
      {item.dueDate ? (
        <span className={item.overdue ? "follow-up-state__late" : undefined}>
          {item.overdue ? "était attendue le" : "pour le"} {formatDate(item.dueDate)}
        </span>
      ) : (
        <span className="muted">sans échéance</span>
      )}
    </span>
  );
}

/** Close or reopen (one button), and the rarer change or removal (for the coordination). */
export function FollowUpActions({
  clsmId,
  item,
  decisions,
  onNotice,
}: {
  clsmId: string;
  item: FollowUp;
  /** The decisions of its meeting, when known (to tie the action to one of them). */
  decisions?: Decision[];
  onNotice: (text: string, tone?: "success" | "error") => void;
}) {
  const update = useUpdateFollowUp(clsmId);
  const remove = useDeleteFollowUp(clsmId);
  const [open, setOpen] = useState<"edit" | "remove" | null>(null);
  const done = item.status === "done";
  return (
    <div className="row-actions">
      <Button
        size="sm"
        variant={done ? "secondary" : "primary"}
        isPending={update.isPending}
        aria-label={`${done ? "Rouvrir" : "Marquer comme faite"} : ${item.description}`}
        onPress={() =>
          update.mutate(
            { id: item.id, status: done ? "open" : "done" },
            {
              onSuccess: () =>
                onNotice(done ? "Action rouverte." : `Action « ${item.description} » marquée comme faite.`),
              onError: (e) => onNotice(e.message, "error"),
            },
          )
        }
      >
        {done ? "Rouvrir" : "Marquer comme faite"}
      </Button>
      <Button
        size="sm"
        variant="quiet"
        aria-label={`Modifier : ${item.description}`}
        onPress={() => setOpen("edit")}
      >
        Modifier
      </Button>
      <Button
        size="sm"
        variant="quiet"
        aria-label={`Supprimer : ${item.description}`}
        onPress={() => setOpen("remove")}
      >
        Supprimer
      </Button>
      <ModalDialog
        title="Modifier l'action"
        isOpen={open === "edit"}
        onOpenChange={(o) => setOpen(o ? "edit" : null)}
      >
        {(close) => (
          <FollowUpForm
            clsmId={clsmId}
            initial={item}
            decisions={decisions}
            submitLabel="Enregistrer"
            error={update.error}
            isPending={update.isPending}
            onSubmit={(body) =>
              update.mutate(
                { id: item.id, ...body },
                {
                  onSuccess: () => {
                    close();
                    onNotice("Action modifiée.");
                  },
                },
              )
            }
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        title="Supprimer l'action ?"
        isOpen={open === "remove"}
        onOpenChange={(o) => setOpen(o ? "remove" : null)}
        confirmLabel="Supprimer"
        cancelVariant="quiet"
        autoFocusCancel={false}
        isPending={remove.isPending}
        onConfirm={(close) =>
          remove.mutate(item.id, {
            onSuccess: () => {
              close();
              onNotice("Action supprimée.");
            },
            onError: (e) => onNotice(e.message, "error"),
          })
        }
      >
        <p>
          L'action « {item.description} » sera supprimée. Pour garder sa trace, marquez-la plutôt comme faite.
        </p>
      </ConfirmDialog>
    </div>
  );
}

export interface FollowUpFormValues {
  description: string;
  assigneePersonId: string | null;
  dueDate: string | null;
  decisionId: string | null;
}

/** Description, who, by when, and the decision it carries out. */
export function FollowUpForm({
  clsmId,
  initial,
  decisions,
  submitLabel,
  error,
  isPending,
  onSubmit,
}: {
  clsmId: string;
  initial?: FollowUp;
  decisions?: Decision[];
  submitLabel: string;
  error: unknown;
  isPending: boolean;
  onSubmit: (values: FollowUpFormValues, reset: () => void) => void;
}) {
  const [description, setDescription] = useState(initial?.description ?? "");
  const [assignee, setAssignee] = useState<Assignee | null>(initial?.assignee ?? null);
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? "");
  const [decisionId, setDecisionId] = useState(initial?.decisionId ?? "");
  const reset = () => {
    setDescription("");
    setAssignee(null);
    setDueDate("");
    setDecisionId("");
  };
  const fields = (error as { fields?: Record<string, string> } | null)?.fields ?? {};
  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(
          {
            description: description.trim(),
            assigneePersonId: assignee?.id ?? null,
            dueDate: dueDate || null,
            decisionId: decisionId || null,
          },
          reset,
        );
      }}
    >
      <TextField
        label="Action"
        name="description"
        multiline
        isRequired
        value={description}
        onChange={setDescription}
        description="Ce qu'il faut faire, en une phrase."
      />
      <AssigneeField
        clsmId={clsmId}
        value={assignee}
        onChange={setAssignee}
        errorMessage={fields.assigneePersonId}
      />
      <TextField
        label="Échéance"
        name="dueDate"
        type="date"
        value={dueDate}
        onChange={setDueDate}
        description="Facultative. La personne chargée de l'action reçoit un rappel par courriel trois jours avant."
      />
      {decisions && decisions.length > 0 ? (
        <SelectField
          label="Décision mise en œuvre"
          name="decisionId"
          options={[
            { id: "", label: "Aucune en particulier" },
            ...decisions.map((d) => ({
              id: d.id,
              label: d.text.length > 80 ? `${d.text.slice(0, 79)}…` : d.text,
            })),
          ]}
          selectedKey={decisionId}
          onSelectionChange={(key) => setDecisionId(String(key ?? ""))}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}

/** The form under a meeting's follow-ups: adds one and stays open for the next. */
export function AddFollowUpForm({
  clsmId,
  meetingId,
  decisions,
  onNotice,
}: {
  clsmId: string;
  meetingId: string;
  decisions: Decision[];
  onNotice: (text: string) => void;
}) {
  const add = useAddFollowUp(clsmId, meetingId);
  return (
    <details className="minutes-add">
      <summary>Ajouter une action à suivre</summary>
      <FollowUpForm
        clsmId={clsmId}
        decisions={decisions}
        submitLabel="Ajouter l'action"
        error={add.error}
        isPending={add.isPending}
        onSubmit={(values, reset) =>
          add.mutate(
            {
              description: values.description,
              ...(values.assigneePersonId ? { assigneePersonId: values.assigneePersonId } : {}),
              ...(values.dueDate ? { dueDate: values.dueDate } : {}),
              ...(values.decisionId ? { decisionId: values.decisionId } : {}),
            },
            {
              onSuccess: (created) => {
                reset();
                onNotice(`Action « ${created.description} » ajoutée.`);
              },
            },
          )
        }
      />
    </details>
  );
}
