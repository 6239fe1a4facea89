import { useState } from "react";
import { type MemberRole, type Membership, memberRoleLabels } from "../../contracts/governance";
import { formatDate, parisToday } from "../lib/format";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ModalDialog } from "../ui/Dialog";
import { Form } from "../ui/Form";
import { MenuButton, MenuItem } from "../ui/Menu";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useRemoveMembership, useUpdateMembership } from "./api";
import type { Notice } from "./InstanceActions";
import { roleOptions } from "./labels";

type Open = "role" | "end" | "remove" | null;

/** A member's actions (coordination): change the role, end the membership, remove one entered by mistake. */
export function MemberActions({
  clsmId,
  instanceId,
  member,
  onDone,
}: {
  clsmId: string;
  instanceId: string;
  member: Membership;
  /** `rowGone`: the member left this table (ended or removed). */
  onDone: (notice: Notice | null, rowGone?: boolean) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const current = member.endDate === null;
  return (
    <>
      <MenuButton
        label="Actions"
        aria-label={`Actions pour ${member.name}`}
        className="button button--secondary button--sm"
        placement="bottom end"
        onAction={(key) => {
          onDone(null);
          setOpen(key as Open);
        }}
      >
        {current ? <MenuItem id="role">Changer le rôle</MenuItem> : null}
        {current ? <MenuItem id="end">Mettre fin à sa participation</MenuItem> : null}
        <MenuItem id="remove">Retirer (saisie par erreur)</MenuItem>
      </MenuButton>
      <ModalDialog
        title={`Rôle de ${member.name}`}
        isOpen={open === "role"}
        onOpenChange={(o) => !o && close()}
      >
        {() => (
          <ChangeRole
            clsmId={clsmId}
            instanceId={instanceId}
            member={member}
            onDone={close}
            onSaved={onDone}
          />
        )}
      </ModalDialog>
      <ModalDialog
        title={`Fin de participation de ${member.name}`}
        isOpen={open === "end"}
        onOpenChange={(o) => !o && close()}
      >
        {() => (
          <EndMembership
            clsmId={clsmId}
            instanceId={instanceId}
            member={member}
            onDone={close}
            onSaved={onDone}
          />
        )}
      </ModalDialog>
      {open === "remove" ? (
        <RemoveMembership
          clsmId={clsmId}
          instanceId={instanceId}
          member={member}
          onDone={close}
          onSaved={onDone}
        />
      ) : null}
    </>
  );
}

interface FormProps {
  clsmId: string;
  instanceId: string;
  member: Membership;
  onDone: () => void;
  onSaved: (notice: Notice, rowGone?: boolean) => void;
}

function ChangeRole({ clsmId, instanceId, member, onDone, onSaved }: FormProps) {
  const update = useUpdateMembership(clsmId, instanceId);
  const [role, setRole] = useState<MemberRole>(member.role);
  return (
    <Form
      error={update.error}
      isPending={update.isPending}
      requiredNote={false}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { id: member.id, role },
          {
            onSuccess: () => {
              onSaved({
                tone: "success",
                text: `${member.name} est maintenant « ${memberRoleLabels[role]} » dans cette instance.`,
              });
              onDone();
            },
          },
        );
      }}
    >
      <SelectField
        label="Rôle"
        name="role"
        options={roleOptions}
        selectedKey={role}
        onSelectionChange={(k) => k && setRole(k as MemberRole)}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={update.isPending}>
          Enregistrer le rôle
        </Button>
        <Button onPress={onDone}>Annuler</Button>
      </div>
    </Form>
  );
}

function EndMembership({ clsmId, instanceId, member, onDone, onSaved }: FormProps) {
  const update = useUpdateMembership(clsmId, instanceId);
  const [endDate, setEndDate] = useState(parisToday());
  return (
    <Form
      error={update.error}
      isPending={update.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { id: member.id, endDate },
          {
            onSuccess: () => {
              onSaved(
                {
                  tone: "success",
                  text: `La participation de ${member.name} prend fin le ${formatDate(endDate)} ; elle reste dans les anciens membres.`,
                },
                true,
              );
              onDone();
            },
          },
        );
      }}
    >
      <p>
        {member.name} est membre depuis le {formatDate(member.startDate)}. Sa participation restera visible
        dans « Anciens membres ».
      </p>
      <TextField
        label="Date de fin"
        name="endDate"
        type="date"
        isRequired
        value={endDate}
        onChange={setEndDate}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={update.isPending}>
          Mettre fin à la participation
        </Button>
        <Button onPress={onDone}>Annuler</Button>
      </div>
    </Form>
  );
}

/** Mounted only while open, so that each opening starts without the previous attempt's error. */
function RemoveMembership({ clsmId, instanceId, member, onDone, onSaved }: FormProps) {
  const remove = useRemoveMembership(clsmId, instanceId);
  return (
    <ConfirmDialog
      title={`Retirer ${member.name} ?`}
      isOpen
      onOpenChange={(o) => !o && onDone()}
      confirmLabel="Retirer la participation"
      isPending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(member.id, {
          onSuccess: () => {
            onSaved({ tone: "success", text: `${member.name} est retiré·e de l'instance.` }, true);
            onDone();
          },
        })
      }
    >
      <p>
        La participation de {member.name} sera effacée, sans laisser de trace dans l'historique de l'instance.
        À utiliser pour une personne ajoutée par erreur.
      </p>
      {member.endDate === null ? (
        <p>
          Si {member.name} quitte l'instance, préférez « Mettre fin à sa participation » : l'historique reste
          juste.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
