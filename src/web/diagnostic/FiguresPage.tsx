import { useState } from "react";
import { useParams } from "react-router";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { Alert } from "../ui/Alert";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { Pagination } from "../ui/Pagination";
import { useClsm } from "../workspaces/api";
import { useFigures } from "./figures/api";
import { CreateFigureDialog } from "./figures/FigureDialogs";
import { FiguresTables } from "./figures/FiguresTables";
import { PopulationSection } from "./figures/PopulationSection";

const LIMIT = 100;

/** The territory in figures: the official population, then the figures the CLSM added, each with its source. */
export function FiguresPage() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const figures = useFigures(clsmId, { limit: LIMIT, offset });
  if (figures.isError && (isApiError(figures.error, 404) || isApiError(figures.error, 400)))
    return <NotFoundPage title="CLSM introuvable" />;
  const data = figures.data;
  const canManage = data?.can.manage ?? false;
  return (
    <Page
      title="Chiffres du territoire"
      eyebrow={clsm.data?.name}
      busy={figures.isPending}
      lead={
        <p>
          La population officielle du territoire et les chiffres que le CLSM rassemble, chacun avec sa source.
          Les valeurs du département et de la France figurent à côté seulement quand elles ont été saisies.
        </p>
      }
      actions={
        canManage && data ? (
          <CreateFigureDialog
            clsmId={clsmId}
            population={data.population}
            onCreated={(label) => setNotice(`Le chiffre « ${label} » est ajouté.`)}
          />
        ) : null
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {figures.isPending ? <Loading label="Chargement des chiffres…" /> : null}
      {figures.isError ? <Alert tone="error">{messageOf(figures.error)}</Alert> : null}
      {data ? (
        <>
          <PopulationSection population={data.population} />
          <section className="section" aria-labelledby="added-figures">
            <h2 id="added-figures">Chiffres ajoutés par le CLSM</h2>
            {data.items.length === 0 ? (
              <EmptyState title="Aucun chiffre ajouté pour l'instant.">
                {canManage ? (
                  <p>
                    Ajoutez les indicateurs utiles au diagnostic (santé, logement, précarité…) avec leur
                    source, pour qu'ils figurent dans le diagnostic partagé.
                  </p>
                ) : null}
              </EmptyState>
            ) : (
              <FiguresTables
                clsmId={clsmId}
                items={data.items}
                population={data.population}
                canManage={canManage}
              />
            )}
            <Pagination
              total={data.total}
              limit={LIMIT}
              offset={offset}
              onChange={setOffset}
              label="chiffres"
            />
          </section>
        </>
      ) : null}
    </Page>
  );
}
