import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from "react-aria-components";
import { useSearchParams } from "react-router";
import type { MailItem } from "../../contracts/mail";
import { messageOf } from "../lib/api";
import { formatDateTime, formatNumber } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge, type BadgeTone } from "../ui/Badge";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { Pagination } from "../ui/Pagination";
import { useMailOutbox } from "./api";

const PAGE_SIZE = 20;

const statusLabels: Record<MailItem["status"], { label: string; tone: BadgeTone }> = {
  queued: { label: "En file d'attente", tone: "info" },
  sent: { label: "Envoyé", tone: "success" },
  failed: { label: "Échec", tone: "warning" },
  outbox: { label: "Boîte d'envoi (non envoyé)", tone: "neutral" },
};

export function MailOutboxPage() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get("debut") ?? 0) || 0);
  const mail = useMailOutbox({ limit: PAGE_SIZE, offset });
  return (
    <Page
      title="Courriels"
      lead={
        <p>
          Les courriels envoyés par la plateforme. Sans serveur SMTP configuré, ils restent ici, dans la boîte
          d'envoi : vous pouvez y lire les liens d'invitation et de connexion.
        </p>
      }
    >
      {mail.isPending ? <Loading label="Chargement des courriels…" /> : null}
      {mail.isError ? <Alert tone="error">{messageOf(mail.error)}</Alert> : null}
      {mail.data ? (
        <p className="muted">
          {formatNumber(mail.data.total)} courriel{mail.data.total > 1 ? "s" : ""}
        </p>
      ) : null}
      {mail.data && mail.data.items.length === 0 ? (
        <EmptyState title="Aucun courriel pour l'instant." />
      ) : null}
      {mail.data && mail.data.items.length > 0 ? (
        <>
          <ul className="mail-list">
            {mail.data.items.map((m) => (
              <li key={m.id} className="mail-item card">
                <Disclosure className="disclosure">
                  <Heading level={2} className="mail-item__heading">
                    <AriaButton slot="trigger" className="disclosure__trigger mail-item__trigger">
                      <span className="disclosure__chevron" aria-hidden="true">
                        ▸
                      </span>
                      <span className="mail-item__subject">{m.subject}</span>
                    </AriaButton>
                  </Heading>
                  <p className="mail-item__meta">
                    <span>
                      À <strong>{m.to}</strong>
                    </span>
                    <span>{formatDateTime(m.createdAt)}</span>
                    <Badge tone={statusLabels[m.status].tone}>{statusLabels[m.status].label}</Badge>
                    {m.attempts > 1 ? <span>{m.attempts} tentatives</span> : null}
                  </p>
                  {m.lastError ? <p className="mail-item__error">Dernière erreur : {m.lastError}</p> : null}
                  <DisclosurePanel className="disclosure__panel">
                    <pre className="mail-item__text">{m.text}</pre>
                  </DisclosurePanel>
                </Disclosure>
              </li>
            ))}
          </ul>
          <Pagination
            label="courriels"
            total={mail.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => {
              const p = new URLSearchParams(params);
              if (next > 0) p.set("debut", String(next));
              else p.delete("debut");
              setParams(p);
            }}
          />
        </>
      ) : null}
    </Page>
  );
}
