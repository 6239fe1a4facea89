import { useState } from "react";
import type { ClsmRole } from "../../contracts/accounts";
import type { Member } from "../../contracts/workspaces";
import { clsmRoleLabels } from "../accounts/labels";
import { messageOf } from "../lib/api";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ModalDialog } from "../ui/Dialog";
import { Form } from "../ui/Form";
import { MenuButton, MenuItem } from "../ui/Menu";
import { SelectField } from "../ui/SelectField";
import { useRemoveMember, useResendInvitation, useUpdateMember } from "./api";

const roleOptions = (Object.keys(clsmRoleLabels) as ClsmRole[]).map((id) => ({
  id,
  label: clsmRoleLabels[id],
}));

type Open = "edit" | "resend" | "remove" | null;

/** The "Actions" menu of one member row, and the dialogs it opens. */
export function MemberActions({
  clsmId,
  member,
  isSelf,
}: {
  clsmId: string;
  member: Member;
  isSelf: boolean;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      <MenuButton
        label="Actions"
        aria-label={`Actions pour ${member.name}`}
        className="button button--secondary button--sm"
        placement="bottom end"
        onAction={(key) => setOpen(key as Open)}
      >
        <MenuItem id="edit">Modifier le rôle et les fonctions</MenuItem>
        {member.invitationPending ? <MenuItem id="resend">Renvoyer l'invitation</MenuItem> : null}
        <MenuItem id="remove">{isSelf ? "Quitter ce CLSM" : "Retirer du CLSM"}</MenuItem>
      </MenuButton>
      <ModalDialog
        title={`Rôle de ${member.name}`}
        isOpen={open === "edit"}
        onOpenChange={(isOpen) => !isOpen && close()}
      >
        {() => <EditMemberForm clsmId={clsmId} member={member} onDone={close} />}
      </ModalDialog>
      <ModalDialog
        title={`Renvoyer l'invitation à ${member.name} ?`}
        isOpen={open === "resend"}
        onOpenChange={(isOpen) => !isOpen && close()}
      >
        {() => <ResendInvitation clsmId={clsmId} member={member} onDone={close} />}
      </ModalDialog>
      {open === "remove" ? (
        <RemoveMember clsmId={clsmId} member={member} isSelf={isSelf} onDone={close} />
      ) : null}
    </>
  );
}

function EditMemberForm({ clsmId, member, onDone }: { clsmId: string; member: Member; onDone: () => void }) {
  const update = useUpdateMember(clsmId);
  const [role, setRole] = useState<ClsmRole>(member.role);
  const [isChair, setIsChair] = useState(member.isChair);
  const [isColead, setIsColead] = useState(member.isColead);
  return (
    <Form
      error={update.error}
      isPending={update.isPending}
      requiredNote={false}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ userId: member.userId, role, isChair, isColead }, { onSuccess: onDone });
      }}
    >
      <SelectField
        label="Rôle dans le CLSM"
        name="role"
        options={roleOptions}
        selectedKey={role}
        onSelectionChange={(key) => key && setRole(key as ClsmRole)}
        description="La coordination gère les membres, le territoire et les informations du CLSM."
      />
      <fieldset className="fieldset">
        <legend>Fonctions</legend>
        <Checkbox isSelected={isChair} onChange={setIsChair}>
          Présidence (élu·e)
        </Checkbox>
        <Checkbox isSelected={isColead} onChange={setIsColead}>
          Co-pilotage (psychiatrie)
        </Checkbox>
      </fieldset>
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={update.isPending}>
          Enregistrer
        </Button>
        <Button onPress={onDone}>Annuler</Button>
      </div>
    </Form>
  );
}

/** Mounted only while open, so that each opening starts without the previous attempt's error. */
function RemoveMember({
  clsmId,
  member,
  isSelf,
  onDone,
}: {
  clsmId: string;
  member: Member;
  isSelf: boolean;
  onDone: () => void;
}) {
  const remove = useRemoveMember(clsmId);
  return (
    <ConfirmDialog
      title={isSelf ? "Quitter ce CLSM ?" : `Retirer ${member.name} ?`}
      isOpen
      onOpenChange={(isOpen) => !isOpen && onDone()}
      confirmLabel={isSelf ? "Quitter le CLSM" : "Retirer"}
      isPending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(member.userId, { onSuccess: onDone })}
    >
      <p>
        {isSelf
          ? "Vous n'aurez plus accès à ce CLSM, sauf si la coordination vous ajoute de nouveau."
          : `${member.name} n'aura plus accès à ce CLSM. Son compte Maillage est conservé.`}
      </p>
    </ConfirmDialog>
  );
}

function ResendInvitation({
  clsmId,
  member,
  onDone,
}: {
  clsmId: string;
  member: Member;
  onDone: () => void;
}) {
  const resend = useResendInvitation(clsmId);
  if (resend.isSuccess) {
    return (
      <div className="stack">
        <Alert tone="success">Invitation renvoyée à {member.email}. Le lien reçu est valable 7 jours.</Alert>
        <div className="form__actions">
          <Button variant="primary" onPress={onDone} autoFocus>
            Fermer
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      {resend.isError ? <Alert tone="error">{messageOf(resend.error)}</Alert> : null}
      <p>
        {member.name} n'a pas encore choisi son mot de passe. Un nouveau courriel d'invitation lui sera envoyé
        à {member.email}.
      </p>
      <div className="form__actions">
        <Button variant="primary" isPending={resend.isPending} onPress={() => resend.mutate(member.userId)}>
          Renvoyer l'invitation
        </Button>
        <Button onPress={onDone}>Annuler</Button>
      </div>
    </div>
  );
}
