import { useState } from "react";
import { Label, Radio, RadioGroup, Text } from "react-aria-components";
import type { Pillar } from "../../contracts/directory";
import {
  type Attendance,
  attendanceLabels,
  attendances,
  type Invitee,
  type MeetingDetail,
} from "../../contracts/meetings";
import { PillarChecklist } from "../governance/PillarChecklist";
import { plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Form } from "../ui/Form";
import { TextField } from "../ui/TextField";
import { useTakeAttendance } from "./api";

interface Entry {
  attendance: Attendance | null;
  representedBy: string;
}

const entryOf = (i: Invitee): Entry => ({
  attendance: i.attendance,
  representedBy: i.representedBy ?? i.substituteName ?? "",
});

/**
 * The sign-in sheet: for each invitee, présent·e, excusé·e, absent·e or représenté·e (by whom), saved all at
 * once; then the four pillars among those who came and, for a COPIL, the API's warning when usagers or aidants
 * were missing. Made for a phone at the door: one block per person, large choices, one button.
 */
export function AttendanceSection({ clsmId, meeting: m }: { clsmId: string; meeting: MeetingDetail }) {
  const manage = m.can.manage && m.status === "scheduled";
  if (m.status === "cancelled" || m.invitees.length === 0) return null;
  if (!manage && !m.pillarsPresent) return null;
  return (
    <section className="section" aria-labelledby="emargement">
      <h2 id="emargement">Émargement</h2>
      {manage ? <AttendanceForm clsmId={clsmId} meeting={m} /> : <p>{presentSummary(m.invitees)}</p>}
      <PillarsPresent meeting={m} />
    </section>
  );
}

function presentSummary(invitees: Invitee[]): string {
  const came = invitees.filter((i) => i.attendance === "present" || i.attendance === "represente").length;
  return `${plural(came, "personne présente ou représentée", "personnes présentes ou représentées")} sur ${plural(invitees.length, "invité·e", "invité·es")}.`;
}

function AttendanceForm({ clsmId, meeting: m }: { clsmId: string; meeting: MeetingDetail }) {
  const take = useTakeAttendance(clsmId, m.id);
  const [entries, setEntries] = useState<Map<string, Entry>>(() => new Map());
  const [saved, setSaved] = useState<string | null>(null);
  const entry = (i: Invitee) => entries.get(i.id) ?? entryOf(i);
  const set = (i: Invitee, change: Partial<Entry>) => {
    setSaved(null);
    setEntries(new Map(entries).set(i.id, { ...entry(i), ...change }));
  };

  return (
    <Form
      error={take.error}
      isPending={take.isPending}
      requiredNote={false}
      className="attendance"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        take.mutate(
          m.invitees.map((i) => {
            const e = entry(i);
            return {
              inviteeId: i.id,
              attendance: e.attendance,
              representedBy: e.attendance === "represente" ? e.representedBy.trim() : null,
            };
          }),
          {
            onSuccess: (detail) => {
              setEntries(new Map());
              setSaved(`L'émargement est enregistré : ${presentSummary(detail.invitees)}`);
            },
          },
        );
      }}
    >
      <p>
        Pour chaque personne, indiquez si elle est présente, excusée, absente ou représentée, puis enregistrez
        en une fois. Les personnes laissées sans choix restent non renseignées.
      </p>
      <ul className="attendance__list">
        {m.invitees.map((i) => {
          const e = entry(i);
          const detail = [i.function, i.structureName].filter(Boolean).join(" · ");
          return (
            <li key={i.id} className="attendance__person">
              <RadioGroup
                className="radio-group"
                value={e.attendance}
                onChange={(v) => set(i, { attendance: v as Attendance })}
                orientation="horizontal"
              >
                <Label className="attendance__name">{i.name}</Label>
                {detail ? (
                  <Text slot="description" className="field__description">
                    {detail}
                  </Text>
                ) : null}
                <div className="radio-group__options">
                  {attendances.map((a) => (
                    <Radio key={a} value={a} className="radio">
                      {attendanceLabels[a]}
                    </Radio>
                  ))}
                </div>
              </RadioGroup>
              {e.attendance === "represente" ? (
                <TextField
                  label={
                    <>
                      Représenté·e par<span className="visually-hidden"> (pour {i.name})</span>
                    </>
                  }
                  name={`representedBy-${i.id}`}
                  value={e.representedBy}
                  onChange={(v) => set(i, { representedBy: v })}
                  description="Nom de la personne venue à sa place."
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={take.isPending}>
          Enregistrer l'émargement
        </Button>
      </div>
    </Form>
  );
}

function PillarsPresent({ meeting: m }: { meeting: MeetingDetail }) {
  if (!m.pillarsPresent) return null;
  const missing = m.pillarsPresent.filter((p) => !p.present).map((p) => p.pillar as Pillar);
  return (
    <div className="stack">
      <h3>Les quatre piliers parmi les présent·es</h3>
      <PillarChecklist missing={missing} label="Piliers parmi les personnes présentes ou représentées" />
      {m.pillarsWarning ? (
        <Alert tone="warning" title="Piliers absents">
          {m.pillarsWarning}
        </Alert>
      ) : null}
    </div>
  );
}
