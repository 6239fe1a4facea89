import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { useNavigate } from "react-router";
import {
  type ConsultationDetail,
  MAX_DOTS_PER_MEMBER,
  type PriorityMethod,
  priorityMethodLabels,
  priorityMethods,
} from "../../../contracts/diagnostic-priorities";
import { formatDateTime, parisToday, plural } from "../../lib/format";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ModalDialog } from "../../ui/Dialog";
import { Form, validators } from "../../ui/Form";
import { NumberField } from "../../ui/NumberField";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import {
  useCloseConsultation,
  useDeleteConsultation,
  useOpenConsultation,
  useUpdateConsultation,
} from "./api";

/** A message shown on top of the page after an action. */
export interface Notice {
  tone: "success" | "error";
  text: string;
}

/** The coordination's actions: edit, open and delete while in preparation; close while open. */
export function ConsultationActions({
  clsmId,
  consultation: c,
  onDone,
}: {
  clsmId: string;
  consultation: ConsultationDetail;
  onDone: (notice: Notice | null) => void;
}) {
  if (c.status === "draft")
    return (
      <>
        <EditDialog clsmId={clsmId} consultation={c} onDone={onDone} />
        <OpenDialog clsmId={clsmId} consultation={c} onDone={onDone} />
        <DeleteDialog clsmId={clsmId} consultation={c} />
      </>
    );
  if (c.status === "open") return <CloseDialog clsmId={clsmId} consultation={c} onDone={onDone} />;
  return null;
}

type Props = { clsmId: string; consultation: ConsultationDetail; onDone: (notice: Notice | null) => void };

const methodOptions = priorityMethods.map((id) => ({ id, label: priorityMethodLabels[id] }));

function EditDialog({ clsmId, consultation: c, onDone }: Props) {
  const update = useUpdateConsultation(clsmId, c.id);
  const [title, setTitle] = useState(c.title);
  const [description, setDescription] = useState(c.description ?? "");
  const [method, setMethod] = useState<PriorityMethod>(c.method);
  const [dots, setDots] = useState(c.dotsPerMember ?? 5);
  return (
    <DialogTrigger onOpenChange={(open) => open && update.reset()}>
      <Button>Modifier</Button>
      <ModalDialog title="Modifier la consultation" size="lg">
        {(close) => (
          <Form
            error={update.error}
            isPending={update.isPending}
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate(
                {
                  title: title.trim(),
                  description: description.trim(),
                  method,
                  dotsPerMember: method === "dots" ? dots : null,
                },
                {
                  onSuccess: () => {
                    close();
                    onDone({ tone: "success", text: "La consultation est enregistrée." });
                  },
                },
              );
            }}
          >
            <TextField
              label="Titre"
              name="title"
              isRequired
              value={title}
              onChange={setTitle}
              validate={validators.required()}
            />
            <TextField
              label="Présentation"
              name="description"
              multiline
              value={description}
              onChange={setDescription}
            />
            <SelectField
              label="Mode de vote"
              name="method"
              options={methodOptions}
              selectedKey={method}
              onSelectionChange={(k) => k && setMethod(k as PriorityMethod)}
            />
            {method === "dots" ? (
              <NumberField
                label="Gommettes par membre"
                name="dotsPerMember"
                isRequired
                minValue={1}
                maxValue={MAX_DOTS_PER_MEMBER}
                value={dots}
                onChange={(v) => setDots(Number.isNaN(v) ? 1 : v)}
              />
            ) : null}
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={update.isPending}>
                Enregistrer
              </Button>
              <Button onPress={close}>Annuler</Button>
            </div>
          </Form>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

/** Opens the vote, with an optional closing day and time (the vote then closes by itself). */
function OpenDialog({ clsmId, consultation: c, onDone }: Props) {
  const open = useOpenConsultation(clsmId, c.id);
  const [scheduled, setScheduled] = useState(false);
  const [day, setDay] = useState("");
  const [time, setTime] = useState("18:00");
  const tooFew = c.candidates.length < 2;
  return (
    <DialogTrigger onOpenChange={(isOpen) => isOpen && open.reset()}>
      <Button variant="primary">Ouvrir le vote</Button>
      <ModalDialog title="Ouvrir le vote">
        {(close) =>
          tooFew ? (
            <div className="stack">
              <p>Ajoutez au moins deux propositions avant d'ouvrir le vote.</p>
              <div className="form__actions">
                <Button onPress={close} autoFocus>
                  Fermer
                </Button>
              </div>
            </div>
          ) : (
            <Form
              error={open.error}
              isPending={open.isPending}
              requiredNote={scheduled}
              onSubmit={(event) => {
                event.preventDefault();
                // The browser's clock and time zone (Paris for the CLSMs) turn the day and time into an instant.
                const closesAt =
                  scheduled && day ? new Date(`${day}T${time || "23:59"}`).toISOString() : null;
                open.mutate(
                  { closesAt },
                  {
                    onSuccess: (d) => {
                      close();
                      onDone({
                        tone: "success",
                        text: `Le vote est ouvert sur ${plural(d.candidates.length, "proposition")}${
                          d.closesAt ? ` jusqu'au ${formatDateTime(d.closesAt)}` : ""
                        }. Les propositions ne peuvent plus être modifiées.`,
                      });
                    },
                  },
                );
              }}
            >
              <p>
                Une fois le vote ouvert, les propositions et le mode de vote ne changent plus. Les membres du
                CLSM votent depuis cette page.
              </p>
              <Checkbox isSelected={scheduled} onChange={setScheduled}>
                Clôturer le vote automatiquement à une date
              </Checkbox>
              {scheduled ? (
                <div className="form__row">
                  <TextField
                    label="Date de clôture"
                    name="closesAt"
                    type="date"
                    isRequired
                    value={day}
                    onChange={setDay}
                    validate={(v) =>
                      v === ""
                        ? "Indiquez la date de clôture."
                        : v < parisToday()
                          ? "La date de clôture doit être dans le futur."
                          : null
                    }
                  />
                  <TextField label="Heure" name="closesAtTime" type="time" value={time} onChange={setTime} />
                </div>
              ) : null}
              <div className="form__actions">
                <Button type="submit" variant="primary" isPending={open.isPending}>
                  Ouvrir le vote
                </Button>
                <Button onPress={close}>Annuler</Button>
              </div>
            </Form>
          )
        }
      </ModalDialog>
    </DialogTrigger>
  );
}

function CloseDialog({ clsmId, consultation: c, onDone }: Props) {
  const closeVote = useCloseConsultation(clsmId, c.id);
  return (
    <DialogTrigger onOpenChange={(open) => open && closeVote.reset()}>
      <Button variant="primary">Clôturer le vote</Button>
      <ConfirmDialog
        title="Clôturer le vote ?"
        confirmLabel="Clôturer le vote"
        confirmVariant="primary"
        isPending={closeVote.isPending}
        error={closeVote.error}
        onConfirm={(close) =>
          closeVote.mutate(undefined, {
            onSuccess: () => {
              close();
              onDone({
                tone: "success",
                text: "Le vote est clôturé. Retenez maintenant les priorités parmi les résultats.",
              });
            },
          })
        }
      >
        <p>
          {c.ballotCount === 0
            ? "Personne n'a encore voté."
            : `${plural(c.ballotCount, "membre")} ${c.ballotCount > 1 ? "ont" : "a"} voté.`}{" "}
          Une fois le vote clôturé, plus personne ne peut voter et les résultats sont visibles de tous les
          membres.
        </p>
      </ConfirmDialog>
    </DialogTrigger>
  );
}

function DeleteDialog({ clsmId, consultation: c }: Omit<Props, "onDone">) {
  const remove = useDeleteConsultation(clsmId, c.id);
  const navigate = useNavigate();
  return (
    <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
      <Button variant="danger">Supprimer</Button>
      <ConfirmDialog
        title={`Supprimer « ${c.title} » ?`}
        confirmLabel="Supprimer la consultation"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () =>
              navigate(`/clsm/${clsmId}/diagnostic/priorites`, {
                state: { notice: `La consultation « ${c.title} » est supprimée.` },
              }),
          })
        }
      >
        <p>La consultation et ses propositions seront supprimées.</p>
      </ConfirmDialog>
    </DialogTrigger>
  );
}
