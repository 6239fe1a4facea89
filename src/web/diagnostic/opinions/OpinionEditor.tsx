import { useState } from "react";
import {
  MAX_OPINION_LENGTH,
  type OpinionDetail,
  type OpinionSubject,
  opinionSubjectLabels,
  opinionSubjects,
} from "../../../contracts/diagnostic-opinions";
import { formatDateTime, formatNumber } from "../../lib/format";
import { Button } from "../../ui/Button";
import { Form, validators } from "../../ui/Form";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { useUpdateOpinion } from "./api";
import type { Notice } from "./OpinionActions";

const subjectOptions = opinionSubjects.map((id) => ({ id, label: opinionSubjectLabels[id] }));

/** The draft's title, subject and text (plain text: a blank line starts a new paragraph). */
export function OpinionEditor({
  clsmId,
  opinion: o,
  onNotice,
}: {
  clsmId: string;
  opinion: OpinionDetail;
  onNotice: (notice: Notice | null) => void;
}) {
  const update = useUpdateOpinion(clsmId, o.id);
  const [title, setTitle] = useState(o.title);
  const [subject, setSubject] = useState<OpinionSubject>(o.subject);
  const [body, setBody] = useState(o.body);
  const changed = title !== o.title || subject !== o.subject || body !== o.body;
  return (
    <section className="section" aria-labelledby="rediger">
      <h2 id="rediger">Rédiger l'avis</h2>
      <Form
        className="opinion-editor"
        error={update.error}
        isPending={update.isPending}
        onSubmit={(event) => {
          event.preventDefault();
          onNotice(null);
          update.mutate(
            { title: title.trim(), subject, body },
            { onSuccess: () => onNotice({ tone: "success", text: "Le brouillon est enregistré." }) },
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
        <SelectField
          label="Objet de l'avis"
          name="subject"
          options={subjectOptions}
          selectedKey={subject}
          onSelectionChange={(k) => k && setSubject(k as OpinionSubject)}
        />
        <TextField
          label="Texte de l'avis"
          name="body"
          multiline
          value={body}
          onChange={setBody}
          maxLength={MAX_OPINION_LENGTH}
          description={`Laissez une ligne vide entre deux paragraphes. ${formatNumber(body.length)} caractères sur ${formatNumber(MAX_OPINION_LENGTH)} au plus.`}
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={update.isPending} isDisabled={!changed}>
            Enregistrer le brouillon
          </Button>
          <p className="muted">Dernier enregistrement le {formatDateTime(o.updatedAt)}.</p>
        </div>
      </Form>
    </section>
  );
}
