import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import {
  type OpinionDetail,
  opinionStatusLabels,
  opinionSubjectLabels,
} from "../../contracts/diagnostic-opinions";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { formatDate } from "../lib/format";
import { formatLongDate } from "../meetings/dates";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { useClsm } from "../workspaces/api";
import { opinionsBase, useOpinion } from "./opinions/api";
import { opinionStatusTones } from "./opinions/labels";
import { type Notice, OpinionActions } from "./opinions/OpinionActions";
import { OpinionEditor } from "./opinions/OpinionEditor";
import "./opinions/opinions.css";
import { StatusSteps } from "./opinions/StatusSteps";
import { DownloadButton } from "./page/DownloadButton";

/** One avis: its text (editable while a draft), where it stands, its adoption and its sending; DOCX download. */
export function OpinionPage() {
  const { opinionId = "" } = useParams();
  return <OpinionView key={opinionId} />;
}

function OpinionView() {
  const { clsmId = "", opinionId = "" } = useParams();
  const opinion = useOpinion(clsmId, opinionId);
  const clsmName = useClsm(clsmId).data?.name;
  const initial = (useLocation().state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState<Notice | null>(initial ? { tone: "success", text: initial } : null);

  if (opinion.isError && (isApiError(opinion.error, 404) || isApiError(opinion.error, 400)))
    return <NotFoundPage title="Avis introuvable" />;
  if (opinion.isError)
    return (
      <Page title="Avis">
        <Alert tone="error">{messageOf(opinion.error)}</Alert>
      </Page>
    );
  if (opinion.isPending)
    return (
      <Page title="Chargement de l'avis…" busy>
        <Loading label="Chargement de l'avis…" />
      </Page>
    );

  const o = opinion.data;
  return (
    <Page
      title={o.title}
      eyebrow={clsmName ? `Avis · ${clsmName}` : "Avis"}
      lead={
        <p className="badges">
          <Badge tone="info">{opinionSubjectLabels[o.subject]}</Badge>
          <Badge tone={opinionStatusTones[o.status]}>{opinionStatusLabels[o.status]}</Badge>
        </p>
      }
      actions={
        <>
          <DownloadButton path={`${opinionsBase(clsmId)}/${o.id}/export.docx`} fallbackName="avis.docx">
            Télécharger (DOCX)
          </DownloadButton>
          {o.can.manage ? <OpinionActions clsmId={clsmId} opinion={o} onDone={setNotice} /> : null}
        </>
      }
    >
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <StatusSteps status={o.status} />
      <Facts clsmId={clsmId} opinion={o} />
      {o.can.edit ? (
        <OpinionEditor clsmId={clsmId} opinion={o} onNotice={setNotice} />
      ) : (
        <section className="section" aria-labelledby="texte">
          <h2 id="texte">Texte de l'avis</h2>
          {o.body ? (
            <div className="opinion-text pre-line">{o.body}</div>
          ) : (
            <p className="muted">Le texte n'est pas encore rédigé.</p>
          )}
        </section>
      )}
    </Page>
  );
}

/** Where and when it was adopted, and to whom it was sent. */
function Facts({ clsmId, opinion: o }: { clsmId: string; opinion: OpinionDetail }) {
  if (!o.adoptedOn && !o.sentOn) return null;
  return (
    <dl className="facts">
      {o.adoptedOn ? (
        <div className="facts__item facts__item--wide">
          <dt>Adopté</dt>
          <dd>
            {o.meeting ? (
              <>
                en séance :{" "}
                <Link to={`/clsm/${clsmId}/reunions/${o.meeting.id}`}>
                  {o.meeting.title} du {formatLongDate(o.meeting.date)}
                </Link>
                {o.meeting.date !== o.adoptedOn ? `, le ${formatDate(o.adoptedOn)}` : null}
              </>
            ) : (
              `le ${formatDate(o.adoptedOn)}`
            )}
          </dd>
        </div>
      ) : null}
      {o.sentOn ? (
        <div className="facts__item facts__item--wide">
          <dt>Transmis</dt>
          <dd>
            le {formatDate(o.sentOn)}
            {o.sentTo ? ` à ${o.sentTo}` : ""}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
