import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { AgendaItem, MeetingDetail } from "../../contracts/meetings";
import { messageOf } from "../lib/api";
import { plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { Checkbox } from "../ui/Checkbox";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ModalDialog } from "../ui/Dialog";
import { Form } from "../ui/Form";
import { MenuButton, MenuItem } from "../ui/Menu";
import { NumberField } from "../ui/NumberField";
import { TextField } from "../ui/TextField";
import {
  useAddAgendaItem,
  useDeleteAgendaItem,
  useOrderAgenda,
  usePostponeAgendaItem,
  useUpdateAgendaItem,
} from "./api";
import { formatDuration, formatLongDate } from "./dates";
import type { Notice } from "./labels";
import { PostponeForm, postponedNotice } from "./PostponeForm";

type Direction = "up" | "down";
const buttonId = (itemId: string, dir: Direction) => `agenda-${itemId}-${dir}`;

/**
 * The agenda: an ordered list of items (duration, presenter, treated or postponed) with the total duration. The
 * coordination adds items, moves them with "Monter" / "Descendre" (the focus stays on the moved item and its new
 * place is announced), marks them treated, postpones one to the instance's next meeting or to a meeting chosen in a
 * list, edits or removes it.
 */
export function AgendaSection({
  clsmId,
  meeting: m,
  onNotice,
}: {
  clsmId: string;
  meeting: MeetingDetail;
  onNotice: (notice: Notice | null) => void;
}) {
  const manage = m.can.manage && m.status === "scheduled";
  const items = [...m.agenda].sort((a, b) => a.position - b.position);
  const order = useOrderAgenda(clsmId, m.id);
  const [announce, setAnnounce] = useState("");
  const [refocus, setRefocus] = useState<{ id: string; dir: Direction; index: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [headingFocus, setHeadingFocus] = useState(0);

  const counted = items.filter((i) => i.outcome !== "postponed");
  const total = counted.reduce((n, i) => n + (i.durationMinutes ?? 0), 0);
  const undated = counted.filter((i) => i.durationMinutes === null).length;

  // After a move the list re-renders in its new order: give the focus back to the moved item's button (or to its
  // other button once it reaches an end of the list).
  const orderKey = items.map((i) => i.id).join(",");
  useEffect(() => {
    if (!refocus || orderKey.split(",").indexOf(refocus.id) !== refocus.index) return;
    const other: Direction = refocus.dir === "up" ? "down" : "up";
    const button = document.getElementById(buttonId(refocus.id, refocus.dir));
    const target =
      button && !button.hasAttribute("disabled")
        ? button
        : document.getElementById(buttonId(refocus.id, other));
    target?.focus();
    setRefocus(null);
  }, [refocus, orderKey]);

  useEffect(() => {
    if (headingFocus === 0) return;
    const frame = window.requestAnimationFrame(() => heading.current?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [headingFocus]);

  const move = (item: AgendaItem, dir: Direction) => {
    const index = items.findIndex((i) => i.id === item.id);
    const to = dir === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= items.length) return;
    const ids = items.map((i) => i.id);
    ids.splice(index, 1);
    ids.splice(to, 0, item.id);
    onNotice(null);
    setRefocus({ id: item.id, dir, index: to });
    setAnnounce(`« ${item.title} » est maintenant en position ${to + 1} sur ${items.length}.`);
    order.mutate(ids, {
      onError: (e) => {
        setRefocus(null);
        setAnnounce("");
        onNotice({ tone: "error", text: messageOf(e) });
      },
    });
  };

  return (
    <section className="section" aria-labelledby="ordre-du-jour">
      <div className="section__header">
        <h2 id="ordre-du-jour" ref={heading} tabIndex={-1}>
          Ordre du jour
        </h2>
        {items.length > 0 ? (
          <p className="muted">
            {plural(items.length, "point")} · durée totale {formatDuration(total)}
            {undated > 0 ? ` (${plural(undated, "point", "points")} sans durée)` : ""}
          </p>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {total > m.durationMinutes ? (
        <Alert tone="warning">
          Les points durent {formatDuration(total)} en tout, plus que la réunion (
          {formatDuration(m.durationMinutes)}
          ).
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">Aucun point à l'ordre du jour pour l'instant.</p>
      ) : (
        <ol className="agenda" aria-labelledby="ordre-du-jour">
          {items.map((item, index) => (
            <li key={item.id} className={`agenda__item agenda__item--${item.outcome}`}>
              <div className="agenda__main">
                <p className="agenda__title">
                  <span className="agenda__number" aria-hidden="true">
                    {index + 1}.
                  </span>{" "}
                  {item.title}
                </p>
                <p className="agenda__meta">
                  {item.durationMinutes !== null ? <span>{formatDuration(item.durationMinutes)}</span> : null}
                  {item.presenter ? <span>Présenté par {item.presenter}</span> : null}
                  {item.outcome === "treated" ? <Badge tone="success">Traité</Badge> : null}
                  {item.outcome === "postponed" ? <Badge tone="warning">Reporté</Badge> : null}
                  {item.carriedFrom ? (
                    <span>
                      Reporté de la{" "}
                      <Link to={`/clsm/${clsmId}/reunions/${item.carriedFrom.meetingId}`}>
                        réunion du {formatLongDate(item.carriedFrom.date)}
                      </Link>
                    </span>
                  ) : null}
                </p>
                {item.description ? <p className="pre-line agenda__description">{item.description}</p> : null}
              </div>
              {manage ? (
                <div className="agenda__actions">
                  <Button
                    size="sm"
                    id={buttonId(item.id, "up")}
                    isDisabled={index === 0}
                    aria-label={`Monter « ${item.title} »`}
                    onPress={() => move(item, "up")}
                  >
                    <span aria-hidden="true">↑</span> Monter
                  </Button>
                  <Button
                    size="sm"
                    id={buttonId(item.id, "down")}
                    isDisabled={index === items.length - 1}
                    aria-label={`Descendre « ${item.title} »`}
                    onPress={() => move(item, "down")}
                  >
                    <span aria-hidden="true">↓</span> Descendre
                  </Button>
                  <ItemMenu
                    clsmId={clsmId}
                    meeting={m}
                    item={item}
                    onNotice={onNotice}
                    onGone={() => setHeadingFocus((n) => n + 1)}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {manage ? <AddItemForm clsmId={clsmId} meetingId={m.id} /> : null}
    </section>
  );
}

type Open = "edit" | "postponeTo" | "remove" | null;

/** "Traité" and the less frequent actions of an item: edit, postpone to the next meeting, remove. */
function ItemMenu({
  clsmId,
  meeting,
  item,
  onNotice,
  onGone,
}: {
  clsmId: string;
  meeting: MeetingDetail;
  item: AgendaItem;
  onNotice: (notice: Notice | null) => void;
  onGone: () => void;
}) {
  const update = useUpdateAgendaItem(clsmId, meeting.id);
  const postpone = usePostponeAgendaItem(clsmId, meeting.id);
  const remove = useDeleteAgendaItem(clsmId, meeting.id);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      {item.outcome === "postponed" ? null : (
        <Checkbox
          isSelected={item.outcome === "treated"}
          onChange={(on) => {
            onNotice(null);
            update.mutate(
              { id: item.id, outcome: on ? "treated" : "pending" },
              { onError: (e) => onNotice({ tone: "error", text: messageOf(e) }) },
            );
          }}
        >
          Traité<span className="visually-hidden"> : {item.title}</span>
        </Checkbox>
      )}
      <MenuButton
        label="Autres actions"
        aria-label={`Autres actions pour « ${item.title} »`}
        className="button button--secondary button--sm"
        placement="bottom end"
        onAction={(key) => {
          onNotice(null);
          if (key === "postpone")
            postpone.mutate(
              { id: item.id },
              {
                onSuccess: () =>
                  onNotice({
                    tone: "success",
                    text: `« ${item.title} » est reporté à la prochaine réunion de l'instance, où il est ajouté en fin d'ordre du jour.`,
                  }),
                onError: (e) => onNotice({ tone: "error", text: messageOf(e) }),
              },
            );
          else setOpen(key as Open);
        }}
      >
        <MenuItem id="edit">Modifier le point</MenuItem>
        {item.outcome === "pending" && meeting.instance ? (
          <MenuItem id="postpone">Reporter à la prochaine réunion</MenuItem>
        ) : null}
        {item.outcome === "pending" ? (
          <MenuItem id="postponeTo">Reporter à une autre réunion…</MenuItem>
        ) : null}
        <MenuItem id="remove">Retirer de l'ordre du jour</MenuItem>
      </MenuButton>
      <ModalDialog title="Modifier le point" isOpen={open === "edit"} onOpenChange={(o) => !o && close()}>
        {() => (
          <ItemForm
            initial={item}
            error={update.error}
            isPending={update.isPending}
            submitLabel="Enregistrer"
            onCancel={close}
            onSubmit={(body, done) =>
              update.mutate(
                { id: item.id, ...body },
                {
                  onSuccess: () => {
                    done();
                    close();
                    onNotice({ tone: "success", text: "Le point est enregistré." });
                  },
                },
              )
            }
          />
        )}
      </ModalDialog>
      <ModalDialog
        title={`Reporter « ${item.title} »`}
        isOpen={open === "postponeTo"}
        onOpenChange={(o) => !o && close()}
      >
        {() => (
          <PostponeForm
            clsmId={clsmId}
            meeting={meeting}
            item={item}
            onCancel={close}
            onPostponed={(target) => {
              close();
              onNotice({ tone: "success", text: postponedNotice(item.title, target) });
            }}
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        title={`Retirer « ${item.title} » ?`}
        isOpen={open === "remove"}
        onOpenChange={(o) => !o && close()}
        confirmLabel="Retirer le point"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(item.id, {
            onSuccess: () => {
              close();
              onNotice({ tone: "success", text: `« ${item.title} » est retiré de l'ordre du jour.` });
              onGone();
            },
          })
        }
      >
        <p>Le point sera retiré de l'ordre du jour de cette réunion.</p>
      </ConfirmDialog>
    </>
  );
}

interface ItemBody {
  title: string;
  durationMinutes: number | null;
  presenter: string;
  description: string;
}

function ItemForm({
  initial,
  error,
  isPending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: AgendaItem;
  error: unknown;
  isPending: boolean;
  submitLabel: string;
  onSubmit: (body: ItemBody, reset: () => void) => void;
  onCancel?: () => void;
}) {
  const [title, setTitle] = useState(initial?.title ?? "");
  const [duration, setDuration] = useState(initial?.durationMinutes ?? Number.NaN);
  const [presenter, setPresenter] = useState(initial?.presenter ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const reset = () => {
    setTitle("");
    setDuration(Number.NaN);
    setPresenter("");
    setDescription("");
  };
  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(
          {
            title: title.trim(),
            durationMinutes: Number.isNaN(duration) ? null : duration,
            presenter: presenter.trim(),
            description: description.trim(),
          },
          reset,
        );
      }}
    >
      <TextField label="Intitulé du point" name="title" isRequired value={title} onChange={setTitle} />
      <div className="form__row">
        <NumberField
          label="Durée (en minutes)"
          name="durationMinutes"
          minValue={1}
          maxValue={24 * 60}
          value={duration}
          onChange={setDuration}
        />
        <TextField
          label="Présenté par"
          name="presenter"
          value={presenter}
          onChange={setPresenter}
          description="Une personne, une structure."
        />
      </div>
      {initial ? (
        <TextField
          label="Description"
          name="description"
          multiline
          value={description}
          onChange={setDescription}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          {submitLabel}
        </Button>
        {onCancel ? <Button onPress={onCancel}>Annuler</Button> : null}
      </div>
    </Form>
  );
}

function AddItemForm({ clsmId, meetingId }: { clsmId: string; meetingId: string }) {
  const add = useAddAgendaItem(clsmId, meetingId);
  const [added, setAdded] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  return (
    <div className="agenda-add" ref={container}>
      <h3>Ajouter un point</h3>
      {added ? <Alert tone="success">{added}</Alert> : null}
      <ItemForm
        error={add.error}
        isPending={add.isPending}
        submitLabel="Ajouter le point"
        onSubmit={(body, reset) => {
          setAdded(null);
          add.mutate(
            { title: body.title, durationMinutes: body.durationMinutes, presenter: body.presenter },
            {
              onSuccess: () => {
                reset();
                setAdded(`« ${body.title} » est ajouté à l'ordre du jour.`);
                // Ready for the next item.
                container.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
              },
            },
          );
        }}
      />
    </div>
  );
}
