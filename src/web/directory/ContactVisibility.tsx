import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { directorySettings } from "../../contracts/directory";
import { api, messageOf } from "../lib/api";
import { Alert } from "../ui/Alert";
import { Checkbox } from "../ui/Checkbox";
import { dirKeys, useDirectorySettings } from "./api";

/** The coordinator's choice: do members see e-mails and phones? */
export function ContactVisibility({ clsmId }: { clsmId: string }) {
  const settings = useDirectorySettings(clsmId);
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (contactsVisibleToMembers: boolean) =>
      api(`/api/clsms/${clsmId}/directory/settings`, {
        method: "PATCH",
        body: { contactsVisibleToMembers },
        schema: directorySettings,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(dirKeys.settings(clsmId), data);
      setSaved(
        data.contactsVisibleToMembers
          ? "Les membres du CLSM voient désormais les adresses e-mail et les téléphones."
          : "Seule la coordination voit désormais les adresses e-mail et les téléphones.",
      );
    },
  });
  if (!settings.data?.can.manage) return null;
  return (
    <section className="section" aria-labelledby="confidentialite">
      <div className="section__header">
        <h2 id="confidentialite">Confidentialité des coordonnées</h2>
      </div>
      {update.isError ? <Alert tone="error">{messageOf(update.error)}</Alert> : null}
      <Checkbox
        isSelected={settings.data.contactsVisibleToMembers}
        isDisabled={update.isPending}
        onChange={(value) => {
          setSaved(null);
          update.mutate(value);
        }}
      >
        Les membres du CLSM voient les adresses e-mail et les téléphones de l'annuaire
      </Checkbox>
      <div aria-live="polite" className="selection-status">
        {saved ? <p>{saved}</p> : null}
      </div>
    </section>
  );
}
