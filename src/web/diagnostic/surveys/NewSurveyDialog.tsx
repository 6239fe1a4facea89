import { useState } from "react";
import { DialogTrigger, Label, Radio, RadioGroup, Text } from "react-aria-components";
import { useNavigate } from "react-router";
import { type SurveyAudience, surveyAudienceLabels, surveyAudiences } from "../../../contracts/surveys";
import { messageOf } from "../../lib/api";
import { plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { ModalDialog } from "../../ui/Dialog";
import { Form } from "../../ui/Form";
import { TextField } from "../../ui/TextField";
import { useCreateSurvey, useSurveyTemplates } from "./api";
import { anonymousExplanation, audienceExplanations } from "./labels";

const BLANK = "vierge";

/** "Nouvelle enquête": blank or from a shipped template, its audience and whether answers are anonymous. */
export function NewSurveyDialog({ clsmId }: { clsmId: string }) {
  return (
    <DialogTrigger>
      <Button variant="primary">Nouvelle enquête</Button>
      <ModalDialog title="Nouvelle enquête" size="lg">
        {(close) => <NewSurveyForm clsmId={clsmId} onCancel={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function NewSurveyForm({ clsmId, onCancel }: { clsmId: string; onCancel: () => void }) {
  const templates = useSurveyTemplates();
  const create = useCreateSurvey(clsmId);
  const navigate = useNavigate();
  const [start, setStart] = useState(BLANK);
  const [title, setTitle] = useState("");
  const [audience, setAudience] = useState<SurveyAudience>("public");
  const [anonymous, setAnonymous] = useState(true);

  /** A template brings its own title, audience and anonymity, which stay changeable. */
  function choose(key: string) {
    setStart(key);
    const template = templates.data?.items.find((x) => x.key === key);
    if (!template) return;
    setTitle(template.title);
    setAudience(template.audience);
    setAnonymous(template.anonymous);
  }

  return (
    <Form
      error={create.error}
      isPending={create.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { title, audience, anonymous, templateKey: start === BLANK ? undefined : start },
          {
            onSuccess: (s) =>
              navigate(`/clsm/${clsmId}/diagnostic/enquetes/${s.id}`, {
                state: { notice: `L'enquête « ${s.title} » est créée. Ajoutez ou adaptez ses questions.` },
              }),
          },
        );
      }}
    >
      <RadioGroup className="radio-group survey-start" value={start} onChange={choose}>
        <Label className="field__label">Point de départ</Label>
        {templates.isError ? <Alert tone="error">{messageOf(templates.error)}</Alert> : null}
        <div className="survey-start__options">
          <Radio value={BLANK} className="radio survey-start__option">
            <span>
              <span className="survey-start__title">Questionnaire vierge</span>
              <span className="survey-start__text">Une section vide, à remplir vous-même.</span>
            </span>
          </Radio>
          {templates.data?.items.map((t) => (
            <Radio key={t.key} value={t.key} className="radio survey-start__option">
              <span>
                <span className="survey-start__title">Modèle : {t.title}</span>
                <span className="survey-start__text">
                  {t.description} ({plural(t.questionCount, "question")})
                </span>
              </span>
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <TextField label="Titre" name="title" isRequired maxLength={200} value={title} onChange={setTitle} />
      <RadioGroup
        className="radio-group"
        name="audience"
        value={audience}
        onChange={(v) => setAudience(v as SurveyAudience)}
      >
        <Label className="field__label">Public visé</Label>
        <div className="radio-group__options">
          {surveyAudiences.map((a) => (
            <Radio key={a} value={a} className="radio">
              {surveyAudienceLabels[a]}
            </Radio>
          ))}
        </div>
        <Text slot="description" className="field__description">
          {audienceExplanations[audience]}
        </Text>
      </RadioGroup>
      <div className="field">
        <Checkbox name="anonymous" isSelected={anonymous} onChange={setAnonymous}>
          Réponses anonymes
        </Checkbox>
        <p className="field__description">{anonymousExplanation(anonymous)}</p>
      </div>
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={create.isPending}>
          Créer l'enquête
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
