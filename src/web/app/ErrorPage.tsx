import { useEffect } from "react";
import { isRouteErrorResponse, useRouteError } from "react-router";

/** Last resort when a page crashes: a plain, self-contained message (the app state may be broken). */
export function ErrorPage() {
  const error = useRouteError();
  useEffect(() => {
    document.title = "Erreur – Maillage";
    console.error(error);
  }, [error]);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="contenu" className="site-main">
      <div className="page page--narrow">
        <h1>{notFound ? "Page introuvable" : "Une erreur est survenue"}</h1>
        <p>
          {notFound
            ? "L'adresse demandée n'existe pas."
            : "La page n'a pas pu s'afficher. Rechargez-la ; si le problème persiste, prévenez l'administration de la plateforme."}
        </p>
        <p>
          <a href="/">Revenir à l'accueil</a>
        </p>
      </div>
    </main>
  );
}
