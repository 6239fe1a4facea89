import { Page } from "../ui/Page";

// Scaffold replaced by the page's real screen while issue 5 is built.
export function OpinionsPage() {
  return <Page title="Avis" />;
}
