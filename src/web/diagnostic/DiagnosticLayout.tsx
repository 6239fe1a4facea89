import { NavLink, Outlet, useParams } from "react-router";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError } from "../lib/api";
import { useClsm } from "../workspaces/api";

/** The shared diagnostic of one CLSM: its own navigation (summary, surveys, needs and resources, figures…). */
export function DiagnosticLayout() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  if (clsm.isError && (isApiError(clsm.error, 404) || isApiError(clsm.error, 400)))
    return <NotFoundPage title="CLSM introuvable" />;
  const base = `/clsm/${clsmId}/diagnostic`;
  const links: [string, string, boolean][] = [
    [base, "Synthèse", true],
    [`${base}/enquetes`, "Enquêtes", false],
    [`${base}/besoins`, "Besoins et ressources", false],
    [`${base}/chiffres`, "Chiffres du territoire", false],
    [`${base}/priorites`, "Priorités", false],
    [`${base}/avis`, "Avis", false],
  ];
  return (
    <div className="admin">
      <nav className="subnav" aria-label="Diagnostic">
        <ul className="subnav__list">
          {links.map(([to, label, end]) => (
            <li key={to}>
              <NavLink
                to={to}
                end={end}
                className={({ isActive }) => (isActive ? "subnav__link active" : "subnav__link")}
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
