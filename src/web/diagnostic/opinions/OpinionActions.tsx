import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { useNavigate } from "react-router";
import type { OpinionDetail } from "../../../contracts/diagnostic-opinions";
import { messageOf } from "../../lib/api";
import { formatDate, parisToday } from "../../lib/format";
import { useMeetings } from "../../meetings/api";
import { formatShortDate } from "../../meetings/dates";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ModalDialog } from "../../ui/Dialog";
import { Form, validators } from "../../ui/Form";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { useAdoptOpinion, useDeleteOpinion, useReopenOpinion, useSendOpinion } from "./api";

/** A message shown on top of the page after an action. */
export interface Notice {
  tone: "success" | "error";
  text: string;
}

type Props = { clsmId: string; opinion: OpinionDetail; onDone: (notice: Notice | null) => void };

/** The coordination's steps: adopt (or delete) a draft; record the sending of an adopted avis, or reopen it. */
export function OpinionActions(props: Props) {
  if (props.opinion.status === "draft")
    return (
      <>
        <AdoptDialog {...props} />
        <DeleteDialog {...props} />
      </>
    );
  if (props.opinion.status === "adopted")
    return (
      <>
        <SendDialog {...props} />
        <ReopenButton {...props} />
      </>
    );
  return null;
}

/** Records the adoption at a meeting already held (a COPIL or the plénière, usually): the text is then frozen. */
function AdoptDialog({ clsmId, opinion: o, onDone }: Props) {
  const adopt = useAdoptOpinion(clsmId, o.id);
  const meetings = useMeetings(clsmId, { when: "past", limit: 100 });
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [adoptedOn, setAdoptedOn] = useState("");
  const options = (meetings.data?.items ?? [])
    .filter((m) => m.status === "scheduled")
    .map((m) => ({
      id: m.id,
      label: `${m.title} — ${formatShortDate(m.date)}${m.instance && m.instance.name !== m.title ? ` (${m.instance.name})` : ""}`,
    }));
  return (
    <DialogTrigger onOpenChange={(open) => open && adopt.reset()}>
      <Button variant="primary">Enregistrer l'adoption</Button>
      <ModalDialog title="Enregistrer l'adoption de l'avis" size="lg">
        {(close) => (
          <Form
            error={adopt.error}
            isPending={adopt.isPending}
            onSubmit={(event) => {
              event.preventDefault();
              if (!meetingId) return;
              adopt.mutate(
                { meetingId, ...(adoptedOn ? { adoptedOn } : {}) },
                {
                  onSuccess: (d) => {
                    close();
                    onDone({
                      tone: "success",
                      text: `L'avis est adopté${d.adoptedOn ? ` le ${formatDate(d.adoptedOn)}` : ""} : son texte ne change plus.`,
                    });
                  },
                },
              );
            }}
          >
            <p>
              Choisissez la réunion, déjà tenue, qui a adopté l'avis. Une fois l'adoption enregistrée, le
              texte ne peut plus être modifié (sauf à repasser l'avis en brouillon avant sa transmission).
            </p>
            {meetings.isError ? <Alert tone="error">{messageOf(meetings.error)}</Alert> : null}
            {meetings.data && options.length === 0 ? (
              <Alert tone="info">Aucune réunion passée : l'avis s'adopte lors d'une réunion du CLSM.</Alert>
            ) : null}
            <SelectField
              label="Réunion"
              name="meetingId"
              isRequired
              options={options}
              selectedKey={meetingId}
              onSelectionChange={(k) => setMeetingId(k === null ? null : String(k))}
              placeholder="Choisir une réunion"
              validate={(v) => (v ? null : "Choisissez la réunion qui a adopté l'avis.")}
              description="Les réunions passées du CLSM, de la plus récente à la plus ancienne."
            />
            <TextField
              label="Date d'adoption"
              name="adoptedOn"
              type="date"
              value={adoptedOn}
              onChange={setAdoptedOn}
              description="Laissez vide : le jour de la réunion."
            />
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={adopt.isPending}>
                Enregistrer l'adoption
              </Button>
              <Button onPress={close}>Annuler</Button>
            </div>
          </Form>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function SendDialog({ clsmId, opinion: o, onDone }: Props) {
  const send = useSendOpinion(clsmId, o.id);
  const [sentTo, setSentTo] = useState("");
  const [sentOn, setSentOn] = useState(parisToday());
  return (
    <DialogTrigger onOpenChange={(open) => open && send.reset()}>
      <Button variant="primary">Enregistrer la transmission</Button>
      <ModalDialog title="Enregistrer la transmission de l'avis">
        {(close) => (
          <Form
            error={send.error}
            isPending={send.isPending}
            onSubmit={(event) => {
              event.preventDefault();
              send.mutate(
                { sentTo: sentTo.trim(), sentOn },
                {
                  onSuccess: () => {
                    close();
                    onDone({ tone: "success", text: "La transmission de l'avis est enregistrée." });
                  },
                },
              );
            }}
          >
            <TextField
              label="Transmis à"
              name="sentTo"
              isRequired
              value={sentTo}
              onChange={setSentTo}
              validate={validators.required("Indiquez à qui l'avis a été transmis.")}
              description="Par exemple « ARS Bretagne, délégation des Côtes-d'Armor »."
            />
            <TextField
              label="Date de transmission"
              name="sentOn"
              type="date"
              isRequired
              value={sentOn}
              onChange={setSentOn}
              validate={validators.required("Indiquez la date de transmission.")}
            />
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={send.isPending}>
                Enregistrer
              </Button>
              <Button onPress={close}>Annuler</Button>
            </div>
          </Form>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function ReopenButton({ clsmId, opinion: o, onDone }: Props) {
  const reopen = useReopenOpinion(clsmId, o.id);
  return (
    <Button
      isPending={reopen.isPending}
      onPress={() => {
        onDone(null);
        reopen.mutate(undefined, {
          onSuccess: () =>
            onDone({
              tone: "success",
              text: "L'avis est repassé en brouillon : l'adoption est effacée, le texte peut être modifié.",
            }),
          onError: (e) => onDone({ tone: "error", text: messageOf(e) }),
        });
      }}
    >
      Repasser en brouillon
    </Button>
  );
}

function DeleteDialog({ clsmId, opinion: o }: Props) {
  const remove = useDeleteOpinion(clsmId, o.id);
  const navigate = useNavigate();
  return (
    <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
      <Button variant="danger">Supprimer</Button>
      <ConfirmDialog
        title={`Supprimer « ${o.title} » ?`}
        confirmLabel="Supprimer l'avis"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () =>
              navigate(`/clsm/${clsmId}/diagnostic/avis`, {
                state: { notice: `L'avis « ${o.title} » est supprimé.` },
              }),
          })
        }
      >
        <p>Le brouillon et son texte seront supprimés.</p>
      </ConfirmDialog>
    </DialogTrigger>
  );
}
