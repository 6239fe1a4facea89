import type { ReactNode } from "react";
import { DialogTrigger } from "react-aria-components";
import { Button, type ButtonVariant } from "../../ui/Button";
import { ModalDialog } from "../../ui/Dialog";
import type { RecordFormProps, RecordMutation } from "./RecordForm";

/** A button that opens a large dialog of the same name, with the form that adds a need or a resource. */
export function AddRecordDialog<Body>({
  label,
  variant,
  create,
  form,
  onCreated,
}: {
  label: string;
  variant?: ButtonVariant;
  create: RecordMutation<Body, { title: string }>;
  form: (props: RecordFormProps<Body>) => ReactNode;
  /** Told the new record's title once it is saved and the dialog closed. */
  onCreated: (title: string) => void;
}) {
  return (
    // Each opening forgets the previous attempt's error.
    <DialogTrigger onOpenChange={(open) => open && create.reset()}>
      <Button variant={variant}>{label}</Button>
      <ModalDialog title={label} size="lg">
        {(close) =>
          form({
            error: create.error,
            isPending: create.isPending,
            onCancel: close,
            onSubmit: (body) =>
              create.mutate(body, {
                onSuccess: (record) => {
                  close();
                  onCreated(record.title);
                },
              }),
          })
        }
      </ModalDialog>
    </DialogTrigger>
  );
}

/** A record's title in a list, as the button that opens the record in a large dialog. */
export function RecordDialog({
  title,
  children,
}: {
  title: string;
  children: (close: () => void) => ReactNode;
}) {
  return (
    <DialogTrigger>
      <Button variant="quiet" className="cell-title link-button">
        {title}
      </Button>
      <ModalDialog title={title} size="lg">
        {children}
      </ModalDialog>
    </DialogTrigger>
  );
}
