import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { useInviteUser } from "../accounts/api";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ModalDialog } from "../ui/Dialog";
import { Form, validators } from "../ui/Form";
import { TextField } from "../ui/TextField";
import { PlatformRoleFields, type RoleChoice, roleToApi } from "./PlatformRoleFields";

export function InviteUserDialog() {
  const [invited, setInvited] = useState<string | null>(null);
  return (
    <div className="section__actions">
      {invited ? (
        <Alert tone="success">
          Invitation envoyée à {invited}. La personne choisira son mot de passe depuis le lien reçu.
        </Alert>
      ) : null}
      <DialogTrigger onOpenChange={(open) => open && setInvited(null)}>
        <Button variant="primary">Inviter une personne</Button>
        <ModalDialog title="Inviter une personne">
          {(close) => (
            <InviteForm
              onCancel={close}
              onDone={(email) => {
                setInvited(email);
                close();
              }}
            />
          )}
        </ModalDialog>
      </DialogTrigger>
    </div>
  );
}

function InviteForm({ onCancel, onDone }: { onCancel: () => void; onDone: (email: string) => void }) {
  const invite = useInviteUser();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<RoleChoice>("none");
  const [regionCode, setRegionCode] = useState<string | null>(null);
  return (
    <Form
      error={invite.error}
      isPending={invite.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        invite.mutate(
          {
            name: name.trim(),
            email: email.trim(),
            platformRole: roleToApi(role),
            arsRegionCode: role === "ars" ? regionCode : null,
          },
          { onSuccess: () => onDone(email.trim()) },
        );
      }}
    >
      <TextField
        label="Nom et prénom"
        name="name"
        isRequired
        maxLength={120}
        value={name}
        onChange={setName}
        validate={validators.required("Indiquez le nom de la personne.")}
        autoFocus
      />
      <TextField
        label="Adresse e-mail"
        name="email"
        type="email"
        autoComplete="off"
        isRequired
        value={email}
        onChange={setEmail}
        validate={validators.email}
      />
      <PlatformRoleFields
        role={role}
        onRoleChange={setRole}
        regionCode={regionCode}
        onRegionChange={setRegionCode}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={invite.isPending}>
          Envoyer l'invitation
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
