import type { ReactNode } from "react";
import { Button } from "../../ui/Button";
import { Form } from "../../ui/Form";

/** The part of a React Query mutation that the needs' dialogs use. */
export interface RecordMutation<Variables, Data = unknown> {
  mutate: (variables: Variables, options: { onSuccess: (data: Data) => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

/** What a dialog hands to NeedForm or ResourceForm (both take the same). */
export interface RecordFormProps<Body> {
  error: unknown;
  isPending: boolean;
  onSubmit: (body: Body) => void;
  onCancel: () => void;
}

/** The form around a need's or a resource's fields, with its "Enregistrer" and "Annuler" buttons. */
export function RecordForm({
  error,
  isPending,
  onSubmit,
  onCancel,
  children,
}: {
  error: unknown;
  isPending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Form
      error={error}
      isPending={isPending}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          Enregistrer
        </Button>
        <Button onPress={onCancel}>Annuler</Button>
      </div>
    </Form>
  );
}
