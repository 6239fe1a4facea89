import { useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Form, validators } from "../ui/Form";
import { Page } from "../ui/Page";
import { TextField } from "../ui/TextField";
import { useMe, useSignIn } from "./api";
import { MagicLinkForm } from "./MagicLinkForm";
import { safeReturnPath } from "./safe-return";

const notices: Record<string, { tone: "error" | "success"; text: string }> = {
  lien: { tone: "error", text: "Ce lien n'est plus valide. Demandez-en un nouveau ci-dessous." },
};

export function SignInPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const back = safeReturnPath(params.get("retour"));

  if (me.data && !signIn.isSuccess) return <Navigate to={back} replace />;

  const error = params.get("erreur");
  const notice = error ? (notices[error] ?? notices.lien) : undefined;

  return (
    <Page title="Connexion" width="narrow" lead={<p>Accédez à l'espace de travail de votre CLSM.</p>}>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {params.get("deconnecte") ? <Alert tone="success">Vous êtes déconnecté·e. À bientôt !</Alert> : null}
      {params.get("motdepasse") ? (
        <Alert tone="success">Votre mot de passe est enregistré. Vous pouvez vous connecter.</Alert>
      ) : null}

      <section className="card" aria-labelledby="sign-in-password">
        <h2 id="sign-in-password">Avec votre mot de passe</h2>
        <Form
          error={signIn.error}
          isPending={signIn.isPending}
          onSubmit={(event) => {
            event.preventDefault();
            signIn.mutate(
              { email: email.trim(), password },
              { onSuccess: () => navigate(back, { replace: true }) },
            );
          }}
        >
          <TextField
            label="Adresse e-mail"
            name="email"
            type="email"
            autoComplete="username"
            isRequired
            value={email}
            onChange={setEmail}
            validate={validators.email}
          />
          <TextField
            label="Mot de passe"
            name="password"
            type="password"
            autoComplete="current-password"
            isRequired
            value={password}
            onChange={setPassword}
            validate={validators.required("Indiquez votre mot de passe.")}
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={signIn.isPending}>
              Se connecter
            </Button>
            <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
          </div>
        </Form>
      </section>

      <MagicLinkForm initialEmail={email} />
    </Page>
  );
}
