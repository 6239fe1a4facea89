import { useState } from "react";
import { messageOf } from "../../lib/api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { downloadExport, type ExportKind } from "./api";

/** Downloads: the raw answers (coordination only) and the results summary, each as CSV or XLSX. */
export function ExportButtons({
  clsmId,
  surveyId,
  manage,
}: {
  clsmId: string;
  surveyId: string;
  manage: boolean;
}) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (kind: ExportKind, format: "csv" | "xlsx") => {
    setPending(`${kind}-${format}`);
    setError(null);
    try {
      await downloadExport(clsmId, surveyId, kind, format);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPending(null);
    }
  };
  const button = (kind: ExportKind, format: "csv" | "xlsx", label: string) => (
    <Button
      size="sm"
      isPending={pending === `${kind}-${format}`}
      onPress={() => download(kind, format)}
      aria-label={`${kind === "responses" ? "Réponses brutes" : "Synthèse des résultats"} en ${label}`}
    >
      {label}
    </Button>
  );
  return (
    <div className="result-exports">
      {manage ? (
        <fieldset className="result-exports__group">
          <legend className="result-exports__label">Exporter les réponses brutes</legend>
          {button("responses", "csv", "CSV")}
          {button("responses", "xlsx", "XLSX")}
        </fieldset>
      ) : null}
      <fieldset className="result-exports__group">
        <legend className="result-exports__label">Exporter la synthèse</legend>
        {button("results", "csv", "CSV")}
        {button("results", "xlsx", "XLSX")}
      </fieldset>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
