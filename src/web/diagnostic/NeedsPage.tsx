import { useState } from "react";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useParams, useSearchParams } from "react-router";
import { type Objective, objectiveLabels, objectives } from "../../contracts/objectives";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError } from "../lib/api";
import { Alert } from "../ui/Alert";
import { Page } from "../ui/Page";
import { SelectField } from "../ui/SelectField";
import { useClsm } from "../workspaces/api";
import { useNeeds } from "./needs/api";
import { CreateNeedDialog } from "./needs/NeedDialogs";
import { NeedsList } from "./needs/NeedsList";
import { ObjectiveSummary } from "./needs/ObjectiveSummary";
import { CreateResourceDialog } from "./needs/ResourceDialogs";
import { ResourcesList } from "./needs/ResourcesList";
import "./needs/needs.css";

const ALL = "_all";
const objectiveOptions = [
  { id: ALL, label: "Tous les objectifs" },
  ...objectives.map((o) => ({ id: o, label: objectiveLabels[o] })),
];
const isObjective = (v: string | null): v is Objective => objectives.some((o) => o === v);

/**
 * The needs (constats) and the existing resources of the territory, side by side in two tabs, filtered by one of
 * the five objectives, with the count per objective that shows where needs have no resource yet.
 */
export function NeedsPage() {
  const { clsmId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const clsm = useClsm(clsmId);
  const objectiveParam = params.get("objectif");
  const objective = isObjective(objectiveParam) ? objectiveParam : undefined;
  const tab = params.get("vue") === "ressources" ? "ressources" : "besoins";
  // The first list also says whether the reader may change things.
  const probe = useNeeds(clsmId, { limit: 1 });
  const [notice, setNotice] = useState<string | null>(null);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  if (probe.isError && (isApiError(probe.error, 404) || isApiError(probe.error, 400)))
    return <NotFoundPage title="CLSM introuvable" />;
  const canManage = probe.data?.can.manage ?? false;
  return (
    <Page
      title="Besoins et ressources"
      eyebrow={clsm.data?.name}
      busy={probe.isPending}
      lead={
        <p>
          Les constats du territoire et ce qui existe déjà pour y répondre, rattachés aux cinq objectifs du
          CLSM et aux enquêtes et réunions sur lesquels ils reposent.
        </p>
      }
      actions={
        canManage ? (
          <>
            <CreateNeedDialog
              clsmId={clsmId}
              onCreated={(title) => {
                update({ vue: null });
                setNotice(
                  `Le besoin « ${title} » est enregistré. Ouvrez-le pour le relier à une enquête ou une réunion.`,
                );
              }}
            />
            <CreateResourceDialog
              clsmId={clsmId}
              onCreated={(title) => {
                update({ vue: "ressources" });
                setNotice(`La ressource « ${title} » est enregistrée.`);
              }}
            />
          </>
        ) : null
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ObjectiveSummary clsmId={clsmId} />
      <div className="toolbar">
        <SelectField
          label="Objectif"
          name="objective"
          options={objectiveOptions}
          selectedKey={objective ?? ALL}
          onSelectionChange={(k) => update({ objectif: k === null || k === ALL ? null : String(k) })}
        />
      </div>
      <Tabs
        className="tabs"
        selectedKey={tab}
        onSelectionChange={(k) => update({ vue: k === "ressources" ? "ressources" : null })}
      >
        <TabList className="tabs__list" aria-label="Besoins ou ressources">
          <Tab id="besoins" className="tabs__tab">
            Besoins
          </Tab>
          <Tab id="ressources" className="tabs__tab">
            Ressources
          </Tab>
        </TabList>
        <TabPanel id="besoins" className="tabs__panel">
          <NeedsList key={objective ?? ALL} clsmId={clsmId} objective={objective} />
        </TabPanel>
        <TabPanel id="ressources" className="tabs__panel">
          <ResourcesList key={objective ?? ALL} clsmId={clsmId} objective={objective} />
        </TabPanel>
      </Tabs>
    </Page>
  );
}
