import { Link } from "react-router";
import { pillarLabels, pillars } from "../../contracts/directory";
import { instanceKindLabels } from "../../contracts/governance";
import { useInstances } from "../governance/api";
import { messageOf } from "../lib/api";
import { listFormat, plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { DataTable } from "../ui/DataTable";
import { Loading } from "../ui/Loading";

/** The four pillars in each active instance: a COPIL without carers is flagged here. */
export function InstancePillars({ clsmId }: { clsmId: string }) {
  const instances = useInstances(clsmId);
  const shown = (instances.data?.items ?? []).filter((i) => i.missingPillars !== null);
  return (
    <section className="section" aria-labelledby="piliers-instances">
      <h2 id="piliers-instances">Les piliers dans les instances</h2>
      {instances.isPending ? <Loading label="Chargement des instances…" /> : null}
      {instances.isError ? <Alert tone="error">{messageOf(instances.error)}</Alert> : null}
      {instances.data && shown.length === 0 ? (
        <p className="muted">
          Aucune instance active pour l'instant.{" "}
          <Link to={`/clsm/${clsmId}/instances`}>Voir les instances</Link>
        </p>
      ) : null}
      {shown.length > 0 ? (
        <DataTable caption="Présence des quatre piliers dans chaque instance" captionHidden>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Membres</th>
              {pillars.map((p) => (
                <th scope="col" key={p}>
                  {pillarLabels[p]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => {
              const missing = new Set(i.missingPillars);
              return (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={`/clsm/${clsmId}/instances/${i.id}`}>{i.name}</Link>
                    <span className="cell-sub">{instanceKindLabels[i.kind]}</span>
                    {missing.size > 0 ? (
                      <span className="visually-hidden">
                        {` : ${plural(missing.size, "pilier absent", "piliers absents")} (${listFormat.format(
                          [...missing].map((p) => pillarLabels[p]),
                        )})`}
                      </span>
                    ) : null}
                  </th>
                  <td>{i.memberCount}</td>
                  {pillars.map((p) => (
                    <td key={p}>
                      {missing.has(p) ? (
                        <Badge tone="warning">
                          <span aria-hidden="true">⚠ </span>Absent
                        </Badge>
                      ) : (
                        <Badge tone="success">
                          <span aria-hidden="true">✓ </span>Présent
                        </Badge>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      ) : null}
    </section>
  );
}
