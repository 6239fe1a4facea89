import { useEffect, useState } from "react";
import { Label, Radio, RadioGroup, Text } from "react-aria-components";
import {
  type SurveyAudience,
  type SurveyDetail,
  surveyAudienceLabels,
  surveyAudiences,
  type UpdateSurveyBody,
} from "../../../contracts/surveys";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Checkbox";
import { Form } from "../../ui/Form";
import { TextField } from "../../ui/TextField";
import { useUpdateSurvey } from "./api";
import { closesAtOf, closingDay, openingDay, opensAtOf } from "./dates";
import { anonymousExplanation, audienceExplanations } from "./labels";

interface Values {
  title: string;
  introduction: string;
  audience: SurveyAudience;
  anonymous: boolean;
  opensOn: string;
  closesOn: string;
}

const valuesOf = (s: SurveyDetail): Values => ({
  title: s.title,
  introduction: s.introduction ?? "",
  audience: s.audience,
  anonymous: s.anonymous,
  opensOn: s.opensAt ? openingDay(s.opensAt) : "",
  closesOn: s.closesAt ? closingDay(s.closesAt) : "",
});

/** Only what changed is sent (a survey with answers refuses a change of anonymity, not a same value). */
function changes(before: Values, after: Values): UpdateSurveyBody {
  const body: UpdateSurveyBody = {};
  if (after.title !== before.title) body.title = after.title;
  if (after.introduction !== before.introduction) body.introduction = after.introduction || null;
  if (after.audience !== before.audience) body.audience = after.audience;
  if (after.anonymous !== before.anonymous) body.anonymous = after.anonymous;
  if (after.opensOn !== before.opensOn) body.opensAt = after.opensOn ? opensAtOf(after.opensOn) : null;
  if (after.closesOn !== before.closesOn) body.closesAt = after.closesOn ? closesAtOf(after.closesOn) : null;
  return body;
}

/** Title, introduction, audience, anonymity, opening and closing days. */
export function SurveySettingsForm({
  clsmId,
  survey,
  onDirtyChange,
  onSaved,
}: {
  clsmId: string;
  survey: SurveyDetail;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (message: string) => void;
}) {
  const update = useUpdateSurvey(clsmId, survey.id);
  const saved = valuesOf(survey);
  const [values, setValues] = useState(saved);
  const body = changes(saved, values);
  const dirty = Object.keys(body).length > 0;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const hasAnswers = survey.responseCount > 0;

  return (
    <Form
      error={update.error}
      isPending={update.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(body, {
          onSuccess: (s) => {
            setValues(valuesOf(s));
            onSaved("Réglages enregistrés.");
          },
        });
      }}
    >
      <TextField
        label="Titre"
        name="title"
        isRequired
        maxLength={200}
        value={values.title}
        onChange={(title) => set({ title })}
      />
      <TextField
        label="Introduction"
        description="Affichée aux répondants au-dessus des questions : pourquoi cette enquête, combien de temps elle prend, ce que deviendront les réponses."
        name="introduction"
        multiline
        maxLength={5000}
        value={values.introduction}
        onChange={(introduction) => set({ introduction })}
      />
      <RadioGroup
        className="radio-group"
        name="audience"
        value={values.audience}
        onChange={(v) => set({ audience: v as SurveyAudience })}
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
          {audienceExplanations[values.audience]}
        </Text>
      </RadioGroup>
      <div className="field">
        <Checkbox
          name="anonymous"
          isSelected={values.anonymous}
          isDisabled={hasAnswers}
          onChange={(anonymous) => set({ anonymous })}
        >
          Réponses anonymes
        </Checkbox>
        <p className="field__description">
          {hasAnswers
            ? `Des réponses ont été reçues : ce choix ne peut plus changer. ${values.anonymous ? "Les réponses sont anonymes." : "Les réponses sont nominatives."}`
            : anonymousExplanation(values.anonymous)}
        </p>
      </div>
      <div className="question-editor__row">
        <TextField
          label="Ouverture le"
          description="Facultatif : sans date, l'enquête s'ouvre dès sa publication."
          name="opensAt"
          type="date"
          value={values.opensOn}
          onChange={(opensOn) => set({ opensOn })}
        />
        <TextField
          label="Clôture le (inclus)"
          description="Facultatif : sans date, l'enquête reste ouverte jusqu'à ce que vous la closiez."
          name="closesAt"
          type="date"
          value={values.closesOn}
          onChange={(closesOn) => set({ closesOn })}
        />
      </div>
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={update.isPending} isDisabled={!dirty}>
          Enregistrer les réglages
        </Button>
      </div>
    </Form>
  );
}
