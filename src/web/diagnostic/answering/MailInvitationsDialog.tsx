import { useState } from "react";
import type { SurveyDetail } from "../../../contracts/surveys";
import { messageOf } from "../../lib/api";
import { formatDateTime, plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/Dialog";
import { TextField } from "../../ui/TextField";
import { useMailInvitations } from "./api";
import { mailedNotice, type Notice } from "./InvitationsSection";

/** Sends the invitations not sent yet, or reminds those who have not answered: confirmed, with a word if wanted. */
export function MailInvitationsDialog({
  clsmId,
  survey,
  what,
  count,
  onDone,
}: {
  clsmId: string;
  survey: SurveyDetail;
  what: "send" | "remind";
  count: number;
  onDone: (notice: Notice) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const mail = useMailInvitations(clsmId, survey.id, what);
  const label =
    what === "send"
      ? `Envoyer ${plural(count, "invitation", "invitations")}`
      : `Relancer ${plural(count, "personne", "personnes")}`;
  return (
    <>
      <Button variant={what === "send" ? "primary" : "secondary"} onPress={() => setOpen(true)}>
        {label}
      </Button>
      <ModalDialog
        title={what === "send" ? "Envoyer les invitations" : "Relancer les personnes sans réponse"}
        isOpen={isOpen}
        onOpenChange={setOpen}
      >
        {(close) => (
          <div className="stack">
            <p>
              {what === "send"
                ? `Un e-mail part vers chaque personne pas encore invitée qui a une adresse (${plural(count, "personne", "personnes")} en attente d'envoi) : son lien personnel${survey.closesAt ? `, la date de clôture (${formatDateTime(survey.closesAt)})` : ""} et ce que devient sa réponse (${survey.anonymous ? "anonyme" : "nominative"}).`
                : `Un rappel part vers chaque personne qui a reçu l'invitation sans répondre (${plural(count, "personne", "personnes")}), avec le même lien.`}
            </p>
            {mail.error ? <Alert tone="error">{messageOf(mail.error)}</Alert> : null}
            <TextField
              label="Un mot de la coordination (facultatif)"
              description="Ajouté au message."
              multiline
              maxLength={2000}
              value={message}
              onChange={setMessage}
            />
            <div className="form__actions">
              <Button
                variant="primary"
                isPending={mail.isPending}
                onPress={() =>
                  mail.mutate(message.trim() ? { message: message.trim() } : {}, {
                    onSuccess: (result) => {
                      onDone(mailedNotice(result, what));
                      setMessage("");
                      close();
                    },
                  })
                }
              >
                {label}
              </Button>
              <Button onPress={close}>Annuler</Button>
            </div>
          </div>
        )}
      </ModalDialog>
    </>
  );
}
