import { Page } from "../ui/Page";
import { ClsmList } from "./ClsmList";

export function AllClsmsPage() {
  return (
    <Page title="Tous les CLSM" lead={<p>Les conseils locaux de santé mentale que vous pouvez consulter.</p>}>
      <ClsmList />
    </Page>
  );
}
