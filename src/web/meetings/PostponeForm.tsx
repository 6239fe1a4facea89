import { useState } from "react";
import type { AgendaItem, MeetingDetail, MeetingListItem } from "../../contracts/meetings";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Form } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { SelectField } from "../ui/SelectField";
import { useMeetings, usePostponeAgendaItem } from "./api";
import { addDays, formatLongDate, formatShortDate, formatTime } from "./dates";

/**
 * Postpones an agenda item to a later meeting of the CLSM chosen in a list (the next year's scheduled meetings;
 * the same instance's first), where it is added at the end of the agenda.
 */
export function PostponeForm({
  clsmId,
  meeting,
  item,
  onCancel,
  onPostponed,
}: {
  clsmId: string;
  meeting: MeetingDetail;
  item: AgendaItem;
  onCancel: () => void;
  onPostponed: (target: MeetingListItem) => void;
}) {
  const postpone = usePostponeAgendaItem(clsmId, meeting.id);
  // The meetings list covers about a year at most.
  const list = useMeetings(clsmId, { from: meeting.date, to: addDays(meeting.date, 364), limit: 200 });
  const later = (list.data?.items ?? []).filter(
    (m) => m.id !== meeting.id && m.status === "scheduled" && m.startsAt > meeting.startsAt,
  );
  const sameInstance = later.find((m) => meeting.instance && m.instance?.id === meeting.instance.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const targetId = chosen ?? sameInstance?.id ?? later[0]?.id ?? null;
  const target = later.find((m) => m.id === targetId);

  if (list.isPending) return <Loading label="Chargement des réunions à venir…" />;
  if (later.length === 0)
    return (
      <div className="stack">
        <Alert tone="info">
          Aucune réunion n'est programmée dans l'année qui suit celle-ci : programmez-en une pour y reporter
          ce point.
        </Alert>
        <div className="form__actions">
          <Button onPress={onCancel}>Fermer</Button>
        </div>
      </div>
    );
  return (
    <Form
      error={postpone.error}
      isPending={postpone.isPending}
      requiredNote={false}
      onSubmit={(event) => {
        event.preventDefault();
        if (target)
          postpone.mutate({ id: item.id, toMeetingId: target.id }, { onSuccess: () => onPostponed(target) });
      }}
    >
      <SelectField
        label="Réunion qui reprend le point"
        name="toMeetingId"
        options={later.map((m) => ({
          id: m.id,
          label: `${formatShortDate(m.date)} à ${formatTime(m.time)} — ${m.title}`,
        }))}
        selectedKey={targetId}
        onSelectionChange={(key) => setChosen(key === null ? null : String(key))}
        description="Le point y est ajouté en fin d'ordre du jour ; ici, il reste marqué « Reporté »."
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={postpone.isPending}>
          Reporter
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}

/** « … est reporté à la réunion du mardi 12 janvier 2027 (COPIL) … » */
export const postponedNotice = (title: string, target: MeetingListItem) =>
  `« ${title} » est reporté à la réunion du ${formatLongDate(target.date)} (${target.title}), en fin d'ordre du jour.`;
