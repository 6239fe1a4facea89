import { DialogTrigger } from "react-aria-components";
import { useNavigate } from "react-router";
import type { SurveyDetail } from "../../../contracts/surveys";
import { messageOf } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { type SurveyAction, useDeleteSurvey, useSurveyAction } from "./api";
import { closingDay } from "./dates";

/** Where the survey stands, said in a sentence. */
function stateSentence(s: SurveyDetail): string {
  const closes = s.closesAt ? ` jusqu'au ${formatDate(closingDay(s.closesAt))} inclus` : "";
  switch (s.state) {
    case "draft":
      return "Brouillon : l'enquête ne reçoit pas encore de réponses. Publiez-la quand le questionnaire est prêt.";
    case "scheduled":
      return `Programmée : elle s'ouvrira le ${formatDate(s.opensAt ?? "")}${closes}.`;
    case "open":
      return `Ouverte : elle reçoit des réponses${closes}.`;
    case "closed":
      return "Close : elle ne reçoit plus de réponses. Vous pouvez la rouvrir.";
  }
}

/** Publish, close, reopen, duplicate, delete. */
export function SurveyLifecycle({
  clsmId,
  survey,
  dirty,
  onDone,
}: {
  clsmId: string;
  survey: SurveyDetail;
  /** Unsaved changes elsewhere on the page: publishing would publish the saved version. */
  dirty: boolean;
  onDone: (message: string) => void;
}) {
  const action = useSurveyAction(clsmId, survey.id);
  const remove = useDeleteSurvey(clsmId, survey.id);
  const navigate = useNavigate();
  const base = `/clsm/${clsmId}/diagnostic/enquetes`;
  const run = (name: SurveyAction, message: string) =>
    action.mutate(name, {
      onSuccess: (s) => {
        if (name === "duplicate")
          navigate(`${base}/${s.id}`, { state: { notice: `Copie créée : « ${s.title} », en brouillon.` } });
        else onDone(message);
      },
    });

  return (
    <div className="stack">
      <p>{stateSentence(survey)}</p>
      {dirty && survey.state === "draft" ? (
        <p className="field__description">
          Enregistrez d'abord vos modifications : c'est la version enregistrée qui est publiée.
        </p>
      ) : null}
      {action.error ? <Alert tone="error">{messageOf(action.error)}</Alert> : null}
      <div className="form__actions">
        {survey.state === "draft" ? (
          <Button
            variant="primary"
            isPending={action.isPending && action.variables === "publish"}
            onPress={() => run("publish", "L'enquête est publiée.")}
          >
            Publier l'enquête
          </Button>
        ) : null}
        {survey.state === "scheduled" || survey.state === "open" ? (
          <Button
            isPending={action.isPending && action.variables === "close"}
            onPress={() => run("close", "L'enquête est clôturée : elle ne reçoit plus de réponses.")}
          >
            Clôturer l'enquête
          </Button>
        ) : null}
        {survey.state === "closed" ? (
          <Button
            isPending={action.isPending && action.variables === "reopen"}
            onPress={() => run("reopen", "L'enquête est rouverte.")}
          >
            Rouvrir l'enquête
          </Button>
        ) : null}
        <Button
          isPending={action.isPending && action.variables === "duplicate"}
          onPress={() => run("duplicate", "")}
        >
          Dupliquer
        </Button>
        {survey.responseCount === 0 ? (
          <DialogTrigger>
            <Button variant="danger">Supprimer</Button>
            <ConfirmDialog
              title="Supprimer l'enquête ?"
              confirmLabel="Supprimer définitivement"
              autoFocusCancel={false}
              isPending={remove.isPending}
              error={remove.error}
              onConfirm={() =>
                remove.mutate(undefined, {
                  onSuccess: () =>
                    navigate(base, {
                      state: { notice: `L'enquête « ${survey.title} » est supprimée.` },
                    }),
                })
              }
            >
              <p>
                L'enquête « {survey.title} » et son questionnaire seront supprimés. Cette action est
                définitive.
              </p>
            </ConfirmDialog>
          </DialogTrigger>
        ) : (
          <p className="field__description">
            Une enquête qui a reçu des réponses ne peut pas être supprimée : clôturez-la pour arrêter la
            collecte.
          </p>
        )}
      </div>
    </div>
  );
}
