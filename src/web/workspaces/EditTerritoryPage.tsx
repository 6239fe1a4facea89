import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { ClsmDetail } from "../../contracts/workspaces";
import { ForbiddenPage } from "../app/ForbiddenPage";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { draftFromSummary, isDraftEmpty, toTerritoryInput } from "../territory/draft";
import { NO_TERRITORY, territoryErrorOf } from "../territory/errors";
import { TerritoryPicker } from "../territory/TerritoryPicker";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Form } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { useClsm, useSetTerritory } from "./api";

export function EditTerritoryPage() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  if (clsm.isError && (isApiError(clsm.error, 404) || isApiError(clsm.error, 400)))
    return <NotFoundPage title="CLSM introuvable" />;
  if (clsm.isError)
    return (
      <Page title="Modifier le territoire">
        <Alert tone="error">{messageOf(clsm.error)}</Alert>
      </Page>
    );
  if (clsm.isPending)
    return (
      <Page title="Modifier le territoire" busy>
        <Loading />
      </Page>
    );
  if (!clsm.data.can.editTerritory) return <ForbiddenPage />;
  return <EditTerritory clsm={clsm.data} />;
}

function EditTerritory({ clsm }: { clsm: ClsmDetail }) {
  const navigate = useNavigate();
  const save = useSetTerritory(clsm.id);
  const [draft, setDraft] = useState(() => draftFromSummary(clsm.territory));
  const [clientError, setClientError] = useState<string | undefined>();
  const error = clientError ?? territoryErrorOf(save.error, "");

  return (
    <Page
      title="Modifier le territoire"
      documentTitle={`Modifier le territoire – ${clsm.name}`}
      eyebrow={<Link to={`/clsm/${clsm.id}`}>{clsm.name}</Link>}
      lead={
        <p>
          Ajoutez ou retirez des communes et des intercommunalités. Une intercommunalité apporte toutes ses
          communes.
        </p>
      }
    >
      <Form
        error={save.error}
        isPending={save.isPending}
        onSubmit={(event) => {
          event.preventDefault();
          if (isDraftEmpty(draft)) {
            setClientError(NO_TERRITORY);
            document.getElementById("territory-search")?.focus();
            return;
          }
          setClientError(undefined);
          save.mutate(toTerritoryInput(draft), {
            onSuccess: () =>
              navigate(`/clsm/${clsm.id}`, { state: { notice: "Le territoire est enregistré." } }),
          });
        }}
      >
        <TerritoryPicker
          value={draft}
          onChange={(next) => {
            setDraft(next);
            if (!isDraftEmpty(next)) setClientError(undefined);
          }}
          error={error}
          inputId="territory-search"
        />
        <div className="form__actions form__actions--end">
          <Button type="submit" variant="primary" isPending={save.isPending}>
            Enregistrer le territoire
          </Button>
          <Link to={`/clsm/${clsm.id}`}>Annuler</Link>
        </div>
      </Form>
    </Page>
  );
}
