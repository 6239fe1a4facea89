import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import {
  type Candidate,
  type CandidateBody,
  type ConsultationDetail,
  MAX_CANDIDATES,
} from "../../../contracts/diagnostic-priorities";
import { messageOf } from "../../lib/api";
import { plural } from "../../lib/format";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/Dialog";
import { Form, validators } from "../../ui/Form";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { useNeeds } from "../needs/api";
import { useAddCandidate, useOrderCandidates, useRemoveCandidate, useUpdateCandidate } from "./api";
import type { Notice } from "./ConsultationActions";
import { type Direction, moved, useMoveFocus } from "./reorder";

const NO_NEED = "aucun";

/**
 * The candidates of a consultation in preparation: added, edited, removed, and put in order with "Monter" /
 * "Descendre" (the focus follows the moved candidate and its new place is announced).
 */
export function CandidatesEditor({
  clsmId,
  consultation: c,
  onNotice,
}: {
  clsmId: string;
  consultation: ConsultationDetail;
  onNotice: (notice: Notice | null) => void;
}) {
  const order = useOrderCandidates(clsmId, c.id);
  const remove = useRemoveCandidate(clsmId, c.id);
  const items = c.candidates;
  const { announce, setAnnounce, focusAfterMove, buttonId } = useMoveFocus("candidate", items);

  const move = (item: Candidate, dir: Direction) => {
    const ids = moved(
      items.map((i) => i.id),
      item.id,
      dir,
    );
    if (!ids) return;
    const to = ids.indexOf(item.id);
    onNotice(null);
    focusAfterMove(item.id, dir, to);
    setAnnounce(`« ${item.title} » est maintenant en position ${to + 1} sur ${items.length}.`);
    order.mutate(ids, {
      onError: (e) => {
        setAnnounce("");
        onNotice({ tone: "error", text: messageOf(e) });
      },
    });
  };

  return (
    <section className="section" aria-labelledby="propositions">
      <div className="section__header">
        <h2 id="propositions">Propositions</h2>
        <p className="muted">{plural(items.length, "proposition")}</p>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {items.length === 0 ? <p className="muted">Aucune proposition pour l'instant.</p> : null}
      {items.length > 0 ? (
        <ol className="priority-list" aria-labelledby="propositions">
          {items.map((item, index) => (
            <li key={item.id} className="priority-list__item priority-list__item--row">
              <div className="priority-list__main">
                <p className="priority-list__title">
                  <span aria-hidden="true">{index + 1}. </span>
                  {item.title}
                </p>
                {item.description ? <p className="pre-line muted">{item.description}</p> : null}
                {item.need ? <p className="muted">Répond au besoin « {item.need.title} »</p> : null}
              </div>
              <div className="priority-list__actions">
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
                <EditCandidateDialog clsmId={clsmId} consultationId={c.id} candidate={item} />
                <Button
                  size="sm"
                  variant="quiet"
                  aria-label={`Retirer « ${item.title} »`}
                  isPending={remove.isPending && remove.variables === item.id}
                  onPress={() => {
                    onNotice(null);
                    remove.mutate(item.id, {
                      onSuccess: () => onNotice({ tone: "success", text: `« ${item.title} » est retirée.` }),
                      onError: (e) => onNotice({ tone: "error", text: messageOf(e) }),
                    });
                  }}
                >
                  Retirer
                </Button>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {items.length < MAX_CANDIDATES ? <AddCandidateForm clsmId={clsmId} consultationId={c.id} /> : null}
    </section>
  );
}

function AddCandidateForm({ clsmId, consultationId }: { clsmId: string; consultationId: string }) {
  const add = useAddCandidate(clsmId, consultationId);
  const [key, setKey] = useState(0);
  return (
    <div className="card card--quiet priority-add">
      <h3>Ajouter une proposition</h3>
      <CandidateForm
        key={key}
        clsmId={clsmId}
        error={add.error}
        isPending={add.isPending}
        submitLabel="Ajouter la proposition"
        onSubmit={(body) => add.mutate(body, { onSuccess: () => setKey((k) => k + 1) })}
      />
    </div>
  );
}

function EditCandidateDialog({
  clsmId,
  consultationId,
  candidate,
}: {
  clsmId: string;
  consultationId: string;
  candidate: Candidate;
}) {
  const update = useUpdateCandidate(clsmId, consultationId);
  return (
    <DialogTrigger onOpenChange={(open) => open && update.reset()}>
      <Button size="sm" aria-label={`Modifier « ${candidate.title} »`}>
        Modifier
      </Button>
      <ModalDialog title="Modifier la proposition" size="lg">
        {(close) => (
          <CandidateForm
            clsmId={clsmId}
            candidate={candidate}
            error={update.error}
            isPending={update.isPending}
            submitLabel="Enregistrer"
            onCancel={close}
            onSubmit={(body) => update.mutate({ candidateId: candidate.id, body }, { onSuccess: close })}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

/** Title, description and, optionally, the need of the diagnostic the candidate answers. */
function CandidateForm({
  clsmId,
  candidate,
  error,
  isPending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  clsmId: string;
  candidate?: Candidate;
  error: unknown;
  isPending: boolean;
  submitLabel: string;
  onSubmit: (body: CandidateBody) => void;
  onCancel?: () => void;
}) {
  const needs = useNeeds(clsmId, { sort: "title", limit: 100 });
  const [title, setTitle] = useState(candidate?.title ?? "");
  const [description, setDescription] = useState(candidate?.description ?? "");
  const [needId, setNeedId] = useState(candidate?.need?.id ?? NO_NEED);
  const needOptions = [
    { id: NO_NEED, label: "Aucun besoin en particulier" },
    ...(needs.data?.items ?? []).map((n) => ({ id: n.id, label: n.title })),
  ];
  if (candidate?.need && !needOptions.some((o) => o.id === candidate.need?.id))
    needOptions.push({ id: candidate.need.id, label: candidate.need.title });
  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          title: title.trim(),
          description: description.trim(),
          needId: needId === NO_NEED ? null : needId,
        });
      }}
    >
      <TextField
        label="Proposition"
        name="title"
        isRequired
        value={title}
        onChange={setTitle}
        validate={validators.required()}
        description="Par exemple « Favoriser le maintien dans le logement »."
      />
      <TextField
        label="Précisions"
        name="description"
        multiline
        value={description}
        onChange={setDescription}
      />
      <SelectField
        label="Besoin du diagnostic auquel elle répond"
        name="needId"
        options={needOptions}
        selectedKey={needId}
        onSelectionChange={(k) => setNeedId(String(k ?? NO_NEED))}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          {submitLabel}
        </Button>
        {onCancel ? <Button onPress={onCancel}>Annuler</Button> : null}
      </div>
    </Form>
  );
}
