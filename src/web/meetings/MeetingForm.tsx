import { useId, useState } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import type { CreateMeetingBody, MeetingDetail, UpdateMeetingBody } from "../../contracts/meetings";
import { recurrenceFrequencyLabels } from "../../contracts/meetings";
import { occurrences, type Recurrence as RecurrenceInput } from "../../contracts/recurrence";
import { useInstances } from "../governance/api";
import { ApiError } from "../lib/api";
import { plural } from "../lib/format";
import { Button } from "../ui/Button";
import { Form } from "../ui/Form";
import { NumberField } from "../ui/NumberField";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useInstanceMembers } from "./api";
import { formatLongDate, formatShortDate, weekdayRank } from "./dates";
import { type ChosenGuest, GuestPicker, guestInputs } from "./GuestPicker";

const NONE = "aucune";
const ONCE = "once";

const reminderOptions = [
  { id: NONE, label: "Aucun rappel" },
  { id: "0", label: "Le jour même" },
  { id: "1", label: "La veille" },
  { id: "2", label: "2 jours avant" },
  { id: "3", label: "3 jours avant" },
  { id: "7", label: "Une semaine avant" },
  { id: "14", label: "Deux semaines avant" },
];

const frequencyOptions = [
  { id: ONCE, label: "Une seule fois" },
  { id: "weekly", label: "Toutes les semaines (ou toutes les N semaines)" },
  { id: "monthly_day", label: "Tous les mois, le même jour du mois" },
  { id: "monthly_weekday", label: "Tous les mois, le même jour de la semaine (ex. 2e mardi)" },
];

/** The server's message about the guests (e.g. a person no longer in the directory), to show by the picker. */
function guestsError(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const key = Object.keys(error.fields).find((k) => k === "guests" || k.startsWith("guests."));
  return key ? error.fields[key] : undefined;
}

/** « la suivante », « les 3 suivantes »: the later meetings of a series. */
export const theFollowing = (n: number) => (n === 1 ? "la suivante" : `les ${n} suivantes`);

export interface MeetingFormDefaults {
  instanceId?: string;
  date?: string;
}

/**
 * Schedules a meeting (instance, title, when, where, reminder, other guests, repetition) or, given `meeting`,
 * edits one (no instance, guests or repetition then: the invitees are managed on the meeting's page).
 */
export function MeetingForm({
  clsmId,
  meeting,
  defaults,
  error,
  isPending,
  onCreate,
  onUpdate,
  onCancel,
  submitLabel,
}: {
  clsmId: string;
  meeting?: MeetingDetail;
  defaults?: MeetingFormDefaults;
  error: unknown;
  isPending: boolean;
  onCreate?: (body: CreateMeetingBody) => void;
  onUpdate?: (body: UpdateMeetingBody) => void;
  onCancel: () => void;
  submitLabel: string;
}) {
  const editing = meeting !== undefined;
  const formId = useId();
  const instances = useInstances(clsmId);
  const [instanceId, setInstanceId] = useState(defaults?.instanceId ?? NONE);
  const instanceItems = instances.data?.items ?? [];
  const instanceOf = (id: string) => instanceItems.find((i) => i.id === id);
  const [title, setTitle] = useState(
    meeting?.title ?? (defaults?.instanceId ? (instanceOf(defaults.instanceId)?.name ?? "") : ""),
  );
  // The title follows the instance until the coordinator writes their own.
  const [titleEdited, setTitleEdited] = useState(editing);
  const [description, setDescription] = useState(meeting?.description ?? "");
  const [date, setDate] = useState(meeting?.date ?? defaults?.date ?? "");
  const [time, setTime] = useState(meeting?.time ?? "");
  const [duration, setDuration] = useState(meeting?.durationMinutes ?? 120);
  const [placeName, setPlaceName] = useState(meeting?.placeName ?? "");
  const [address, setAddress] = useState(meeting?.address ?? "");
  const [videoUrl, setVideoUrl] = useState(meeting?.videoUrl ?? "");
  const [reminder, setReminder] = useState(
    meeting ? (meeting.reminderDaysBefore === null ? NONE : String(meeting.reminderDaysBefore)) : "2",
  );
  const [guests, setGuests] = useState<ChosenGuest[]>([]);
  const [frequency, setFrequency] = useState(ONCE);
  const [interval, setInterval] = useState(1);
  const [count, setCount] = useState(6);
  // In a series, a change can go to this meeting only or to it and the following ones (each keeps its day).
  const following = meeting?.seriesFollowing ?? 0;
  const [applyTo, setApplyTo] = useState<"this" | "following">("this");
  const toSeries = editing && applyTo === "following";

  // The instance's members, to mark them in the guest search (they are invited anyway).
  const chosenInstance = instanceId === NONE ? undefined : instanceOf(instanceId);
  const members = useInstanceMembers(clsmId, chosenInstance?.id);

  // The title was prefilled before the instances loaded: fill it now.
  if (!titleEdited && title === "" && chosenInstance) setTitle(chosenInstance.name);

  const instanceOptions = [
    { id: NONE, label: "Aucune (réunion hors instance)" },
    ...instanceItems.map((i) => ({ id: i.id, label: i.name })),
  ];
  const instanceHelp = !chosenInstance
    ? "Seules les personnes ajoutées ci-dessous seront invitées."
    : chosenInstance.memberCount === null
      ? "Ses membres actuels seront invités."
      : chosenInstance.memberCount === 0
        ? "Cette instance n'a pas encore de membre : seules les personnes ajoutées ci-dessous seront invitées."
        : `Ses ${plural(chosenInstance.memberCount, "membre actuel", "membres actuels")} seront invités.`;

  const recurrence: RecurrenceInput | null =
    frequency === ONCE ? null : { frequency: frequency as RecurrenceInput["frequency"], interval, count };
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const series =
    recurrence && validDate && count >= 2 && count <= 24 && interval >= 1 && interval <= 12
      ? occurrences(date, recurrence)
      : [];
  const unit = frequency === "weekly" ? "semaine(s)" : "mois";

  const submit = () => {
    const common = {
      title: title.trim(),
      description: description.trim(),
      date,
      time,
      durationMinutes: duration,
      placeName: placeName.trim(),
      address: address.trim(),
      videoUrl: videoUrl.trim(),
      reminderDaysBefore: reminder === NONE ? null : Number(reminder),
    };
    if (meeting) onUpdate?.(changesTo(meeting, common, applyTo));
    else
      onCreate?.({
        ...common,
        instanceId: chosenInstance ? chosenInstance.id : null,
        guests: guestInputs(guests),
        recurrence: recurrence ?? undefined,
      });
  };

  return (
    <div className="stack">
      <Form
        id={formId}
        error={error}
        isPending={isPending}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {editing ? null : (
          <SelectField
            label="Instance qui se réunit"
            name="instanceId"
            options={instanceOptions}
            selectedKey={instanceId}
            onSelectionChange={(k) => {
              const next = String(k ?? NONE);
              setInstanceId(next);
              const name = next === NONE ? "" : (instanceOf(next)?.name ?? "");
              if (!titleEdited) setTitle(name);
            }}
            description={instanceHelp}
          />
        )}
        <TextField
          label="Titre"
          name="title"
          isRequired
          value={title}
          onChange={(v) => {
            setTitle(v);
            setTitleEdited(true);
          }}
          description={editing ? undefined : "Le nom de l'instance, par défaut."}
        />
        {editing && following > 0 ? (
          <RadioGroup
            className="radio-group"
            name="applyTo"
            value={applyTo}
            onChange={(v) => {
              setApplyTo(v as "this" | "following");
              // Each meeting of the series keeps its day: a day typed before goes back to this meeting's.
              if (v === "following" && meeting) setDate(meeting.date);
            }}
          >
            <Label className="field__label">Cette réunion fait partie d'une série</Label>
            <div className="radio-group__options">
              <Radio value="this" className="radio">
                Modifier cette réunion seulement
              </Radio>
              <Radio value="following" className="radio">
                Modifier cette réunion et {theFollowing(following)} de la série
              </Radio>
            </div>
          </RadioGroup>
        ) : null}
        <div className="form__row">
          <TextField
            label="Date"
            name="date"
            type="date"
            isRequired
            isDisabled={toSeries}
            value={date}
            onChange={setDate}
            description={toSeries ? "Chaque réunion de la série garde son jour." : undefined}
          />
          <TextField
            label="Heure de début"
            name="time"
            type="time"
            isRequired
            value={time}
            onChange={setTime}
          />
          <NumberField
            label="Durée (en minutes)"
            name="durationMinutes"
            isRequired
            minValue={5}
            maxValue={24 * 60}
            value={duration}
            onChange={(v) => setDuration(Number.isNaN(v) ? 120 : v)}
          />
        </div>
        <div className="form__row">
          <TextField
            label="Lieu"
            name="placeName"
            value={placeName}
            onChange={setPlaceName}
            description="Par exemple « Mairie, salle du conseil »."
          />
          <TextField label="Adresse" name="address" value={address} onChange={setAddress} />
        </div>
        <TextField
          label="Lien de visioconférence"
          name="videoUrl"
          value={videoUrl}
          onChange={setVideoUrl}
          description="Facultatif ; il commence par https://"
        />
        <SelectField
          label="Rappel aux invité·es"
          name="reminderDaysBefore"
          options={reminderOptions}
          selectedKey={reminder}
          onSelectionChange={(k) => setReminder(String(k ?? NONE))}
          description="Un courriel de rappel, en plus de la convocation."
        />
        <TextField
          label="Description"
          name="description"
          multiline
          value={description}
          onChange={setDescription}
          description="Facultative : l'objet de la réunion, ce qu'il faut préparer."
        />
        {editing ? null : (
          <fieldset className="fieldset">
            <legend>Répétition</legend>
            <SelectField
              label="Se répète"
              name="recurrence.frequency"
              options={frequencyOptions}
              selectedKey={frequency}
              onSelectionChange={(k) => setFrequency(String(k ?? ONCE))}
              description={
                frequency === "monthly_weekday" && validDate
                  ? `Chaque fois ${weekdayRank(date)}.`
                  : frequency !== ONCE
                    ? recurrenceFrequencyLabels[frequency as RecurrenceInput["frequency"]]
                    : undefined
              }
            />
            {frequency === ONCE ? null : (
              <>
                <div className="form__row">
                  <NumberField
                    label={`Intervalle (en ${unit})`}
                    name="recurrence.interval"
                    isRequired
                    minValue={1}
                    maxValue={12}
                    value={interval}
                    onChange={(v) => setInterval(Number.isNaN(v) ? 1 : v)}
                    description={
                      frequency === "weekly"
                        ? "1 : chaque semaine ; 2 : une semaine sur deux."
                        : "1 : chaque mois ; 3 : chaque trimestre."
                    }
                  />
                  <NumberField
                    label="Nombre de réunions en tout"
                    name="recurrence.count"
                    isRequired
                    minValue={2}
                    maxValue={24}
                    value={count}
                    onChange={(v) => setCount(Number.isNaN(v) ? 2 : v)}
                    description="Celle-ci comprise, de 2 à 24."
                  />
                </div>
                {series.length > 0 ? (
                  <div className="series-preview">
                    <p className="series-preview__title">
                      {plural(series.length, "réunion", "réunions")}, du {formatLongDate(series[0] ?? date)}{" "}
                      au {formatLongDate(series[series.length - 1] ?? date)} :
                    </p>
                    <ul className="series-preview__list">
                      {series.map((d) => (
                        <li key={d}>{formatShortDate(d)}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </>
            )}
          </fieldset>
        )}
      </Form>
      {editing ? null : (
        <fieldset className="fieldset">
          <legend>Autres invité·es</legend>
          <p className="field__description">
            {chosenInstance
              ? "Les membres de l'instance sont invités d'office. Ajoutez d'autres personnes de l'annuaire ou de l'extérieur."
              : "Ajoutez des personnes de l'annuaire ou de l'extérieur."}
          </p>
          <GuestPicker
            clsmId={clsmId}
            chosen={guests}
            onChange={setGuests}
            invited={members}
            invitedLabel="membre de l'instance"
            error={guestsError(error)}
          />
        </fieldset>
      )}
      <div className="form__actions">
        <Button type="submit" form={formId} variant="primary" isPending={isPending}>
          {submitLabel}
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </div>
  );
}

type MeetingChanges = Omit<UpdateMeetingBody, "applyTo">;

/**
 * Only what the form changed, so that a change sent to a whole series does not copy this meeting's other fields
 * (its own description, say) onto the others; the day never goes to a series.
 */
function changesTo(
  meeting: MeetingDetail,
  form: Required<Pick<MeetingChanges, "title" | "date" | "time" | "durationMinutes">> & MeetingChanges,
  applyTo: "this" | "following",
): UpdateMeetingBody {
  const was: MeetingChanges = {
    title: meeting.title,
    description: meeting.description ?? "",
    date: meeting.date,
    time: meeting.time,
    durationMinutes: meeting.durationMinutes,
    placeName: meeting.placeName ?? "",
    address: meeting.address ?? "",
    videoUrl: meeting.videoUrl ?? "",
    reminderDaysBefore: meeting.reminderDaysBefore,
  };
  const changed = Object.fromEntries(
    Object.entries(form).filter(([key, value]) => was[key as keyof MeetingChanges] !== value),
  ) as MeetingChanges;
  if (applyTo === "this") return changed;
  const { date: _day, ...rest } = changed;
  return { ...rest, applyTo };
}
