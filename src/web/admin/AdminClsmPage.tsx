import { ButtonLink } from "../ui/Button";
import { Page } from "../ui/Page";
import { ClsmList } from "../workspaces/ClsmList";

export function AdminClsmPage() {
  return (
    <Page
      title="Administration des CLSM"
      lead={<p>Tous les CLSM de la plateforme. Créez ici un nouveau CLSM et son territoire.</p>}
      actions={
        <ButtonLink href="/admin/clsm/nouveau" variant="primary">
          Créer un CLSM
        </ButtonLink>
      }
    >
      <ClsmList />
    </Page>
  );
}
