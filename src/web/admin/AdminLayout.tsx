import { NavLink, Outlet } from "react-router";
import { useMe } from "../accounts/api";
import { ForbiddenPage } from "../app/ForbiddenPage";

/** The administration area: its own navigation above each page. */
export function AdminLayout() {
  const { data: me } = useMe();
  if (!me) return null;
  const { createClsm, manageUsers, readOutbox } = me.can;
  if (!createClsm && !manageUsers && !readOutbox) return <ForbiddenPage />;
  return (
    <div className="admin">
      <nav className="subnav" aria-label="Administration">
        <ul className="subnav__list">
          {createClsm ? (
            <li>
              <NavLink to="/admin/clsm" className="subnav__link">
                CLSM
              </NavLink>
            </li>
          ) : null}
          {manageUsers ? (
            <li>
              <NavLink to="/admin/personnes" className="subnav__link">
                Personnes
              </NavLink>
            </li>
          ) : null}
          {readOutbox ? (
            <li>
              <NavLink to="/admin/courriels" className="subnav__link">
                Courriels
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
