import { Link, useLocation } from "react-router";
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
  if (!me.can.browseClsms && !isAdmin) return null;

  const current = (active: boolean, exact: boolean) =>
    active
      ? { "aria-current": exact ? ("page" as const) : ("true" as const), className: "main-nav__link active" }
      : { className: "main-nav__link" };

  return (
    <nav className="main-nav" aria-label="Navigation principale">
      <ul className="main-nav__list">
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
