import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { type MemberRole, memberRoleLabels, memberRoles } from "../../contracts/governance";
import { useAddMembers, useInstances } from "../governance/api";
import { parisToday, plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ModalDialog } from "../ui/Dialog";
import { Form } from "../ui/Form";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";

const roleOptions = memberRoles.map((id) => ({ id, label: memberRoleLabels[id] }));

/** Adds the people selected in the directory to one instance (COPIL, groupe de travail…) with a role. */
export function AddToInstanceDialog({
  clsmId,
  personIds,
  onAdded,
}: {
  clsmId: string;
  personIds: string[];
  onAdded: (notice: string) => void;
}) {
  return (
    <DialogTrigger>
      <Button size="sm">Ajouter à une instance</Button>
      <ModalDialog title="Ajouter à une instance">
        {(close) => (
          <AddToInstance
            clsmId={clsmId}
            personIds={personIds}
            onCancel={close}
            onAdded={(notice) => {
              close();
              onAdded(notice);
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function AddToInstance({
  clsmId,
  personIds,
  onCancel,
  onAdded,
}: {
  clsmId: string;
  personIds: string[];
  onCancel: () => void;
  onAdded: (notice: string) => void;
}) {
  const instances = useInstances(clsmId);
  const add = useAddMembers(clsmId);
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const [role, setRole] = useState<MemberRole>("membre");
  const [startDate, setStartDate] = useState(parisToday());
  const options = (instances.data?.items ?? []).map((i) => ({
    id: i.id,
    label: i.name,
  }));
  const chosen = instances.data?.items.find((i) => i.id === instanceId);

  if (instances.data && options.length === 0)
    return (
      <>
        <Alert tone="info">
          Ce CLSM n'a pas encore d'instance active. Créez d'abord le COPIL ou un groupe de travail dans «
          Instances ».
        </Alert>
        <div className="form__actions">
          <Button onPress={onCancel}>Fermer</Button>
        </div>
      </>
    );
  return (
    <Form
      error={add.error}
      isPending={add.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        if (!instanceId) return;
        add.mutate(
          { instanceId, personIds, role, startDate },
          {
            onSuccess: (r) =>
              onAdded(
                [
                  `${plural(r.added, "personne ajoutée", "personnes ajoutées")} à « ${chosen?.name ?? ""} ».`,
                  r.alreadyMembers
                    ? `${plural(r.alreadyMembers, "personne en était déjà membre", "personnes en étaient déjà membres")}.`
                    : "",
                ]
                  .filter(Boolean)
                  .join(" "),
              ),
          },
        );
      }}
    >
      <p>{plural(personIds.length, "personne sélectionnée", "personnes sélectionnées")}.</p>
      <SelectField
        label="Instance"
        name="instanceId"
        isRequired
        placeholder="Choisir une instance"
        options={options}
        selectedKey={instanceId}
        onSelectionChange={(k) => setInstanceId(k ? String(k) : null)}
      />
      <SelectField
        label="Rôle"
        name="role"
        options={roleOptions}
        selectedKey={role}
        onSelectionChange={(k) => k && setRole(k as MemberRole)}
      />
      <TextField
        label="Membre depuis le"
        name="startDate"
        type="date"
        isRequired
        value={startDate}
        onChange={setStartDate}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={add.isPending} isDisabled={!instanceId}>
          Ajouter
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
