import { useState } from "react";
import { messageOf } from "../../lib/api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { downloadSignInSheet } from "./api";

/**
 * "Feuille d'émargement (PDF)": the server makes the sheet (invitees, signature cells, blank rows for those who
 * come unannounced) and the browser saves it. For the coordination only, as the API.
 */
export function SignInSheetButton({ clsmId, meetingId }: { clsmId: string; meetingId: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="stack">
      <div className="form__actions">
        <Button
          isPending={pending}
          onPress={async () => {
            setPending(true);
            setError(null);
            try {
              await downloadSignInSheet(clsmId, meetingId);
            } catch (e) {
              setError(messageOf(e));
            } finally {
              setPending(false);
            }
          }}
        >
          Feuille d'émargement (PDF)
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
