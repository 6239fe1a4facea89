import { useState } from "react";
import { messageOf } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/Dialog";
import { TextField } from "../../ui/TextField";
import { type FeedScope, useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from "./api";
import "./convocations.css";

/**
 * A private link to subscribe to meetings from one's own calendar (Outlook, Google Agenda, Thunderbird, a phone):
 * the meetings of a CLSM, or one's own meetings across one's CLSMs. The link is shown once, when it is created —
 * only its fingerprint is kept — so copying it again means creating a new one, which also voids the old one.
 */
export function CalendarFeedCard({
  scope,
  headingLevel = 2,
}: {
  scope: FeedScope;
  /** The level of the card's heading in the page that embeds it. */
  headingLevel?: 2 | 3;
}) {
  const feed = useCalendarFeed(scope);
  const create = useCreateCalendarFeed(scope);
  const revoke = useRevokeCalendarFeed(scope);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const id = scope.kind === "clsm" ? `agenda-${scope.clsmId}` : "agenda-personnel";
  const title = scope.kind === "clsm" ? "S'abonner aux réunions du CLSM" : "S'abonner à mes réunions";
  const what =
    scope.kind === "clsm"
      ? "Les réunions de ce CLSM apparaissent dans votre agenda et s'y mettent à jour (sauf celles des instances confidentielles)."
      : "Les réunions auxquelles vous êtes invité·e, dans tous vos CLSM, apparaissent dans votre agenda et s'y mettent à jour.";

  const newLink = () => {
    setCopied(false);
    create.mutate(undefined, { onSuccess: (data) => setUrl(data.url) });
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      <p>{what}</p>
      {feed.isError ? <Alert tone="error">{messageOf(feed.error)}</Alert> : null}
      {create.isError ? <Alert tone="error">{messageOf(create.error)}</Alert> : null}
      {revoke.isError ? <Alert tone="error">{messageOf(revoke.error)}</Alert> : null}
      {url ? (
        <>
          <Alert tone="success" title="Votre lien est prêt.">
            Copiez-le maintenant : pour votre sécurité, il ne sera plus affiché. Dans votre agenda, choisissez
            « S'abonner à un agenda » ou « Ajouter un agenda depuis une adresse (URL) », puis collez-le.
          </Alert>
          <div className="copy-field">
            <TextField label="Lien d'abonnement (privé)" value={url} isReadOnly name="calendarFeedUrl" />
            <Button onPress={copy}>Copier le lien</Button>
          </div>
          {copied ? <Alert tone="info">Lien copié.</Alert> : null}
          <p className="muted">Ne le partagez pas : toute personne qui l'a voit ces réunions.</p>
        </>
      ) : feed.data?.active ? (
        <p>
          Vous avez un lien actif, créé le {formatDate(feed.data.createdAt as string)}. Pour le recopier,
          créez-en un nouveau : l'ancien cessera de fonctionner.
        </p>
      ) : feed.isSuccess ? (
        <p>Vous n'avez pas encore de lien d'abonnement.</p>
      ) : null}
      {feed.isSuccess ? (
        <div className="form__actions">
          {feed.data.active ? (
            <>
              <Button onPress={() => setConfirmRotate(true)} isPending={create.isPending}>
                Créer un nouveau lien
              </Button>
              <Button
                variant="danger"
                isPending={revoke.isPending}
                onPress={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
              >
                Désactiver le lien
              </Button>
            </>
          ) : (
            <Button variant="primary" onPress={newLink} isPending={create.isPending}>
              Créer mon lien d'abonnement
            </Button>
          )}
        </div>
      ) : null}
      {!feed.data?.active && revoke.isSuccess ? (
        <Alert tone="info">Le lien est désactivé : les agendas abonnés ne reçoivent plus ces réunions.</Alert>
      ) : null}
      <ModalDialog title="Créer un nouveau lien ?" isOpen={confirmRotate} onOpenChange={setConfirmRotate}>
        {(close) => (
          <>
            <p>
              L'ancien lien cessera de fonctionner : les agendas qui y sont abonnés ne recevront plus ces
              réunions. Il faudra vous abonner à nouveau avec le nouveau lien.
            </p>
            <div className="form__actions">
              <Button
                variant="primary"
                onPress={() => {
                  close();
                  newLink();
                }}
              >
                Créer un nouveau lien
              </Button>
              <Button onPress={close}>Annuler</Button>
            </div>
          </>
        )}
      </ModalDialog>
    </section>
  );
}
