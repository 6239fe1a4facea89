import { Navigate, Outlet, useLocation } from "react-router";
import type { Me } from "../../contracts/accounts";
import { useMe } from "../accounts/api";
import { ForbiddenPage } from "./ForbiddenPage";

/** Pages for signed-in people: anyone else goes to the sign-in page, and comes back after. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.data === null) {
    const back = `${location.pathname}${location.search}`;
    const to = back === "/" ? "/connexion" : `/connexion?retour=${encodeURIComponent(back)}`;
    return <Navigate to={to} replace />;
  }
  return <Outlet />;
}

/** Pages behind a platform capability (the API checks it too; this only avoids a dead end). */
export function RequireCapability({ capability }: { capability: keyof Me["can"] }) {
  const me = useMe();
  if (!me.data?.can[capability]) return <ForbiddenPage />;
  return <Outlet />;
}
