import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { Alert } from "../ui/Alert";
import { Page } from "../ui/Page";
import { useClsm } from "../workspaces/api";

/**
 * A list page of the shared diagnostic (avis, priorités): the CLSM's name above the title, and on top the notice
 * that an action elsewhere (a deletion) left when it came back here.
 */
export function DiagnosticSectionPage({
  clsmId,
  title,
  lead,
  busy,
  actions,
  children,
}: {
  clsmId: string;
  title: string;
  lead: ReactNode;
  busy: boolean;
  actions: ReactNode;
  children: ReactNode;
}) {
  const clsm = useClsm(clsmId);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <Page
      title={title}
      eyebrow={clsm.data ? `Diagnostic partagé · ${clsm.data.name}` : "Diagnostic partagé"}
      busy={busy}
      lead={lead}
      actions={actions}
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {children}
    </Page>
  );
}
