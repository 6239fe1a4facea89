import { useState } from "react";
import { Link } from "react-router";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Form, validators } from "../ui/Form";
import { Page } from "../ui/Page";
import { TextField } from "../ui/TextField";
import { useForgotPassword } from "./api";

export function ForgotPasswordPage() {
  const forgot = useForgotPassword();
  const [email, setEmail] = useState("");
  return (
    <Page
      title="Mot de passe oublié"
      width="narrow"
      lead={<p>Indiquez votre adresse : vous recevrez un lien pour choisir un nouveau mot de passe.</p>}
    >
      {forgot.isSuccess ? (
        <Alert tone="success">
          Si un compte existe pour cette adresse, un e-mail vient d'y être envoyé avec un lien pour choisir un
          nouveau mot de passe.
        </Alert>
      ) : null}
      <div className="card">
        <Form
          error={forgot.error}
          isPending={forgot.isPending}
          onSubmit={(event) => {
            event.preventDefault();
            forgot.mutate({ email: email.trim() });
          }}
        >
          <TextField
            label="Adresse e-mail"
            name="email"
            type="email"
            autoComplete="email"
            isRequired
            value={email}
            onChange={setEmail}
            validate={validators.email}
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={forgot.isPending}>
              Recevoir le lien
            </Button>
            <Link to="/connexion">Retour à la connexion</Link>
          </div>
        </Form>
      </div>
    </Page>
  );
}
