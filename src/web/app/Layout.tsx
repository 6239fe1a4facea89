import { Fragment, Suspense } from "react";
import { Link, useLocation, useOutlet } from "react-router";
import { useMe } from "../accounts/api";
import { UserMenu } from "../accounts/UserMenu";
import { messageOf } from "../lib/api";
import { Alert } from "../ui/Alert";
import { Loading } from "../ui/Loading";
import { useDocumentTitle } from "../ui/Page";
import { ClsmSwitcher } from "../workspaces/ClsmSwitcher";
import { Logo } from "./Logo";
import { MainNav } from "./MainNav";

function UnavailableTitle() {
  useDocumentTitle("Indisponible");
  return null;
}

/** Skip link, header, main landmark and footer around every page. */
export function Layout() {
  const me = useMe();
  const location = useLocation();
  const outlet = useOutlet();
  const person = me.data ?? null;

  let content = outlet;
  if (me.isPending) content = <Loading label="Chargement de Maillage…" />;
  else if (me.isError)
    content = (
      <div className="page page--narrow">
        <h1 tabIndex={-1}>Maillage est momentanément indisponible</h1>
        <UnavailableTitle />
        <Alert tone="error">{messageOf(me.error)}</Alert>
      </div>
    );

  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <Logo />
            <span className="brand__name">Maillage</span>
          </Link>
          {person ? (
            <>
              <ClsmSwitcher me={person} />
              <MainNav me={person} />
              <UserMenu me={person} />
            </>
          ) : null}
        </div>
      </header>
      <main id="contenu" tabIndex={-1} className="site-main">
        {/* A new page per address: each page moves focus to its own heading. */}
        <Fragment key={location.pathname}>
          <Suspense fallback={<Loading label="Chargement de la page…" />}>{content}</Suspense>
        </Fragment>
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>Maillage — la plateforme des Conseils Locaux de Santé Mentale. Logiciel libre (AGPL-3.0).</p>
        </div>
      </footer>
    </>
  );
}
