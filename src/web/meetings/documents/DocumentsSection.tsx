import { useRef, useState } from "react";
import { DialogTrigger } from "react-aria-components";
import type { MeetingDetail } from "../../../contracts/meetings";
import {
  DOCUMENT_MAX_BYTES,
  documentAccept,
  documentKindsText,
  type MeetingDocument,
} from "../../../contracts/meetings-documents";
import { isApiError, messageOf } from "../../lib/api";
import { formatDateTime, plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { DataTable } from "../../ui/DataTable";
import { EmptyState } from "../../ui/EmptyState";
import { Loading } from "../../ui/Loading";
import { SelectField } from "../../ui/SelectField";
import { documentUrl, formatSize, useDeleteDocument, useMeetingDocuments, useUploadDocument } from "./api";

const NONE = "none";

/**
 * The documents of a meeting (agenda, presentations, reports): everyone who sees the meeting downloads them;
 * the coordination joins files (with the upload's progress and the server's refusals shown under the field) and
 * removes them after a confirmation.
 */
export function DocumentsSection({ clsmId, meeting: m }: { clsmId: string; meeting: MeetingDetail }) {
  const documents = useMeetingDocuments(clsmId, m.id);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The deleted row took the focus with it: the section's heading gets it back.
  const deleted = (text: string) => {
    setNotice(text);
    window.requestAnimationFrame(() => heading.current?.focus());
  };
  const items = documents.data?.items ?? [];
  const manage = documents.data?.can.manage ?? false;

  return (
    <section className="section" aria-labelledby="documents-titre">
      <h2 id="documents-titre" ref={heading} tabIndex={-1}>
        Documents
      </h2>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {documents.isPending ? <Loading label="Chargement des documents…" /> : null}
      {documents.isError ? <Alert tone="error">{messageOf(documents.error)}</Alert> : null}
      {documents.data && items.length === 0 ? (
        <EmptyState title="Aucun document joint à cette réunion." />
      ) : null}
      {items.length > 0 ? (
        <DataTable caption="Documents de la réunion" captionHidden>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Taille
              </th>
              <th scope="col">Point de l'ordre du jour</th>
              <th scope="col">Ajouté</th>
              {manage ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <a href={documentUrl(clsmId, m.id, d.id)} download={d.fileName}>
                    {d.fileName}
                    <span className="visually-hidden">
                      {" "}
                      (télécharger, {d.typeLabel}, {formatSize(d.sizeBytes)})
                    </span>
                  </a>
                </th>
                <td>{d.typeLabel}</td>
                <td className="num">{formatSize(d.sizeBytes)}</td>
                <td>{d.agendaItem?.title ?? <span className="muted">Toute la réunion</span>}</td>
                <td>
                  {formatDateTime(d.createdAt)}
                  {d.uploadedBy ? ` par ${d.uploadedBy.name}` : ""}
                </td>
                {manage ? (
                  <td>
                    <DeleteDocument clsmId={clsmId} meetingId={m.id} document={d} onDeleted={deleted} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {documents.data && manage ? (
        <p className="muted">
          {plural(items.length, "document")} sur {documents.data.limits.maxDocuments} au plus ·{" "}
          {formatSize(documents.data.totalBytes)} sur {formatSize(documents.data.limits.maxTotalBytes)}
        </p>
      ) : null}
      {manage && m.status === "scheduled" ? (
        <UploadForm clsmId={clsmId} meeting={m} onUploaded={setNotice} />
      ) : null}
    </section>
  );
}

function UploadForm({
  clsmId,
  meeting: m,
  onUploaded,
}: {
  clsmId: string;
  meeting: MeetingDetail;
  onUploaded: (notice: string | null) => void;
}) {
  const upload = useUploadDocument(clsmId, m.id);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [agendaItemId, setAgendaItemId] = useState(NONE);
  const [localError, setLocalError] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);

  const serverFields = upload.error && isApiError(upload.error) ? upload.error.fields : {};
  const fileError =
    localError ??
    serverFields.file ??
    (upload.error && isApiError(upload.error, 413) ? upload.error.message : null);
  // Any other refusal (the agenda item removed meanwhile, the meeting's limit reached…) above the form.
  const otherError = upload.isError && !fileError ? messageOf(upload.error) : null;
  const maxText = formatSize(DOCUMENT_MAX_BYTES);

  const submit = () => {
    onUploaded(null);
    if (!file) return fail("Choisissez le fichier à joindre.");
    if (file.size === 0) return fail("Le fichier est vide : choisissez un fichier qui a un contenu.");
    if (file.size > DOCUMENT_MAX_BYTES) return fail(`Le fichier dépasse la taille maximale de ${maxText}.`);
    setProgress(0);
    upload.mutate(
      { file, agendaItemId: agendaItemId === NONE ? null : agendaItemId, onProgress: setProgress },
      {
        onSuccess: (created) => {
          onUploaded(`« ${created.fileName} » est joint à la réunion.`);
          setFile(null);
          setAgendaItemId(NONE);
          if (input.current) input.current.value = "";
        },
        onError: () => input.current?.focus(),
      },
    );
  };
  const fail = (message: string) => {
    setLocalError(message);
    input.current?.focus();
  };

  return (
    <form
      className="form card"
      aria-labelledby="documents-ajout"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id="documents-ajout">Joindre un document</h3>
      {otherError ? <Alert tone="error">{otherError}</Alert> : null}
      <div className="field">
        <label className="field__label" htmlFor="document-file">
          Fichier
        </label>
        <p className="field__description" id="document-file-help">
          {documentKindsText}. {maxText} au plus. Le type est vérifié d'après le contenu du fichier.
        </p>
        <input
          ref={input}
          id="document-file"
          type="file"
          accept={documentAccept}
          className="file-input"
          aria-describedby={fileError ? "document-file-help document-file-error" : "document-file-help"}
          aria-invalid={fileError ? true : undefined}
          disabled={upload.isPending}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setLocalError(null);
            upload.reset();
          }}
        />
        {fileError ? (
          <p className="field__error" id="document-file-error" role="alert">
            {fileError}
          </p>
        ) : null}
      </div>
      {m.agenda.length > 0 ? (
        <SelectField
          label="Point de l'ordre du jour"
          options={[
            { id: NONE, label: "Toute la réunion" },
            ...[...m.agenda]
              .sort((a, b) => a.position - b.position)
              .map((item, i) => ({ id: item.id, label: `${i + 1}. ${item.title}` })),
          ]}
          selectedKey={agendaItemId}
          onSelectionChange={(k) => setAgendaItemId(String(k ?? NONE))}
          isDisabled={upload.isPending}
        />
      ) : null}
      {upload.isPending ? (
        <div className="field">
          <label className="field__label" htmlFor="document-progress">
            Envoi de {file?.name ?? "du fichier"}
          </label>
          <progress
            id="document-progress"
            max={100}
            value={Math.round(progress * 100)}
            aria-valuetext={`${Math.round(progress * 100)} %`}
          />
        </div>
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={upload.isPending}>
          Joindre le document
        </Button>
      </div>
    </form>
  );
}

function DeleteDocument({
  clsmId,
  meetingId,
  document: d,
  onDeleted,
}: {
  clsmId: string;
  meetingId: string;
  document: MeetingDocument;
  onDeleted: (notice: string) => void;
}) {
  const remove = useDeleteDocument(clsmId, meetingId);
  return (
    <DialogTrigger onOpenChange={(open) => open && remove.reset()}>
      <Button variant="quiet" size="sm" aria-label={`Supprimer ${d.fileName}`}>
        Supprimer
      </Button>
      <ConfirmDialog
        title={`Supprimer « ${d.fileName} » ?`}
        confirmLabel="Supprimer le document"
        autoFocusCancel={false}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={(close) =>
          remove.mutate(d.id, {
            onSuccess: () => {
              close();
              onDeleted(`« ${d.fileName} » est supprimé.`);
            },
          })
        }
      >
        <p>Le document sera retiré de la réunion pour tout le monde. Cette action est définitive.</p>
      </ConfirmDialog>
    </DialogTrigger>
  );
}
