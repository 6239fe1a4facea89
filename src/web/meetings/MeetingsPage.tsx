import { type ReactNode, useState } from "react";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import type { MeetingDetail } from "../../contracts/meetings";
import { NotFoundPage } from "../app/NotFoundPage";
import { useInstances } from "../governance/api";
import { isApiError } from "../lib/api";
import { parisToday } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Page } from "../ui/Page";
import { SelectField } from "../ui/SelectField";
import { useClsm } from "../workspaces/api";
import { useMeetings } from "./api";
import { CalendarFeedCard } from "./convocations/CalendarFeedCard";
import { formatLongDate, formatTime, isMonth, monthOf } from "./dates";
import { MeetingList } from "./MeetingList";
import { MonthCalendar, monthRange } from "./MonthCalendar";
import { ScheduleMeetingDialog } from "./ScheduleMeetingDialog";
import { YearlyCheckCard } from "./YearlyCheckCard";

const ALL = "toutes";
type View = "calendrier" | "liste";

/**
 * The meetings of a CLSM: a month calendar or a list (to come, past), filtered by instance, with the year's
 * record; coordinators schedule meetings from here. The view, the month and the filter live in the address
 * (`?vue=liste&mois=2026-12&instance=…`), so the back button returns to the same month.
 */
export function MeetingsPage() {
  const { clsmId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const view: View = params.get("vue") === "liste" ? "liste" : "calendrier";
  const monthParam = params.get("mois");
  const month = isMonth(monthParam) ? monthParam : monthOf(parisToday());
  const instanceParam = params.get("instance");
  const clsm = useClsm(clsmId);
  const instances = useInstances(clsmId);
  const initialNotice = (useLocation().state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState<ReactNode>(initialNotice ?? null);

  const instanceItems = instances.data?.items ?? [];
  const instanceId =
    instanceParam && instanceItems.some((i) => i.id === instanceParam) ? instanceParam : undefined;
  const calendar = useMeetings(
    clsmId,
    { ...monthRange(month), instanceId, includeCancelled: true, limit: 500 },
    { enabled: view === "calendrier" },
  );
  // Whether the reader may schedule: the answer of any meetings list says so.
  const probe = useMeetings(clsmId, { limit: 1 }, { enabled: view === "liste" });
  const canManage = (view === "calendrier" ? calendar.data : probe.data)?.can.manage ?? false;

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  if (
    (clsm.isError && (isApiError(clsm.error, 404) || isApiError(clsm.error, 400))) ||
    (calendar.isError && (isApiError(calendar.error, 404) || isApiError(calendar.error, 400)))
  )
    return <NotFoundPage title="CLSM introuvable" />;

  const onScheduled = (m: MeetingDetail, count: number) => {
    const when = `le ${formatLongDate(m.date)} à ${formatTime(m.time)}`;
    setNotice(
      <>
        {count > 1
          ? `Les ${count} réunions « ${m.title} » sont programmées ; la première ${when}.`
          : `La réunion « ${m.title} » est programmée ${when}.`}{" "}
        <Link to={`/clsm/${clsmId}/reunions/${m.id}`}>Ouvrir la réunion</Link>
      </>,
    );
    update({ vue: null, mois: monthOf(m.date) });
  };

  const instanceOptions = [
    { id: ALL, label: "Toutes les instances" },
    ...instanceItems.map((i) => ({ id: i.id, label: i.name })),
  ];

  return (
    <Page
      title="Réunions"
      eyebrow={clsm.data?.name}
      busy={calendar.isPending && view === "calendrier"}
      lead={<p>Les réunions du COPIL, des groupes de travail, de la plénière et des autres instances.</p>}
      actions={
        canManage ? (
          <ScheduleMeetingDialog
            clsmId={clsmId}
            defaults={{ instanceId }}
            onScheduled={(m, count) => onScheduled(m, count)}
          />
        ) : null
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <YearlyCheckCard clsmId={clsmId} />
      <div className="toolbar">
        <SelectField
          label="Instance"
          name="instance"
          options={instanceOptions}
          selectedKey={instanceId ?? ALL}
          onSelectionChange={(k) => update({ instance: k === ALL || k === null ? null : String(k) })}
        />
      </div>
      <Tabs
        className="tabs"
        selectedKey={view}
        onSelectionChange={(k) => update({ vue: k === "liste" ? "liste" : null })}
      >
        <TabList className="tabs__list" aria-label="Affichage des réunions">
          <Tab id="calendrier" className="tabs__tab">
            Calendrier
          </Tab>
          <Tab id="liste" className="tabs__tab">
            Liste
          </Tab>
        </TabList>
        <TabPanel id="calendrier" className="tabs__panel">
          <MonthCalendar
            clsmId={clsmId}
            month={month}
            onMonthChange={(m) => update({ mois: m === monthOf(parisToday()) ? null : m })}
            meetings={calendar.data?.items}
            isPending={calendar.isFetching}
            error={calendar.error}
          />
        </TabPanel>
        <TabPanel id="liste" className="tabs__panel">
          <MeetingList clsmId={clsmId} instanceId={instanceId} canManage={canManage} />
        </TabPanel>
      </Tabs>
      <p>
        <Link to={`/clsm/${clsmId}/suivi`}>Actions à suivre de toutes les réunions</Link> ·{" "}
        <Link to={`/clsm/${clsmId}/reunions/recherche`}>Chercher dans les comptes rendus</Link>
      </p>
      <CalendarFeedCard scope={{ kind: "personal" }} />
    </Page>
  );
}
