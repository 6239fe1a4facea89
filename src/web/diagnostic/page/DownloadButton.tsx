import { useState } from "react";
import { apiDownload, messageOf } from "../../lib/api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";

/** Downloads a document the API makes (a DOCX); the server names the file, a failure is said next to the button. */
export function DownloadButton({
  path,
  fallbackName,
  children,
}: {
  path: string;
  fallbackName: string;
  children: string;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        isPending={pending}
        onPress={async () => {
          setError(null);
          setPending(true);
          try {
            await apiDownload(path, undefined, fallbackName);
          } catch (e) {
            setError(messageOf(e));
          } finally {
            setPending(false);
          }
        }}
      >
        {children}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </>
  );
}
