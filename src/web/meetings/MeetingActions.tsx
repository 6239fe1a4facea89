import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { useNavigate } from "react-router";
import type { MeetingDetail } from "../../contracts/meetings";
import { plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ModalDialog } from "../ui/Dialog";
import { Form } from "../ui/Form";
import { TextField } from "../ui/TextField";
import { useCancelMeeting, useDeleteMeeting, useDuplicateMeeting, useUpdateMeeting } from "./api";
import { addDays, formatLongDate, formatTime, monthOf } from "./dates";
import type { Notice } from "./labels";
import { MeetingForm, theFollowing } from "./MeetingForm";

/**
 * The coordination's actions on a meeting: edit, duplicate to another day, cancel (telling the invitees already
 * convened), delete one scheduled by mistake (only while nobody has been convened: the API refuses otherwise).
 */
export function MeetingActions({
  clsmId,
  meeting,
  onDone,
}: {
  clsmId: string;
  meeting: MeetingDetail;
  onDone: (notice: Notice | null) => void;
}) {
  const scheduled = meeting.status === "scheduled";
  const convened = meeting.invitees.some((i) => i.convokedAt !== null);
  return (
    <>
      {scheduled ? <EditMeetingDialog clsmId={clsmId} meeting={meeting} onDone={onDone} /> : null}
      <DuplicateMeetingDialog clsmId={clsmId} meeting={meeting} />
      {scheduled ? <CancelMeetingDialog clsmId={clsmId} meeting={meeting} onDone={onDone} /> : null}
      {convened ? null : <DeleteMeetingDialog clsmId={clsmId} meeting={meeting} />}
    </>
  );
}

function EditMeetingDialog({
  clsmId,
  meeting,
  onDone,
}: {
  clsmId: string;
  meeting: MeetingDetail;
  onDone: (notice: Notice | null) => void;
}) {
  const update = useUpdateMeeting(clsmId, meeting.id);
  const convened = meeting.invitees.filter((i) => i.convokedAt !== null).length;
  return (
    <DialogTrigger onOpenChange={(open) => open && update.reset()}>
      <Button>Modifier</Button>
      <ModalDialog title="Modifier la réunion" size="lg">
        {(close) => (
          <div className="stack">
            {convened > 0 ? (
              <Alert tone="info">
                {plural(convened, "personne a", "personnes ont")} déjà reçu la convocation : un changement de
                date, d'heure ou de lieu devra leur être renvoyé.
              </Alert>
            ) : null}
            <MeetingForm
              clsmId={clsmId}
              meeting={meeting}
              error={update.error}
              isPending={update.isPending}
              onCancel={close}
              submitLabel="Enregistrer"
              onUpdate={(body) =>
                update.mutate(body, {
                  onSuccess: () => {
                    close();
                    onDone({
                      tone: "success",
                      text:
                        body.applyTo === "following"
                          ? `La réunion et ${theFollowing(meeting.seriesFollowing)} de la série sont enregistrées.`
                          : "La réunion est enregistrée.",
                    });
                  },
                })
              }
            />
          </div>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function DuplicateMeetingDialog({ clsmId, meeting }: { clsmId: string; meeting: MeetingDetail }) {
  const duplicate = useDuplicateMeeting(clsmId, meeting.id);
  const navigate = useNavigate();
  const [date, setDate] = useState(addDays(meeting.date, 7));
  const [time, setTime] = useState(meeting.time);
  return (
    <DialogTrigger onOpenChange={(open) => open && duplicate.reset()}>
      <Button>Dupliquer</Button>
      <ModalDialog title="Dupliquer la réunion">
        {(close) => (
          <Form
            error={duplicate.error}
            isPending={duplicate.isPending}
            onSubmit={(event) => {
              event.preventDefault();
              duplicate.mutate(
                { date, time },
                {
                  onSuccess: (copy) =>
                    navigate(`/clsm/${clsmId}/reunions/${copy.id}`, {
                      state: {
                        notice: `La réunion est dupliquée au ${formatLongDate(copy.date)} à ${formatTime(copy.time)}, avec les mêmes invité·es et les mêmes points à l'ordre du jour.`,
                      },
                    }),
                },
              );
            }}
          >
            <p>
              Une nouvelle réunion, au même lieu, avec les membres actuels de l'instance, les mêmes autres
              invité·es et les mêmes points à l'ordre du jour. Les réponses et la présence ne sont pas
              reprises.
            </p>
            <div className="form__row">
              <TextField label="Date" name="date" type="date" isRequired value={date} onChange={setDate} />
              <TextField
                label="Heure de début"
                name="time"
                type="time"
                isRequired
                value={time}
                onChange={setTime}
              />
            </div>
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={duplicate.isPending}>
                Dupliquer
              </Button>
              <Button onPress={close}>Annuler</Button>
            </div>
          </Form>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function CancelMeetingDialog({
  clsmId,
  meeting,
  onDone,
}: {
  clsmId: string;
  meeting: MeetingDetail;
  onDone: (notice: Notice | null) => void;
}) {
  const cancel = useCancelMeeting(clsmId, meeting.id);
  const [notify, setNotify] = useState(true);
  const convened = meeting.invitees.filter((i) => i.convokedAt !== null).length;
  return (
    <DialogTrigger onOpenChange={(open) => open && cancel.reset()}>
      <Button variant="danger">Annuler la réunion</Button>
      <ConfirmDialog
        title="Annuler la réunion ?"
        confirmLabel="Annuler la réunion"
        cancelLabel="Garder la réunion"
        isPending={cancel.isPending}
        error={cancel.error}
        onConfirm={(close) =>
          cancel.mutate(
            { notify: convened > 0 && notify },
            {
              onSuccess: () => {
                close();
                onDone({
                  tone: "success",
                  text:
                    convened > 0 && notify
                      ? "La réunion est annulée ; les personnes convoquées en sont prévenues."
                      : "La réunion est annulée.",
                });
              },
            },
          )
        }
      >
        <p>
          La réunion du {formatLongDate(meeting.date)} n'aura pas lieu. Elle restera dans le calendrier,
          barrée, avec la mention « annulée » ; vous pourrez la dupliquer pour la reprogrammer.
        </p>
        {convened > 0 ? (
          <Checkbox isSelected={notify} onChange={setNotify}>
            Prévenir les {plural(convened, "personne déjà convoquée", "personnes déjà convoquées")} (un
            courriel d'annulation qui retire aussi la réunion de leur agenda)
          </Checkbox>
        ) : (
          <p className="muted">Aucune convocation n'a été envoyée : personne n'a besoin d'être prévenu.</p>
        )}
      </ConfirmDialog>
    </DialogTrigger>
  );
}

function DeleteMeetingDialog({ clsmId, meeting }: { clsmId: string; meeting: MeetingDetail }) {
  const remove = useDeleteMeeting(clsmId, meeting.id);
  const navigate = useNavigate();
  return (
    <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
      <Button variant="danger">Supprimer</Button>
      <ConfirmDialog
        title="Supprimer la réunion ?"
        confirmLabel="Supprimer la réunion"
        cancelLabel="Garder la réunion"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () =>
              navigate(`/clsm/${clsmId}/reunions?mois=${monthOf(meeting.date)}`, {
                state: { notice: `La réunion « ${meeting.title} » est supprimée.` },
              }),
          })
        }
      >
        <p>
          La réunion, ses invité·es et son ordre du jour seront effacés. À utiliser pour une réunion
          programmée par erreur ; une réunion qui n'aura pas lieu s'annule plutôt.
        </p>
      </ConfirmDialog>
    </DialogTrigger>
  );
}
