import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import type { ClsmRole } from "../../contracts/accounts";
import { clsmRoleLabels } from "../accounts/labels";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { ModalDialog } from "../ui/Dialog";
import { Form, validators } from "../ui/Form";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useAddMember } from "./api";

const roleOptions = (Object.keys(clsmRoleLabels) as ClsmRole[]).map((id) => ({
  id,
  label: clsmRoleLabels[id],
}));

export function AddMemberDialog({ clsmId }: { clsmId: string }) {
  const [result, setResult] = useState<{ name: string; invited: boolean } | null>(null);
  return (
    <div className="section__actions">
      {result ? (
        <Alert tone="success">
          {result.invited
            ? `${result.name} a été ajouté·e et a reçu une invitation par e-mail pour choisir son mot de passe.`
            : `${result.name} a été ajouté·e au CLSM.`}
        </Alert>
      ) : null}
      <DialogTrigger onOpenChange={(open) => open && setResult(null)}>
        <Button variant="primary">Ajouter un membre</Button>
        <ModalDialog title="Ajouter un membre">
          {(close) => (
            <AddMemberForm
              clsmId={clsmId}
              onCancel={close}
              onDone={(r) => {
                setResult(r);
                close();
              }}
            />
          )}
        </ModalDialog>
      </DialogTrigger>
    </div>
  );
}

function AddMemberForm({
  clsmId,
  onCancel,
  onDone,
}: {
  clsmId: string;
  onCancel: () => void;
  onDone: (result: { name: string; invited: boolean }) => void;
}) {
  const add = useAddMember(clsmId);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<ClsmRole>("member");
  const [isChair, setIsChair] = useState(false);
  const [isColead, setIsColead] = useState(false);
  return (
    <Form
      error={add.error}
      isPending={add.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        const trimmedName = name.trim();
        add.mutate(
          { email: email.trim(), name: trimmedName || undefined, role, isChair, isColead },
          { onSuccess: (r) => onDone({ name: trimmedName || email.trim(), invited: r.invited }) },
        );
      }}
    >
      <p className="muted">
        Si l'adresse n'a pas encore de compte Maillage, la personne reçoit une invitation par e-mail.
      </p>
      <TextField
        label="Adresse e-mail"
        name="email"
        type="email"
        autoComplete="off"
        isRequired
        value={email}
        onChange={setEmail}
        validate={validators.email}
        autoFocus
      />
      <TextField
        label="Nom et prénom"
        name="name"
        description="Facultatif : utile pour une personne qui n'a pas encore de compte."
        maxLength={120}
        value={name}
        onChange={setName}
      />
      <SelectField
        label="Rôle dans le CLSM"
        name="role"
        options={roleOptions}
        selectedKey={role}
        onSelectionChange={(key) => key && setRole(key as ClsmRole)}
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
        <Button type="submit" variant="primary" isPending={add.isPending}>
          Ajouter
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
