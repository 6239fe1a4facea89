import { lazy, Suspense, useEffect, useId, useState } from "react";
import { Link } from "react-router";
import type { MeetingDetail } from "../../../contracts/meetings";
import type { Decision, MinutesDoc, MinutesView } from "../../../contracts/meetings-minutes";
import { isApiError, messageOf } from "../../lib/api";
import { formatDate, formatDateTime, plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ModalDialog } from "../../ui/Dialog";
import { Form } from "../../ui/Form";
import { Loading } from "../../ui/Loading";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import {
  useAddDecision,
  useDeleteDecision,
  useMinutes,
  useSaveMinutes,
  useShareMinutes,
  useUpdateDecision,
} from "./api";
import { AddFollowUpForm, FollowUpActions, FollowUpState } from "./FollowUpParts";
import { hasText, MinutesDocView } from "./MinutesDocView";
import "./minutes.css";

// The editor (TipTap and ProseMirror) loads only for the coordination, when it writes.
const MinutesEditor = lazy(() => import("./MinutesEditor").then((m) => ({ default: m.MinutesEditor })));

interface Notice {
  tone: "success" | "error";
  text: string;
}

/**
 * A meeting's minutes, its decisions and its actions to follow. The coordination writes them (rich text with a
 * toolbar) and shares them with the members; members read them once shared.
 */
export function MinutesSection({ clsmId, meeting }: { clsmId: string; meeting: MeetingDetail }) {
  return (
    <section className="section minutes" aria-labelledby="compte-rendu">
      <div className="section__header">
        <h2 id="compte-rendu">Compte rendu, décisions et actions</h2>
        <p className="section__actions">
          <Link to={`/clsm/${clsmId}/suivi`}>Suivi des actions du CLSM</Link>
          <Link to={`/clsm/${clsmId}/reunions/recherche`}>Rechercher dans les comptes rendus</Link>
        </p>
      </div>
      {meeting.can.readMinutes ? (
        <MinutesBody clsmId={clsmId} meetingId={meeting.id} />
      ) : (
        <p className="muted">
          Le compte rendu de cette réunion n'a pas encore été partagé par la coordination : il sera lisible
          ici, avec ses décisions et ses actions à suivre, une fois partagé.
        </p>
      )}
    </section>
  );
}

function MinutesBody({ clsmId, meetingId }: { clsmId: string; meetingId: string }) {
  const minutes = useMinutes(clsmId, meetingId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const say = (text: string, tone: Notice["tone"] = "success") => setNotice({ tone, text });

  if (minutes.isPending) return <Loading label="Chargement du compte rendu…" />;
  if (minutes.isError)
    return isApiError(minutes.error, 403) ? (
      <p className="muted">{messageOf(minutes.error)}</p>
    ) : (
      <Alert tone="error">{messageOf(minutes.error)}</Alert>
    );
  const view = minutes.data;
  const editable = view.can.edit && view.meeting.status === "scheduled";
  return (
    <div className="stack">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {editable ? (
        <MinutesWriter clsmId={clsmId} view={view} onNotice={say} />
      ) : (
        <MinutesReader view={view} />
      )}
      <Decisions clsmId={clsmId} view={view} editable={editable} onNotice={say} />
      <FollowUps clsmId={clsmId} view={view} editable={editable} onNotice={say} />
    </div>
  );
}

function SharedState({ view }: { view: MinutesView }) {
  return (
    <p className="badges">
      {view.sharedAt ? (
        <Badge tone="success">Partagé avec les membres le {formatDate(view.sharedAt)}</Badge>
      ) : (
        <Badge tone="warning">Brouillon : lu par la coordination seulement</Badge>
      )}
      {view.updatedAt ? (
        <span className="muted">
          Enregistré le {formatDateTime(view.updatedAt)}
          {view.updatedByName ? ` par ${view.updatedByName}` : ""}
        </span>
      ) : null}
    </p>
  );
}

function MinutesReader({ view }: { view: MinutesView }) {
  return (
    <div className="stack">
      {view.can.edit ? <SharedState view={view} /> : null}
      <h3 className="minutes__heading">Compte rendu</h3>
      {view.doc && hasText(view.doc) ? (
        <MinutesDocView doc={view.doc} />
      ) : (
        <p className="muted">Aucun compte rendu rédigé.</p>
      )}
    </div>
  );
}

function MinutesWriter({
  clsmId,
  view,
  onNotice,
}: {
  clsmId: string;
  view: MinutesView;
  onNotice: (text: string, tone?: Notice["tone"]) => void;
}) {
  const labelId = useId();
  const [draft, setDraft] = useState<MinutesDoc | null>(null);
  // The version the editor started from: a newer one saved elsewhere is not silently overwritten.
  const [base, setBase] = useState(view.updatedAt);
  const [editorKey, setEditorKey] = useState(0);
  const save = useSaveMinutes(clsmId, view.meeting.id);
  const share = useShareMinutes(clsmId, view.meeting.id);
  const saveId = useId();
  const dirty = draft !== null;

  // Leaving the page with unsaved text: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const conflict = isApiError(save.error, 409);
  const submit = () => {
    if (!draft) return;
    save.mutate(
      { doc: draft, expectedUpdatedAt: base },
      {
        onSuccess: (saved) => {
          setDraft(null);
          setBase(saved.updatedAt);
          onNotice("Compte rendu enregistré.");
        },
      },
    );
  };

  return (
    <div className="stack">
      <SharedState view={view} />
      <p className="minutes__heading" id={labelId}>
        Texte du compte rendu
      </p>
      <Suspense fallback={<Loading label="Chargement de l'éditeur…" />}>
        <MinutesEditor
          key={editorKey}
          initial={view.doc}
          labelledBy={labelId}
          onChange={setDraft}
          onLeave={() => document.getElementById(saveId)?.focus()}
        />
      </Suspense>
      {save.isError ? (
        <Alert tone="error">
          {messageOf(save.error)}
          {conflict ? (
            <>
              {" "}
              <Button
                size="sm"
                onPress={() => {
                  setDraft(null);
                  setBase(view.updatedAt);
                  setEditorKey((k) => k + 1);
                  save.reset();
                }}
              >
                Recharger la dernière version (vos changements seront perdus)
              </Button>
            </>
          ) : null}
        </Alert>
      ) : null}
      <div className="form__actions">
        <Button id={saveId} variant="primary" isDisabled={!dirty} isPending={save.isPending} onPress={submit}>
          Enregistrer le compte rendu
        </Button>
        <span className="muted" aria-live="polite">
          {dirty ? "Modifications non enregistrées." : view.updatedAt ? "Tout est enregistré." : ""}
        </span>
        {view.sharedAt ? (
          <Button
            variant="secondary"
            isPending={share.isPending}
            onPress={() =>
              share.mutate(false, {
                onSuccess: () =>
                  onNotice("Le compte rendu n'est plus partagé : seule la coordination le lit."),
                onError: (e) => onNotice(messageOf(e), "error"),
              })
            }
          >
            Ne plus partager
          </Button>
        ) : (
          <Button
            variant="secondary"
            isDisabled={dirty}
            isPending={share.isPending}
            onPress={() =>
              share.mutate(true, {
                onSuccess: () =>
                  onNotice(
                    "Compte rendu partagé : les membres du CLSM le lisent, avec ses décisions et actions.",
                  ),
                onError: (e) => onNotice(messageOf(e), "error"),
              })
            }
          >
            Partager avec les membres
          </Button>
        )}
        {dirty && !view.sharedAt ? <span className="muted">Enregistrez avant de partager.</span> : null}
      </div>
    </div>
  );
}

// ─── Decisions ───────────────────────────────────────────────────────────────────────────────────────────

function Decisions({
  clsmId,
  view,
  editable,
  onNotice,
}: {
  clsmId: string;
  view: MinutesView;
  editable: boolean;
  onNotice: (text: string, tone?: Notice["tone"]) => void;
}) {
  const add = useAddDecision(clsmId, view.meeting.id);
  const [text, setText] = useState("");
  const [agendaItemId, setAgendaItemId] = useState("");
  return (
    <div className="stack">
      <h3 className="minutes__heading" id="decisions">
        Décisions{view.decisions.length ? ` (${view.decisions.length})` : ""}
      </h3>
      {view.decisions.length === 0 ? (
        <p className="muted">Aucune décision notée.</p>
      ) : (
        <ol className="minutes-list" aria-labelledby="decisions">
          {view.decisions.map((d) => (
            <li key={d.id} className="minutes-list__item">
              <div className="minutes-list__main">
                <p className="pre-line">{d.text}</p>
                {d.agendaItem ? (
                  <p className="muted">Point de l'ordre du jour : {d.agendaItem.title}</p>
                ) : null}
              </div>
              {editable ? (
                <DecisionActions clsmId={clsmId} view={view} decision={d} onNotice={onNotice} />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {editable ? (
        <details className="minutes-add">
          <summary>Ajouter une décision</summary>
          <Form
            error={add.error}
            isPending={add.isPending}
            onSubmit={(event) => {
              event.preventDefault();
              add.mutate(
                { text: text.trim(), ...(agendaItemId ? { agendaItemId } : {}) },
                {
                  onSuccess: () => {
                    setText("");
                    setAgendaItemId("");
                    onNotice("Décision ajoutée.");
                  },
                },
              );
            }}
          >
            <TextField label="Décision" name="text" multiline isRequired value={text} onChange={setText} />
            <AgendaSelect view={view} value={agendaItemId} onChange={setAgendaItemId} />
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={add.isPending}>
                Ajouter la décision
              </Button>
            </div>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

function AgendaSelect({
  view,
  value,
  onChange,
}: {
  view: MinutesView;
  value: string;
  onChange: (id: string) => void;
}) {
  if (view.agenda.length === 0) return null;
  return (
    <SelectField
      label="Point de l'ordre du jour"
      name="agendaItemId"
      options={[
        { id: "", label: "Aucun en particulier" },
        ...view.agenda.map((a) => ({ id: a.id, label: a.title })),
      ]}
      selectedKey={value}
      onSelectionChange={(key) => onChange(String(key ?? ""))}
    />
  );
}

function DecisionActions({
  clsmId,
  view,
  decision,
  onNotice,
}: {
  clsmId: string;
  view: MinutesView;
  decision: Decision;
  onNotice: (text: string, tone?: Notice["tone"]) => void;
}) {
  const update = useUpdateDecision(clsmId, view.meeting.id);
  const remove = useDeleteDecision(clsmId, view.meeting.id);
  const [open, setOpen] = useState<"edit" | "remove" | null>(null);
  const [text, setText] = useState(decision.text);
  const [agendaItemId, setAgendaItemId] = useState(decision.agendaItem?.id ?? "");
  const short = decision.text.length > 60 ? `${decision.text.slice(0, 59)}…` : decision.text;
  return (
    <div className="row-actions">
      <Button
        size="sm"
        variant="quiet"
        aria-label={`Modifier la décision : ${short}`}
        onPress={() => {
          setText(decision.text);
          setAgendaItemId(decision.agendaItem?.id ?? "");
          setOpen("edit");
        }}
      >
        Modifier
      </Button>
      <Button
        size="sm"
        variant="quiet"
        aria-label={`Supprimer la décision : ${short}`}
        onPress={() => setOpen("remove")}
      >
        Supprimer
      </Button>
      <ModalDialog
        title="Modifier la décision"
        isOpen={open === "edit"}
        onOpenChange={(o) => setOpen(o ? "edit" : null)}
      >
        {(close) => (
          <Form
            error={update.error}
            isPending={update.isPending}
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate(
                { id: decision.id, text: text.trim(), agendaItemId: agendaItemId || null },
                {
                  onSuccess: () => {
                    close();
                    onNotice("Décision modifiée.");
                  },
                },
              );
            }}
          >
            <TextField label="Décision" name="text" multiline isRequired value={text} onChange={setText} />
            <AgendaSelect view={view} value={agendaItemId} onChange={setAgendaItemId} />
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={update.isPending}>
                Enregistrer
              </Button>
              <Button variant="quiet" onPress={close}>
                Annuler
              </Button>
            </div>
          </Form>
        )}
      </ModalDialog>
      <ConfirmDialog
        title="Supprimer la décision ?"
        isOpen={open === "remove"}
        onOpenChange={(o) => setOpen(o ? "remove" : null)}
        confirmLabel="Supprimer"
        cancelVariant="quiet"
        autoFocusCancel={false}
        isPending={remove.isPending}
        onConfirm={(close) =>
          remove.mutate(decision.id, {
            onSuccess: () => {
              close();
              onNotice("Décision supprimée.");
            },
            onError: (e) => onNotice(messageOf(e), "error"),
          })
        }
      >
        <p>La décision « {short} » sera supprimée ; les actions qui s'y rattachent restent.</p>
      </ConfirmDialog>
    </div>
  );
}

// ─── Follow-ups ──────────────────────────────────────────────────────────────────────────────────────────

function FollowUps({
  clsmId,
  view,
  editable,
  onNotice,
}: {
  clsmId: string;
  view: MinutesView;
  editable: boolean;
  onNotice: (text: string, tone?: Notice["tone"]) => void;
}) {
  const open = view.followUps.filter((f) => f.status === "open").length;
  const decisionText = new Map(view.decisions.map((d) => [d.id, d.text]));
  return (
    <div className="stack">
      <h3 className="minutes__heading" id="actions-a-suivre">
        Actions à suivre
        {view.followUps.length ? ` (${plural(open, "ouverte")} sur ${view.followUps.length})` : ""}
      </h3>
      {view.followUps.length === 0 ? (
        <p className="muted">Aucune action à suivre.</p>
      ) : (
        <ul className="minutes-list" aria-labelledby="actions-a-suivre">
          {view.followUps.map((f) => (
            <li key={f.id} className={`minutes-list__item follow-up follow-up--${f.status}`}>
              <div className="minutes-list__main">
                <p className="follow-up__description">{f.description}</p>
                <p className="follow-up__meta">
                  <span>{f.assignee ? f.assignee.name : "Personne désignée : aucune"}</span>
                  <FollowUpState item={f} />
                  {f.decisionId && decisionText.has(f.decisionId) ? (
                    <span className="muted">Décision : {decisionText.get(f.decisionId)}</span>
                  ) : null}
                </p>
              </div>
              {view.can.edit ? (
                <FollowUpActions clsmId={clsmId} item={f} decisions={view.decisions} onNotice={onNotice} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <AddFollowUpForm
          clsmId={clsmId}
          meetingId={view.meeting.id}
          decisions={view.decisions}
          onNotice={onNotice}
        />
      ) : null}
    </div>
  );
}
