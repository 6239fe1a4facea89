import { Link } from "react-router";
import { Page } from "../ui/Page";

export function ForbiddenPage() {
  return (
    <Page title="Accès réservé" width="narrow">
      <p>Cette page est réservée à d'autres rôles que le vôtre.</p>
      <p>
        <Link to="/">Revenir à l'accueil</Link>
      </p>
    </Page>
  );
}
