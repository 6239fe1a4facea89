import { Link, useLocation, useMatch } from "react-router";
import type { Me } from "../../contracts/accounts";

/** Links to the areas a person may open (their own CLSMs are in the switcher). */
export function MainNav({ me }: { me: Me }) {
  const { pathname } = useLocation();
  const isAdmin = me.can.createClsm || me.can.manageUsers || me.can.readOutbox;
  const adminHome = me.can.createClsm
    ? "/admin/clsm"
    : me.can.manageUsers
      ? "/admin/personnes"
      : "/admin/courriels";
  const clsmMatch = useMatch("/clsm/:clsmId/*");
  const clsmId = clsmMatch?.params.clsmId;
  if (!me.can.browseClsms && !isAdmin && !clsmId) return null;
  const directory = clsmId ? `/clsm/${clsmId}/annuaire` : null;
  const instances = clsmId ? `/clsm/${clsmId}/instances` : null;
  const meetings = clsmId ? `/clsm/${clsmId}/reunions` : null;
  const followUps = clsmId ? `/clsm/${clsmId}/suivi` : null;
  const diagnostic = clsmId ? `/clsm/${clsmId}/diagnostic` : null;

  const current = (active: boolean, exact: boolean) =>
    active
      ? { "aria-current": exact ? ("page" as const) : ("true" as const), className: "main-nav__link active" }
      : { className: "main-nav__link" };

  return (
    <nav className="main-nav" aria-label="Navigation principale">
      <ul className="main-nav__list">
        {directory ? (
          <li>
            <Link to={directory} {...current(pathname.startsWith(directory), pathname === directory)}>
              Annuaire
            </Link>
          </li>
        ) : null}
        {instances ? (
          <li>
            <Link to={instances} {...current(pathname.startsWith(instances), pathname === instances)}>
              Instances
            </Link>
          </li>
        ) : null}
        {meetings ? (
          <li>
            <Link to={meetings} {...current(pathname.startsWith(meetings), pathname === meetings)}>
              Réunions
            </Link>
          </li>
        ) : null}
        {followUps ? (
          <li>
            <Link to={followUps} {...current(pathname.startsWith(followUps), pathname === followUps)}>
              Suivi
            </Link>
          </li>
        ) : null}
        {diagnostic ? (
          <li>
            <Link to={diagnostic} {...current(pathname.startsWith(diagnostic), pathname === diagnostic)}>
              Diagnostic
            </Link>
          </li>
        ) : null}
        {me.can.browseClsms ? (
          <li>
            <Link to="/clsm" {...current(pathname === "/clsm", true)}>
              Tous les CLSM
            </Link>
          </li>
        ) : null}
        {isAdmin ? (
          <li>
            <Link to={adminHome} {...current(pathname.startsWith("/admin"), pathname === adminHome)}>
              Administration
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
