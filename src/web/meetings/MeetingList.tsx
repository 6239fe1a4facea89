import { useState } from "react";
import { Link } from "react-router";
import type { MeetingListItem } from "../../contracts/meetings";
import { messageOf } from "../lib/api";
import { formatNumber, plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Pagination } from "../ui/Pagination";
import { useMeetings } from "./api";
import { capitalise, formatShortDate, formatTime } from "./dates";
import { meetingState, placeText } from "./labels";

const PAGE_SIZE = 20;

/** The list view: the meetings to come (soonest first), then the past ones (latest first), each paginated. */
export function MeetingList({
  clsmId,
  instanceId,
  canManage,
}: {
  clsmId: string;
  instanceId?: string;
  canManage: boolean;
}) {
  return (
    <div className="stack">
      <MeetingSection
        clsmId={clsmId}
        instanceId={instanceId}
        when="upcoming"
        title="À venir"
        empty="Aucune réunion à venir."
        emptyHelp={
          canManage ? "Programmez la prochaine avec le bouton « Programmer une réunion »." : undefined
        }
      />
      <MeetingSection
        clsmId={clsmId}
        instanceId={instanceId}
        when="past"
        title="Passées"
        empty="Aucune réunion passée."
      />
    </div>
  );
}

function MeetingSection({
  clsmId,
  instanceId,
  when,
  title,
  empty,
  emptyHelp,
}: {
  clsmId: string;
  instanceId?: string;
  when: "upcoming" | "past";
  title: string;
  empty: string;
  emptyHelp?: string;
}) {
  const [offset, setOffset] = useState(0);
  const [lastFilter, setLastFilter] = useState(instanceId);
  if (lastFilter !== instanceId) {
    setLastFilter(instanceId);
    setOffset(0);
  }
  const query = useMeetings(clsmId, {
    when,
    instanceId,
    includeCancelled: true,
    limit: PAGE_SIZE,
    offset,
  });
  const headingId = `reunions-${when}`;
  const items = query.data?.items ?? [];
  const caption = when === "upcoming" ? "Réunions à venir" : "Réunions passées";
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__header">
        <h2 id={headingId}>{title}</h2>
        {query.data ? <p className="muted">{plural(query.data.total, "réunion")}</p> : null}
      </div>
      {query.isPending ? <Loading label="Chargement des réunions…" /> : null}
      {query.isError ? <Alert tone="error">{messageOf(query.error)}</Alert> : null}
      {query.data && items.length === 0 ? (
        <EmptyState title={empty}>{emptyHelp ? <p>{emptyHelp}</p> : null}</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <DataTable caption={caption} captionHidden>
          <thead>
            <tr>
              <th scope="col">Réunion</th>
              <th scope="col">Date</th>
              <th scope="col">Lieu</th>
              <th scope="col" className="num">
                Invité·es
              </th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <MeetingRow key={m.id} clsmId={clsmId} meeting={m} />
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {query.data ? (
        <Pagination
          total={query.data.total}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={setOffset}
          label={caption.toLowerCase()}
        />
      ) : null}
    </section>
  );
}

function MeetingRow({ clsmId, meeting: m }: { clsmId: string; meeting: MeetingListItem }) {
  const state = meetingState(m);
  const cancelled = m.status === "cancelled";
  return (
    <tr className={cancelled ? "meeting-row--cancelled" : undefined}>
      <th scope="row">
        <Link className="cell-title" to={`/clsm/${clsmId}/reunions/${m.id}`}>
          {m.title}
        </Link>
        {m.instance && m.instance.name !== m.title ? (
          <span className="cell-sub">{m.instance.name}</span>
        ) : null}
      </th>
      <td>
        {capitalise(formatShortDate(m.date))}
        <span className="cell-sub">{formatTime(m.time)}</span>
      </td>
      <td>{placeText(m)}</td>
      <td className="num">{formatNumber(m.inviteeCount)}</td>
      <td>
        <Badge tone={state.tone}>{state.label}</Badge>
        {m.hasMinutes ? <span className="cell-sub">Compte rendu rédigé</span> : null}
      </td>
    </tr>
  );
}
