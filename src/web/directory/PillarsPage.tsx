import { Link, useParams } from "react-router";
import type { PillarStatus } from "../../contracts/directory";
import { messageOf } from "../lib/api";
import { plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { usePillars } from "./api";
import { useClsmName } from "./DirectoryLayout";
import { InstancePillars } from "./InstancePillars";

export function PillarsPage() {
  const { clsmId = "" } = useParams();
  const pillars = usePillars(clsmId);
  const clsmName = useClsmName(clsmId);
  return (
    <Page
      title="Les quatre piliers"
      eyebrow={clsmName}
      busy={pillars.isPending}
      lead={<p>Élus, psychiatrie publique, personnes concernées et aidants : qui représente chacun.</p>}
    >
      {pillars.isPending ? <Loading label="Chargement des piliers…" /> : null}
      {pillars.isError ? <Alert tone="error">{messageOf(pillars.error)}</Alert> : null}
      {pillars.data ? (
        <>
          {pillars.data.complete ? (
            <Alert tone="success">Les quatre piliers sont représentés.</Alert>
          ) : (
            <Alert tone="warning" title="Pilier manquant">
              {pillars.data.pillars
                .filter((p) => !p.present)
                .map((p) => p.warning ?? `Personne ne représente le pilier « ${p.label} ».`)
                .join(" ")}
            </Alert>
          )}
          <ul className="pillar-grid">
            {pillars.data.pillars.map((p) => (
              <li key={p.pillar}>
                <PillarCard clsmId={clsmId} status={p} />
              </li>
            ))}
          </ul>
          <InstancePillars clsmId={clsmId} />
        </>
      ) : null}
    </Page>
  );
}

function PillarCard({ clsmId, status: p }: { clsmId: string; status: PillarStatus }) {
  const headingId = `pilier-${p.pillar}`;
  return (
    <section
      className={`card pillar-card${p.present ? "" : " pillar-card--missing"}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="pillar-card__title">
        {p.label}
      </h2>
      <p>
        {p.present ? (
          <Badge tone="success">
            <span aria-hidden="true">✓ </span>Représenté · {plural(p.count, "personne")}
          </Badge>
        ) : (
          <Badge tone="warning">
            <span aria-hidden="true">⚠ </span>Absent
          </Badge>
        )}
      </p>
      {p.people.length > 0 ? (
        <ul className="pillar-card__people">
          {p.people.map((person) => (
            <li key={person.id}>
              <Link to={`/clsm/${clsmId}/annuaire/personnes/${person.id}`}>{person.name}</Link>
              {person.function || person.structureName ? (
                <span className="cell-sub">
                  {[person.function, person.structureName].filter(Boolean).join(" · ")}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{p.warning ?? "Aucune personne ne représente ce pilier."}</p>
      )}
      {p.count > p.people.length ? (
        <p>
          <Link to={`/clsm/${clsmId}/annuaire?pilier=${p.pillar}`}>
            Voir les {plural(p.count, "personne")} de ce pilier
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** The compact card on the CLSM home: each pillar present or missing, with a link to the dashboard. */
export function PillarsSummary({ clsmId }: { clsmId: string }) {
  const pillars = usePillars(clsmId);
  if (pillars.isPending) return <Loading label="Chargement des piliers…" />;
  if (pillars.isError) return <Alert tone="error">{messageOf(pillars.error)}</Alert>;
  const missing = pillars.data.pillars.filter((p) => !p.present);
  return (
    <section className="section" aria-labelledby="piliers">
      <div className="section__header">
        <h2 id="piliers">Les quatre piliers</h2>
        <Link to={`/clsm/${clsmId}/annuaire/piliers`}>Voir le tableau des piliers</Link>
      </div>
      <ul className="pillar-set">
        {pillars.data.pillars.map((p) => (
          <li key={p.pillar}>
            <Badge tone={p.present ? "success" : "warning"}>
              <span aria-hidden="true">{p.present ? "✓ " : "⚠ "}</span>
              {p.label}
              <span className="visually-hidden">{p.present ? " : représenté" : " : absent"}</span>
              {p.present ? ` (${p.count})` : null}
            </Badge>
          </li>
        ))}
      </ul>
      {missing.length > 0 ? (
        <Alert tone="warning" title={missing.length > 1 ? "Piliers manquants" : "Pilier manquant"}>
          {missing.map((p) => p.warning ?? `Personne ne représente le pilier « ${p.label} ».`).join(" ")}
        </Alert>
      ) : null}
    </section>
  );
}
