import { useEffect } from "react";
import { useLocation, useParams } from "react-router";
import { useMe } from "../accounts/api";
import { NotFoundPage } from "../app/NotFoundPage";
import { PillarsSummary } from "../directory/PillarsPage";
import { isApiError, messageOf } from "../lib/api";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { ButtonLink } from "../ui/Button";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { useClsm } from "./api";
import { EditClsmDialog } from "./EditClsmDialog";
import { scaleLabels, statusLabels, statusTones } from "./labels";
import { forgetClsm, rememberClsm } from "./last-clsm";
import { MembersSection } from "./MembersSection";
import { TerritorySection } from "./TerritorySection";

export function ClsmHomePage() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  const { data: me } = useMe();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const meId = me?.id;

  const found = clsm.isSuccess;
  const missing = clsm.isError && (isApiError(clsm.error, 404) || isApiError(clsm.error, 400));
  useEffect(() => {
    if (!meId) return;
    if (found) rememberClsm(meId, clsmId);
    if (missing) forgetClsm(meId);
  }, [meId, clsmId, found, missing]);

  if (missing) return <NotFoundPage title="CLSM introuvable" />;
  if (clsm.isError)
    return (
      <Page title="CLSM">
        <Alert tone="error">{messageOf(clsm.error)}</Alert>
      </Page>
    );
  if (clsm.isPending)
    return (
      <Page title="Chargement du CLSM…" busy>
        <Loading label="Chargement du territoire et des membres…" />
      </Page>
    );

  const c = clsm.data;
  return (
    <Page
      title={c.name}
      eyebrow="Conseil local de santé mentale"
      lead={
        <p className="badges">
          <Badge tone={statusTones[c.status]}>
            <span className="visually-hidden">Statut : </span>
            {statusLabels[c.status]}
          </Badge>
          <Badge tone="neutral">
            <span className="visually-hidden">Échelle : </span>
            {scaleLabels[c.territory.scale]}
          </Badge>
        </p>
      }
      actions={
        c.can.manage || c.can.editTerritory ? (
          <>
            {c.can.manage ? <EditClsmDialog clsm={c} /> : null}
            {c.can.editTerritory ? (
              <ButtonLink href={`/clsm/${c.id}/territoire`}>Modifier le territoire</ButtonLink>
            ) : null}
          </>
        ) : null
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <PillarsSummary clsmId={c.id} />
      <TerritorySection clsm={c} />
      <MembersSection clsmId={c.id} canManage={c.can.manageMembers} currentUserId={meId} />
    </Page>
  );
}
