import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { Link, useNavigate, useParams } from "react-router";
import {
  type CreateConsultationBody,
  consultationStatusLabels,
  MAX_DOTS_PER_MEMBER,
  type PriorityMethod,
  priorityMethodLabels,
  priorityMethods,
} from "../../contracts/diagnostic-priorities";
import { messageOf } from "../lib/api";
import { formatDate, formatNumber } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { DataTable } from "../ui/DataTable";
import { ModalDialog } from "../ui/Dialog";
import { EmptyState } from "../ui/EmptyState";
import { Form, validators } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { NumberField } from "../ui/NumberField";
import { Pagination } from "../ui/Pagination";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { DiagnosticSectionPage } from "./DiagnosticSectionPage";
import { useConsultations, useCreateConsultation } from "./priorities/api";
import { ChosenPriorities } from "./priorities/ChosenPriorities";
import { closingLine, methodLine, statusTones } from "./priorities/labels";
import "./priorities/priorities.css";

const LIMIT = 20;

/** The priority consultations of a CLSM, newest first, and the priorities already chosen. */
export function PrioritiesPage() {
  const { clsmId = "" } = useParams();
  const [offset, setOffset] = useState(0);
  const list = useConsultations(clsmId, { limit: LIMIT, offset });
  const items = list.data?.items ?? [];
  return (
    <DiagnosticSectionPage
      clsmId={clsmId}
      title="Priorités"
      busy={list.isPending}
      lead={
        <p>
          Les membres du CLSM votent sur des propositions de priorités, par gommettes ou par classement.
          Chacun vote une fois ; les résultats s'affichent à la clôture, puis la coordination retient les
          priorités du CLSM.
        </p>
      }
      actions={list.data?.can.manage ? <CreateConsultationDialog clsmId={clsmId} /> : null}
    >
      <ChosenPriorities clsmId={clsmId} />
      <section className="section" aria-labelledby="consultations">
        <h2 id="consultations">Consultations</h2>
        {list.isPending ? <Loading label="Chargement des consultations…" /> : null}
        {list.isError ? <Alert tone="error">{messageOf(list.error)}</Alert> : null}
        {list.data && items.length === 0 ? (
          <EmptyState title="Aucune consultation pour l'instant.">
            {list.data.can.manage ? <p>Créez-en une avec le bouton « Nouvelle consultation ».</p> : null}
          </EmptyState>
        ) : null}
        {items.length > 0 ? (
          <DataTable caption="Consultations sur les priorités" captionHidden>
            <thead>
              <tr>
                <th scope="col">Consultation</th>
                <th scope="col">État</th>
                <th scope="col" className="num">
                  Propositions
                </th>
                <th scope="col" className="num">
                  Votes
                </th>
                <th scope="col">Créée le</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link className="cell-title" to={`/clsm/${clsmId}/diagnostic/priorites/${c.id}`}>
                      {c.title}
                    </Link>
                    <span className="cell-sub">{methodLine(c)}</span>
                  </th>
                  <td>
                    <Badge tone={statusTones[c.status]}>{consultationStatusLabels[c.status]}</Badge>
                    {closingLine(c) ? <span className="cell-sub">{closingLine(c)}</span> : null}
                  </td>
                  <td className="num">{formatNumber(c.candidateCount)}</td>
                  <td className="num">{formatNumber(c.ballotCount)}</td>
                  <td>{formatDate(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : null}
        <Pagination
          total={list.data?.total ?? 0}
          limit={LIMIT}
          offset={offset}
          onChange={setOffset}
          label="consultations"
        />
      </section>
    </DiagnosticSectionPage>
  );
}

function CreateConsultationDialog({ clsmId }: { clsmId: string }) {
  return (
    <DialogTrigger>
      <Button variant="primary">Nouvelle consultation</Button>
      <ModalDialog title="Nouvelle consultation" size="lg">
        {(close) => <CreateConsultation clsmId={clsmId} onCancel={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

const methodOptions = priorityMethods.map((id) => ({ id, label: priorityMethodLabels[id] }));
const methodHelp: Record<PriorityMethod, string> = {
  dots: "Chaque membre répartit ses gommettes entre les propositions, plusieurs sur une même s'il le souhaite.",
  ranking: "Chaque membre classe toutes les propositions, de la plus importante à la moins importante.",
};

function CreateConsultation({ clsmId, onCancel }: { clsmId: string; onCancel: () => void }) {
  const create = useCreateConsultation(clsmId);
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [method, setMethod] = useState<PriorityMethod>("dots");
  const [dots, setDots] = useState(5);
  return (
    <Form
      error={create.error}
      isPending={create.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        const body: CreateConsultationBody = {
          title: title.trim(),
          description: description.trim(),
          method,
          dotsPerMember: method === "dots" ? dots : null,
        };
        create.mutate(body, {
          onSuccess: (c) =>
            navigate(`/clsm/${clsmId}/diagnostic/priorites/${c.id}`, {
              state: {
                notice: `La consultation « ${c.title} » est créée. Ajoutez maintenant les propositions.`,
              },
            }),
        });
      }}
    >
      <TextField
        label="Titre"
        name="title"
        isRequired
        value={title}
        onChange={setTitle}
        validate={validators.required()}
        description="Par exemple « Priorités du plan d'actions 2027 »."
      />
      <TextField
        label="Présentation"
        name="description"
        multiline
        value={description}
        onChange={setDescription}
        description="Ce que la consultation doit décider, affiché aux membres qui votent."
      />
      <SelectField
        label="Mode de vote"
        name="method"
        options={methodOptions}
        selectedKey={method}
        onSelectionChange={(k) => k && setMethod(k as PriorityMethod)}
        description={methodHelp[method]}
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
          description={`Entre 1 et ${MAX_DOTS_PER_MEMBER}.`}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Créer la consultation
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
