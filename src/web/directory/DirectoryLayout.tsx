import { NavLink, Outlet, useLocation, useParams } from "react-router";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError } from "../lib/api";
import { useClsm } from "../workspaces/api";

/** The directory of one CLSM: its own navigation (people, structures, collèges, pillars, imports). */
export function DirectoryLayout() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  const { pathname } = useLocation();
  if (clsm.isError && (isApiError(clsm.error, 404) || isApiError(clsm.error, 400)))
    return <NotFoundPage title="CLSM introuvable" />;
  const base = `/clsm/${clsmId}/annuaire`;
  const links: [string, string, boolean][] = [
    [base, "Personnes", true],
    [`${base}/structures`, "Structures", false],
    [`${base}/colleges`, "Collèges", false],
    [`${base}/piliers`, "Piliers", false],
  ];
  if (clsm.data?.can.manage) links.push([`${base}/imports`, "Imports", false]);
  return (
    <div className="admin">
      <nav className="subnav" aria-label="Annuaire">
        <ul className="subnav__list">
          {links.map(([to, label, end]) => (
            <li key={to}>
              <NavLink
                to={to}
                end={end}
                className={({ isActive }) =>
                  // A person's page belongs to "Personnes".
                  isActive || (end && pathname.startsWith(`${base}/personnes/`))
                    ? "subnav__link active"
                    : "subnav__link"
                }
              >
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

/** The CLSM's name above each directory page. */
export function useClsmName(clsmId: string): string | undefined {
  return useClsm(clsmId).data?.name;
}
