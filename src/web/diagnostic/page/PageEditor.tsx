import { useState } from "react";
import { DialogTrigger } from "react-aria-components";
import { type DiagnosticPage, MAX_PAGE_SURVEYS, MAX_PAGE_TEXT } from "../../../contracts/diagnostic-page";
import { messageOf } from "../../lib/api";
import { plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { ModalDialog } from "../../ui/Dialog";
import { Form } from "../../ui/Form";
import { Loading } from "../../ui/Loading";
import { TextField } from "../../ui/TextField";
import { useSurveys } from "../surveys/api";
import { useSaveDiagnosticPage } from "./api";

/** The coordination writes the introduction and the conclusion and chooses the surveys the page presents. */
export function PageEditor({
  clsmId,
  page,
  onSaved,
}: {
  clsmId: string;
  page: DiagnosticPage;
  onSaved: () => void;
}) {
  const save = useSaveDiagnosticPage(clsmId);
  return (
    <DialogTrigger onOpenChange={(open) => open && save.reset()}>
      <Button>Modifier la page</Button>
      <ModalDialog title="Modifier la page du diagnostic" size="lg">
        {(close) => (
          <EditorForm
            clsmId={clsmId}
            page={page}
            error={save.error}
            isPending={save.isPending}
            onCancel={close}
            onSubmit={(body) =>
              save.mutate(body, {
                onSuccess: () => {
                  close();
                  onSaved();
                },
              })
            }
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function EditorForm({
  clsmId,
  page,
  error,
  isPending,
  onCancel,
  onSubmit,
}: {
  clsmId: string;
  page: DiagnosticPage;
  error: unknown;
  isPending: boolean;
  onCancel: () => void;
  onSubmit: (body: { introduction: string; conclusion: string; surveyIds: string[] }) => void;
}) {
  const surveys = useSurveys(clsmId, { limit: 100, offset: 0 });
  const [introduction, setIntroduction] = useState(page.introduction);
  const [conclusion, setConclusion] = useState(page.conclusion);
  const [selected, setSelected] = useState<string[]>(page.surveyIds);
  const toggle = (id: string, on: boolean) =>
    setSelected((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
  const full = selected.length >= MAX_PAGE_SURVEYS;
  return (
    <Form
      error={error}
      isPending={isPending}
      requiredNote={false}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ introduction, conclusion, surveyIds: selected });
      }}
    >
      <TextField
        label="Introduction"
        name="introduction"
        multiline
        value={introduction}
        onChange={setIntroduction}
        maxLength={MAX_PAGE_TEXT}
        description="La démarche, qui y a pris part, comment lire ce diagnostic. Une ligne vide sépare deux paragraphes."
      />
      <fieldset className="fieldset">
        <legend className="field__label">Enquêtes présentées</legend>
        <p className="field__description">
          Les résultats des enquêtes cochées figurent sur la page et dans le document, dans l'ordre où vous
          les cochez ({plural(MAX_PAGE_SURVEYS, "enquête")} au plus). Les membres ne voient que celles dont
          les résultats leur sont publiés.
        </p>
        {surveys.isPending ? <Loading label="Chargement des enquêtes…" /> : null}
        {surveys.isError ? <Alert tone="error">{messageOf(surveys.error)}</Alert> : null}
        {surveys.data?.items.length === 0 ? <p className="muted">Aucune enquête dans ce CLSM.</p> : null}
        <div className="stack stack--tight">
          {surveys.data?.items.map((s) => {
            const on = selected.includes(s.id);
            return (
              <Checkbox key={s.id} isSelected={on} isDisabled={!on && full} onChange={(v) => toggle(s.id, v)}>
                {s.title} ({plural(s.responseCount, "réponse")}
                {s.resultsPublished ? "" : ", résultats non publiés aux membres"})
              </Checkbox>
            );
          })}
        </div>
      </fieldset>
      <TextField
        label="Conclusion"
        name="conclusion"
        multiline
        value={conclusion}
        onChange={setConclusion}
        maxLength={MAX_PAGE_TEXT}
        description="Ce que le CLSM retient du diagnostic."
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
