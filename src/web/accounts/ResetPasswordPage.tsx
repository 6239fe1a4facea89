import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Form } from "../ui/Form";
import { Page } from "../ui/Page";
import { TextField } from "../ui/TextField";
import { useResetPassword } from "./api";

const MIN_LENGTH = 10;

/** Used both after "mot de passe oublié" and by invited people choosing their first password. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const reset = useResetPassword();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const token = params.get("token");

  if (!token) {
    return (
      <Page title="Choisir un mot de passe" width="narrow">
        <Alert tone="error">
          Ce lien est incomplet. Ouvrez le lien reçu par e-mail, ou demandez-en un nouveau.
        </Alert>
        <p>
          <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page
      title="Choisir un mot de passe"
      width="narrow"
      lead={<p>Choisissez le mot de passe de votre compte Maillage.</p>}
    >
      <div className="card">
        <Form
          error={reset.error}
          isPending={reset.isPending}
          onSubmit={(event) => {
            event.preventDefault();
            reset.mutate(
              { token, password },
              { onSuccess: () => navigate("/connexion?motdepasse=1", { replace: true }) },
            );
          }}
        >
          <TextField
            label="Nouveau mot de passe"
            name="password"
            type="password"
            autoComplete="new-password"
            description={`Au moins ${MIN_LENGTH} caractères. Une phrase facile à retenir convient très bien.`}
            isRequired
            value={password}
            onChange={setPassword}
            validate={(v) =>
              v.length < MIN_LENGTH
                ? `Le mot de passe doit contenir au moins ${MIN_LENGTH} caractères.`
                : null
            }
          />
          <TextField
            label="Confirmer le mot de passe"
            name="confirmation"
            type="password"
            autoComplete="new-password"
            isRequired
            value={confirmation}
            onChange={setConfirmation}
            validate={(v) => (v !== password ? "Les deux mots de passe ne sont pas identiques." : null)}
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={reset.isPending}>
              Enregistrer le mot de passe
            </Button>
          </div>
        </Form>
        {reset.isError ? (
          <p>
            <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
          </p>
        ) : null}
      </div>
    </Page>
  );
}
