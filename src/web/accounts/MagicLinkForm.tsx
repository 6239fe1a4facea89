import { useState } from "react";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Form, validators } from "../ui/Form";
import { TextField } from "../ui/TextField";
import { useRequestMagicLink } from "./api";

/** Sign-in without a password: the server always answers 202, so the confirmation stays neutral. */
export function MagicLinkForm({ initialEmail }: { initialEmail: string }) {
  const request = useRequestMagicLink();
  const [email, setEmail] = useState<string | null>(null);
  const value = email ?? initialEmail;

  return (
    <section className="card card--quiet" aria-labelledby="sign-in-link">
      <h2 id="sign-in-link">Sans mot de passe</h2>
      <p>Recevez un lien de connexion par e-mail, valable 15 minutes.</p>
      {request.isSuccess ? (
        <Alert tone="success">
          Si un compte existe pour cette adresse, un lien de connexion vient d'y être envoyé. Pensez à
          vérifier vos courriers indésirables.
        </Alert>
      ) : null}
      <Form
        error={request.error}
        isPending={request.isPending}
        requiredNote={false}
        onSubmit={(event) => {
          event.preventDefault();
          request.mutate({ email: value.trim() });
        }}
      >
        <TextField
          label="Adresse e-mail pour recevoir le lien"
          name="email"
          type="email"
          autoComplete="email"
          isRequired
          value={value}
          onChange={setEmail}
          validate={validators.email}
        />
        <div className="form__actions">
          <Button type="submit" isPending={request.isPending}>
            Recevoir un lien de connexion par e-mail
          </Button>
        </div>
      </Form>
    </section>
  );
}
