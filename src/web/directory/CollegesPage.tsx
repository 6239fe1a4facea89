import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { useParams } from "react-router";
import { type College, type Pillar, pillarLabels } from "../../contracts/directory";
import { messageOf } from "../lib/api";
import { formatNumber } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { DataTable } from "../ui/DataTable";
import { ModalDialog } from "../ui/Dialog";
import { EmptyState } from "../ui/EmptyState";
import { Form, validators } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useClsm } from "../workspaces/api";
import { useColleges, useCreateCollege, useDeleteCollege, useOrderColleges, useUpdateCollege } from "./api";
import { pillarOptions } from "./labels";

const OTHER = "autres";
const pillarChoice = [...pillarOptions, { id: OTHER, label: "Autres partenaires" }];

export function CollegesPage() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  const colleges = useColleges(clsmId);
  const order = useOrderColleges(clsmId);
  const [status, setStatus] = useState<string | null>(null);
  const canManage = colleges.data?.can.manage ?? false;
  const items = colleges.data?.items ?? [];

  const move = (index: number, delta: -1 | 1) => {
    const ids = items.map((c) => c.id);
    const target = index + delta;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target] as string, ids[index] as string];
    const name = items[index]?.name ?? "";
    order.mutate(ids, {
      onSuccess: () => setStatus(`« ${name} » est maintenant en position ${target + 1} sur ${ids.length}.`),
    });
  };

  return (
    <Page
      title="Collèges"
      eyebrow={clsm.data?.name}
      lead={
        <p>
          Les collèges regroupent les partenaires ; chacun relève d'un des quatre piliers ou des autres
          partenaires.
        </p>
      }
      actions={canManage ? <AddCollegeDialog clsmId={clsmId} onAdded={setStatus} /> : null}
    >
      {colleges.isPending ? <Loading label="Chargement des collèges…" /> : null}
      {colleges.isError ? <Alert tone="error">{messageOf(colleges.error)}</Alert> : null}
      {order.isError ? <Alert tone="error">{messageOf(order.error)}</Alert> : null}
      <div aria-live="polite" className="selection-status">
        {status ? <p>{status}</p> : null}
      </div>
      {colleges.data && items.length === 0 ? <EmptyState title="Aucun collège pour l'instant." /> : null}
      {items.length > 0 ? (
        <DataTable caption="Collèges du CLSM, dans leur ordre d'affichage" captionHidden>
          <thead>
            <tr>
              <th scope="col">Collège</th>
              <th scope="col">Pilier</th>
              <th scope="col" className="num">
                Personnes
              </th>
              {canManage ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {items.map((c, i) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>{c.pillar ? pillarLabels[c.pillar] : "Autres partenaires"}</td>
                <td className="num">{formatNumber(c.personCount)}</td>
                {canManage ? (
                  <td className="actions-cell">
                    <div className="row-actions">
                      <Button
                        size="sm"
                        isDisabled={i === 0 || order.isPending}
                        onPress={() => move(i, -1)}
                        aria-label={`Monter ${c.name}`}
                      >
                        <span aria-hidden="true">↑</span>
                      </Button>
                      <Button
                        size="sm"
                        isDisabled={i === items.length - 1 || order.isPending}
                        onPress={() => move(i, 1)}
                        aria-label={`Descendre ${c.name}`}
                      >
                        <span aria-hidden="true">↓</span>
                      </Button>
                      <EditCollegeDialog clsmId={clsmId} college={c} onSaved={setStatus} />
                      {c.personCount === 0 ? (
                        <DeleteCollegeDialog clsmId={clsmId} college={c} onDeleted={setStatus} />
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </Page>
  );
}

function CollegeForm({
  college,
  error,
  isPending,
  onSubmit,
  onCancel,
}: {
  college?: College;
  error: unknown;
  isPending: boolean;
  onSubmit: (body: { name: string; pillar: Pillar | null }) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(college?.name ?? "");
  const [pillar, setPillar] = useState<string>(college?.pillar ?? OTHER);
  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ name: name.trim(), pillar: pillar === OTHER ? null : (pillar as Pillar) });
      }}
    >
      <TextField
        label="Nom du collège"
        name="name"
        isRequired
        value={name}
        onChange={setName}
        validate={validators.required()}
      />
      <SelectField
        label="Pilier"
        name="pillar"
        options={pillarChoice}
        selectedKey={pillar}
        onSelectionChange={(k) => setPillar(String(k ?? OTHER))}
        description="Les personnes de ce collège représentent ce pilier, sauf indication contraire sur leur fiche."
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          Enregistrer
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}

function AddCollegeDialog({ clsmId, onAdded }: { clsmId: string; onAdded: (s: string) => void }) {
  const create = useCreateCollege(clsmId);
  return (
    <DialogTrigger onOpenChange={(open) => open && create.reset()}>
      <Button variant="primary">Ajouter un collège</Button>
      <ModalDialog title="Ajouter un collège">
        {(close) => (
          <CollegeForm
            error={create.error}
            isPending={create.isPending}
            onCancel={close}
            onSubmit={(body) =>
              create.mutate(body, {
                onSuccess: () => {
                  onAdded(`Le collège « ${body.name} » est ajouté.`);
                  close();
                },
              })
            }
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function EditCollegeDialog({
  clsmId,
  college,
  onSaved,
}: {
  clsmId: string;
  college: College;
  onSaved: (s: string) => void;
}) {
  const update = useUpdateCollege(clsmId);
  return (
    <DialogTrigger onOpenChange={(open) => open && update.reset()}>
      <Button size="sm" aria-label={`Modifier ${college.name}`}>
        Modifier
      </Button>
      <ModalDialog title={`Modifier le collège ${college.name}`}>
        {(close) => (
          <CollegeForm
            college={college}
            error={update.error}
            isPending={update.isPending}
            onCancel={close}
            onSubmit={(body) =>
              update.mutate(
                { id: college.id, ...body },
                {
                  onSuccess: () => {
                    onSaved(`Le collège « ${body.name} » est enregistré.`);
                    close();
                  },
                },
              )
            }
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function DeleteCollegeDialog({
  clsmId,
  college,
  onDeleted,
}: {
  clsmId: string;
  college: College;
  onDeleted: (s: string) => void;
}) {
  const remove = useDeleteCollege(clsmId);
  return (
    <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
      <Button size="sm" aria-label={`Supprimer ${college.name}`}>
        Supprimer
      </Button>
      <ConfirmDialog
        title={`Supprimer le collège ${college.name} ?`}
        confirmLabel="Supprimer"
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={(close) =>
          remove.mutate(college.id, {
            onSuccess: () => {
              onDeleted(`Le collège « ${college.name} » est supprimé.`);
              close();
            },
          })
        }
      >
        <p>Ce collège ne compte aucune personne. Il disparaîtra de la liste.</p>
      </ConfirmDialog>
    </DialogTrigger>
  );
}
