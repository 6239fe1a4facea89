import { Link } from "react-router";
import { instanceKindLabels, memberRoleLabels } from "../../contracts/governance";
import { usePersonMemberships } from "../governance/api";
import { messageOf } from "../lib/api";
import { formatDate } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { DataTable } from "../ui/DataTable";
import { Loading } from "../ui/Loading";

/** The instances (COPIL, groupes de travail…) a person of the directory sits or sat in. */
export function PersonInstances({ clsmId, personId }: { clsmId: string; personId: string }) {
  const memberships = usePersonMemberships(clsmId, personId);
  return (
    <section className="section" aria-labelledby="instances">
      <h2 id="instances">Instances</h2>
      {memberships.isPending ? <Loading label="Chargement des instances…" /> : null}
      {memberships.isError ? <Alert tone="error">{messageOf(memberships.error)}</Alert> : null}
      {memberships.data?.items.length === 0 ? (
        <p className="muted">Cette personne ne siège dans aucune instance du CLSM.</p>
      ) : null}
      {memberships.data?.items.length ? (
        <DataTable caption="Participations aux instances" captionHidden>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Rôle</th>
              <th scope="col">Depuis le</th>
              <th scope="col">Jusqu'au</th>
            </tr>
          </thead>
          <tbody>
            {memberships.data.items.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={`/clsm/${clsmId}/instances/${m.instanceId}`}>{m.instanceName}</Link>
                  <span className="cell-sub">{instanceKindLabels[m.kind]}</span>
                </th>
                <td>{memberRoleLabels[m.role]}</td>
                <td>{formatDate(m.startDate)}</td>
                <td>{m.endDate ? formatDate(m.endDate) : <Badge tone="success">En cours</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </section>
  );
}
