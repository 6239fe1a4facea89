import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import type { UserListItem } from "../../contracts/accounts";
import { useUpdateUser } from "../accounts/api";
import { Button } from "../ui/Button";
import { ModalDialog } from "../ui/Dialog";
import { Form } from "../ui/Form";
import { PlatformRoleFields, type RoleChoice, roleToApi } from "./PlatformRoleFields";

export function EditUserDialog({ user }: { user: UserListItem }) {
  return (
    <DialogTrigger>
      <Button size="sm" aria-label={`Changer le rôle de ${user.name}`}>
        Changer le rôle
      </Button>
      <ModalDialog title={`Rôle de ${user.name}`}>
        {(close) => <EditUserForm user={user} onDone={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function EditUserForm({ user, onDone }: { user: UserListItem; onDone: () => void }) {
  const update = useUpdateUser();
  const [role, setRole] = useState<RoleChoice>(user.platformRole ?? "none");
  const [regionCode, setRegionCode] = useState<string | null>(user.arsRegionCode);
  return (
    <Form
      error={update.error}
      isPending={update.isPending}
      requiredNote={false}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { id: user.id, platformRole: roleToApi(role), arsRegionCode: role === "ars" ? regionCode : null },
          { onSuccess: onDone },
        );
      }}
    >
      <p className="muted">{user.email}</p>
      <PlatformRoleFields
        role={role}
        onRoleChange={setRole}
        regionCode={regionCode}
        onRegionChange={setRegionCode}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={update.isPending}>
          Enregistrer
        </Button>
        <Button onPress={onDone}>Annuler</Button>
      </div>
    </Form>
  );
}
