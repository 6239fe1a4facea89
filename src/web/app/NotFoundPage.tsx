import { Link } from "react-router";
import { Page } from "../ui/Page";

export function NotFoundPage({ title = "Page introuvable" }: { title?: string }) {
  return (
    <Page title={title} width="narrow">
      <p>L'adresse demandée n'existe pas, ou plus. Elle a peut-être été mal recopiée.</p>
      <p>
        <Link to="/">Revenir à l'accueil</Link>
      </p>
    </Page>
  );
}
