import { useEffect, useRef, useState } from "react";
import { DialogTrigger, Label, Radio, RadioGroup } from "react-aria-components";
import { Link } from "react-router";
import {
  attendanceLabels,
  type Invitee,
  type MeetingDetail,
  type Rsvp,
  rsvpLabels,
  rsvps,
} from "../../contracts/meetings";
import { ApiError, messageOf } from "../lib/api";
import { formatDate, plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge, type BadgeTone } from "../ui/Badge";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { DataTable } from "../ui/DataTable";
import { ModalDialog } from "../ui/Dialog";
import { EmptyState } from "../ui/EmptyState";
import { Form } from "../ui/Form";
import { MenuButton, MenuItem } from "../ui/Menu";
import { TextField } from "../ui/TextField";
import { useAddInvitees, useRemoveInvitee, useUpdateInvitee } from "./api";
import { type ChosenGuest, GuestPicker, guestInputs } from "./GuestPicker";
import type { Notice } from "./labels";

const rsvpTones: Record<Rsvp, BadgeTone> = {
  pending: "neutral",
  yes: "success",
  no: "warning",
  maybe: "info",
};

/** Where a convocation stands: not sent, sent with the current version, or sent before a change. */
function convocationText(i: Invitee): { text: string; stale: boolean } {
  if (!i.convokedAt) return { text: "Non envoyée", stale: false };
  return i.upToDate
    ? { text: `Envoyée le ${formatDate(i.convokedAt)}`, stale: false }
    : { text: `Envoyée le ${formatDate(i.convokedAt)}, avant une modification : à renvoyer`, stale: true };
}

/** "9 invité·es : 3 présent·es annoncé·es, 1 absent·e, 5 sans réponse". */
function answersSummary(invitees: Invitee[]): string {
  const count = (r: Rsvp) => invitees.filter((i) => i.rsvp === r).length;
  const parts = [
    count("yes") && plural(count("yes"), "présent·e annoncé·e", "présent·es annoncé·es"),
    count("maybe") && `${count("maybe")} peut-être`,
    count("no") && plural(count("no"), "absent·e", "absent·es"),
    count("pending") && `${count("pending")} sans réponse`,
  ].filter(Boolean);
  return `${plural(invitees.length, "invité·e", "invité·es")}${parts.length ? ` : ${parts.join(", ")}` : ""}`;
}

/**
 * The invitees: the instance's members and the other guests, their answer (and who replaces them), where their
 * convocation stands and, once taken, their attendance. The coordination invites more people, removes one, and
 * types an answer received by phone or mail.
 */
export function InviteesSection({
  clsmId,
  meeting: m,
  onNotice,
}: {
  clsmId: string;
  meeting: MeetingDetail;
  onNotice: (notice: Notice | null) => void;
}) {
  const manage = m.can.manage && m.status === "scheduled";
  const heading = useRef<HTMLHeadingElement>(null);
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus === 0) return;
    const frame = window.requestAnimationFrame(() => heading.current?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [refocus]);
  const attendanceTaken = m.invitees.some((i) => i.attendance !== null);
  const showContacts = m.invitees.some((i) => i.email);

  return (
    <section className="section" aria-labelledby="invites">
      <div className="section__header">
        <h2 id="invites" ref={heading} tabIndex={-1}>
          Invité·es
        </h2>
        {manage ? <AddInviteesDialog clsmId={clsmId} meeting={m} onAdded={onNotice} /> : null}
      </div>
      {m.invitees.length === 0 ? (
        <EmptyState title="Personne n'est invité pour l'instant.">
          {manage ? <p>Ajoutez des personnes avec le bouton « Inviter des personnes ».</p> : null}
        </EmptyState>
      ) : (
        <>
          <p className="muted">{answersSummary(m.invitees)}</p>
          <DataTable caption="Invité·es" captionHidden>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Fonction · structure</th>
                <th scope="col">Invité·e au titre de</th>
                <th scope="col">Réponse</th>
                {m.can.manage ? <th scope="col">Convocation</th> : null}
                {attendanceTaken ? <th scope="col">Présence</th> : null}
                {manage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {m.invitees.map((i) => {
                const convocation = convocationText(i);
                return (
                  <tr key={i.id}>
                    <th scope="row">
                      {i.personId ? (
                        <Link to={`/clsm/${clsmId}/annuaire/personnes/${i.personId}`}>{i.name}</Link>
                      ) : (
                        i.name
                      )}
                      {showContacts && i.email ? <span className="cell-sub">{i.email}</span> : null}
                    </th>
                    <td>
                      {[i.function, i.structureName].filter(Boolean).join(" · ") ||
                        (i.personId ? <span className="muted">—</span> : "Hors annuaire")}
                    </td>
                    <td>{i.fromInstance ? "Membre de l'instance" : "Invité·e"}</td>
                    <td>
                      <Badge tone={rsvpTones[i.rsvp]}>{rsvpLabels[i.rsvp]}</Badge>
                      {i.substituteName ? (
                        <span className="cell-sub">Remplacé·e par {i.substituteName}</span>
                      ) : null}
                    </td>
                    {m.can.manage ? (
                      <td>
                        {convocation.stale ? (
                          <Badge tone="warning">{convocation.text}</Badge>
                        ) : (
                          convocation.text
                        )}
                      </td>
                    ) : null}
                    {attendanceTaken ? (
                      <td>
                        {i.attendance ? attendanceLabels[i.attendance] : <span className="muted">—</span>}
                        {i.attendance === "represente" && i.representedBy ? (
                          <span className="cell-sub">par {i.representedBy}</span>
                        ) : null}
                      </td>
                    ) : null}
                    {manage ? (
                      <td className="actions-cell">
                        <InviteeActions
                          clsmId={clsmId}
                          meetingId={m.id}
                          invitee={i}
                          onDone={(notice, rowGone) => {
                            onNotice(notice);
                            if (rowGone) setRefocus((n) => n + 1);
                          }}
                        />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}

function AddInviteesDialog({
  clsmId,
  meeting,
  onAdded,
}: {
  clsmId: string;
  meeting: MeetingDetail;
  onAdded: (notice: Notice) => void;
}) {
  const add = useAddInvitees(clsmId, meeting.id);
  const [chosen, setChosen] = useState<ChosenGuest[]>([]);
  const [noneChosen, setNoneChosen] = useState(false);
  const invited = new Set(meeting.invitees.flatMap((i) => (i.personId ? [i.personId] : [])));
  const guestsError =
    add.error instanceof ApiError
      ? Object.entries(add.error.fields).find(([k]) => k.startsWith("guests"))?.[1]
      : undefined;
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (!open) return;
        add.reset();
        setChosen([]);
        setNoneChosen(false);
      }}
    >
      <Button variant="primary">Inviter des personnes</Button>
      <ModalDialog title="Inviter des personnes" size="lg">
        {(close) => (
          <div className="stack">
            {add.isError && !guestsError ? <Alert tone="error">{messageOf(add.error)}</Alert> : null}
            {noneChosen ? <Alert tone="error">Choisissez au moins une personne.</Alert> : null}
            <GuestPicker
              clsmId={clsmId}
              chosen={chosen}
              onChange={(c) => {
                setChosen(c);
                if (c.length) setNoneChosen(false);
              }}
              invited={invited}
              error={guestsError}
            />
            <div className="form__actions">
              <Button
                variant="primary"
                isPending={add.isPending}
                onPress={() => {
                  if (chosen.length === 0) {
                    setNoneChosen(true);
                    return;
                  }
                  add.mutate(guestInputs(chosen), {
                    onSuccess: (r) => {
                      close();
                      onAdded({
                        tone: "success",
                        text:
                          (r.added === 0
                            ? "Aucune personne ajoutée"
                            : `${plural(r.added, "personne invitée", "personnes invitées")}`) +
                          (r.alreadyInvited > 0
                            ? `, ${plural(r.alreadyInvited, "déjà invitée", "déjà invitées")}.`
                            : "."),
                      });
                    },
                  });
                }}
              >
                {chosen.length > 1 ? `Inviter les ${chosen.length} personnes` : "Inviter"}
              </Button>
              <Button onPress={close}>Annuler</Button>
            </div>
          </div>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

type Open = "answer" | "remove" | null;

function InviteeActions({
  clsmId,
  meetingId,
  invitee,
  onDone,
}: {
  clsmId: string;
  meetingId: string;
  invitee: Invitee;
  onDone: (notice: Notice | null, rowGone?: boolean) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const update = useUpdateInvitee(clsmId, meetingId);
  const remove = useRemoveInvitee(clsmId, meetingId);
  const [rsvp, setRsvp] = useState<Rsvp>(invitee.rsvp);
  const [substitute, setSubstitute] = useState(invitee.substituteName ?? "");
  return (
    <>
      <MenuButton
        label="Actions"
        aria-label={`Actions pour ${invitee.name}`}
        className="button button--secondary button--sm"
        placement="bottom end"
        onAction={(key) => {
          onDone(null);
          update.reset();
          remove.reset();
          setRsvp(invitee.rsvp);
          setSubstitute(invitee.substituteName ?? "");
          setOpen(key as Open);
        }}
      >
        <MenuItem id="answer">Saisir sa réponse</MenuItem>
        <MenuItem id="remove">Retirer de la réunion</MenuItem>
      </MenuButton>
      <ModalDialog
        title={`Réponse de ${invitee.name}`}
        isOpen={open === "answer"}
        onOpenChange={(o) => !o && close()}
      >
        {() => (
          <Form
            error={update.error}
            isPending={update.isPending}
            requiredNote={false}
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate(
                { id: invitee.id, rsvp, substituteName: substitute.trim() },
                {
                  onSuccess: () => {
                    close();
                    onDone({
                      tone: "success",
                      text: `Réponse de ${invitee.name} : ${rsvpLabels[rsvp]}${substitute.trim() ? `, remplacé·e par ${substitute.trim()}` : ""}.`,
                    });
                  },
                },
              );
            }}
          >
            <p>Une réponse reçue par téléphone ou par courriel, saisie à la place de la personne.</p>
            <RadioGroup className="radio-group" name="rsvp" value={rsvp} onChange={(v) => setRsvp(v as Rsvp)}>
              <Label className="field__label">Réponse</Label>
              <div className="radio-group__options">
                {rsvps.map((r) => (
                  <Radio key={r} value={r} className="radio">
                    {rsvpLabels[r]}
                  </Radio>
                ))}
              </div>
            </RadioGroup>
            <TextField
              label="Remplacé·e par"
              name="substituteName"
              value={substitute}
              onChange={setSubstitute}
              description="Si la personne envoie quelqu'un à sa place."
            />
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={update.isPending}>
                Enregistrer la réponse
              </Button>
              <Button onPress={close}>Annuler</Button>
            </div>
          </Form>
        )}
      </ModalDialog>
      <ConfirmDialog
        title={`Retirer ${invitee.name} ?`}
        isOpen={open === "remove"}
        onOpenChange={(o) => !o && close()}
        confirmLabel="Retirer l'invitation"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(invitee.id, {
            onSuccess: () => {
              close();
              onDone({ tone: "success", text: `${invitee.name} n'est plus invité·e.` }, true);
            },
          })
        }
      >
        <p>
          {invitee.name} ne sera plus invité·e à cette réunion. À utiliser pour une personne invitée par
          erreur ; une personne qui ne vient pas reste invitée, avec sa réponse.
        </p>
      </ConfirmDialog>
    </>
  );
}
