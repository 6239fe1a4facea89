import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { ClsmStatus } from "../../contracts/workspaces";
import { emptyDraft, isDraftEmpty, toTerritoryInput } from "../territory/draft";
import { NO_TERRITORY, territoryErrorOf } from "../territory/errors";
import { TerritoryPicker } from "../territory/TerritoryPicker";
import { Button } from "../ui/Button";
import { Form, validators } from "../ui/Form";
import { Page } from "../ui/Page";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useCreateClsm } from "../workspaces/api";
import { statusOptions } from "../workspaces/labels";

export function CreateClsmPage() {
  const navigate = useNavigate();
  const create = useCreateClsm();
  const [name, setName] = useState("");
  const [status, setStatus] = useState<ClsmStatus>("projet");
  const [draft, setDraft] = useState(emptyDraft);
  const [clientError, setClientError] = useState<string | undefined>();
  const territoryError = clientError ?? territoryErrorOf(create.error, "territory.");

  return (
    <Page
      title="Créer un CLSM"
      eyebrow={<Link to="/admin/clsm">Administration des CLSM</Link>}
      lead={
        <p>Donnez un nom au CLSM et définissez son territoire. Vous pourrez ensuite y ajouter ses membres.</p>
      }
    >
      <Form
        error={create.error}
        isPending={create.isPending}
        onSubmit={(event) => {
          event.preventDefault();
          if (isDraftEmpty(draft)) {
            setClientError(NO_TERRITORY);
            document.getElementById("territory-search")?.focus();
            return;
          }
          setClientError(undefined);
          create.mutate(
            { name: name.trim(), status, territory: toTerritoryInput(draft) },
            {
              onSuccess: (created) =>
                navigate(`/clsm/${created.id}`, {
                  state: { notice: `Le CLSM « ${created.name} » est créé.` },
                }),
            },
          );
        }}
      >
        <div className="card stack">
          <h2>Le CLSM</h2>
          <TextField
            label="Nom du CLSM"
            name="name"
            description="Par exemple : CLSM de Lorient Agglomération."
            isRequired
            maxLength={160}
            value={name}
            onChange={setName}
            validate={validators.required("Indiquez le nom du CLSM.")}
          />
          <SelectField
            label="Statut"
            name="status"
            options={statusOptions}
            selectedKey={status}
            onSelectionChange={(key) => key && setStatus(key as ClsmStatus)}
          />
        </div>
        <div className="card stack">
          <h2>Le territoire</h2>
          <TerritoryPicker
            value={draft}
            onChange={(next) => {
              setDraft(next);
              if (!isDraftEmpty(next)) setClientError(undefined);
            }}
            error={territoryError}
            namePrefix="territory."
            inputId="territory-search"
          />
        </div>
        <div className="form__actions form__actions--end">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            Créer le CLSM
          </Button>
          <Link to="/admin/clsm">Annuler</Link>
        </div>
      </Form>
    </Page>
  );
}
