import { DialogTrigger } from "react-aria-components";
import type { MeetingDetail } from "../../contracts/meetings";
import { Button } from "../ui/Button";
import { ModalDialog } from "../ui/Dialog";
import { useCreateMeeting } from "./api";
import { MeetingForm, type MeetingFormDefaults } from "./MeetingForm";

/** "Programmer une réunion" (coordination): the form in a dialog; `onScheduled` gets the first meeting created. */
export function ScheduleMeetingDialog({
  clsmId,
  defaults,
  onScheduled,
}: {
  clsmId: string;
  defaults?: MeetingFormDefaults;
  onScheduled: (meeting: MeetingDetail, count: number) => void;
}) {
  const create = useCreateMeeting(clsmId);
  return (
    <DialogTrigger onOpenChange={(open) => open && create.reset()}>
      <Button variant="primary">Programmer une réunion</Button>
      <ModalDialog title="Programmer une réunion" size="lg">
        {(close) => (
          <MeetingForm
            clsmId={clsmId}
            defaults={defaults}
            error={create.error}
            isPending={create.isPending}
            onCancel={close}
            submitLabel="Programmer"
            onCreate={(body) =>
              create.mutate(body, {
                onSuccess: (meeting) => {
                  close();
                  onScheduled(meeting, body.recurrence?.count ?? 1);
                },
              })
            }
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}
