import { Navigate } from "react-router";
import { useMe } from "../accounts/api";
import { Page } from "../ui/Page";
import { lastClsm } from "../workspaces/last-clsm";

/** "/" sends each person where they work: their last CLSM, their first one, or the list of all CLSMs. */
export function Landing() {
  const { data: me } = useMe();
  if (!me) return null;
  const remembered = lastClsm(me.id);
  const isMember = (id: string | null) => me.memberships.some((m) => m.clsmId === id);
  if (remembered && (isMember(remembered) || me.can.browseClsms)) {
    return <Navigate to={`/clsm/${remembered}`} replace />;
  }
  const first = me.memberships[0];
  if (first) return <Navigate to={`/clsm/${first.clsmId}`} replace />;
  if (me.can.browseClsms) return <Navigate to="/clsm" replace />;
  if (me.can.createClsm) return <Navigate to="/admin/clsm" replace />;
  return (
    <Page title={`Bienvenue, ${me.name}`} width="narrow">
      <p>Vous n'êtes membre d'aucun CLSM pour le moment.</p>
      <p>
        Quand la coordination d'un CLSM vous y ajoutera, il apparaîtra ici. En attendant, vous pouvez
        contacter la coordination de votre territoire.
      </p>
    </Page>
  );
}
