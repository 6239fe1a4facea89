import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import type { ClsmDetail, ClsmStatus } from "../../contracts/workspaces";
import { Button } from "../ui/Button";
import { ModalDialog } from "../ui/Dialog";
import { Form, validators } from "../ui/Form";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useUpdateClsm } from "./api";
import { statusOptions } from "./labels";

export function EditClsmDialog({ clsm }: { clsm: ClsmDetail }) {
  return (
    <DialogTrigger>
      <Button>Modifier le nom ou le statut</Button>
      <ModalDialog title="Modifier le CLSM">
        {(close) => <EditClsmForm clsm={clsm} onDone={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function EditClsmForm({ clsm, onDone }: { clsm: ClsmDetail; onDone: () => void }) {
  const update = useUpdateClsm(clsm.id);
  const [name, setName] = useState(clsm.name);
  const [status, setStatus] = useState<ClsmStatus>(clsm.status);
  return (
    <Form
      error={update.error}
      isPending={update.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ name: name.trim(), status }, { onSuccess: onDone });
      }}
    >
      <TextField
        label="Nom du CLSM"
        name="name"
        isRequired
        maxLength={160}
        value={name}
        onChange={setName}
        validate={validators.required("Indiquez le nom du CLSM.")}
        autoFocus
      />
      <SelectField
        label="Statut"
        name="status"
        options={statusOptions}
        selectedKey={status}
        onSelectionChange={(key) => key && setStatus(key as ClsmStatus)}
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
