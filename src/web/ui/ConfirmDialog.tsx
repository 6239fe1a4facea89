import type { ReactNode } from "react";
import { messageOf } from "../lib/api";
import { Alert } from "./Alert";
import { Button, type ButtonVariant } from "./Button";
import { ModalDialog } from "./Dialog";

interface ConfirmChoice {
  /** What the action will do: one or more paragraphs, and any option it takes. */
  children: ReactNode;
  confirmLabel: string;
  isPending?: boolean;
  /** The action's last error, announced above the message. */
  error?: unknown;
  /** "primary" for an action that destroys nothing. */
  confirmVariant?: "danger" | "primary";
  cancelLabel?: string;
  cancelVariant?: ButtonVariant;
  /** Focus the cancel button on showing, so that Entrée does not confirm by accident (on by default). */
  autoFocusCancel?: boolean;
}

export interface ConfirmContentProps extends ConfirmChoice {
  onConfirm: () => void;
  onCancel: () => void;
}

/** The question and its two answers, for a confirmation shown in place inside a dialog already open. */
export function ConfirmContent({
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  isPending,
  error,
  confirmVariant = "danger",
  cancelLabel = "Annuler",
  cancelVariant,
  autoFocusCancel = true,
}: ConfirmContentProps) {
  return (
    <div className="stack">
      {error ? <Alert tone="error">{messageOf(error)}</Alert> : null}
      {children}
      <div className="form__actions">
        <Button variant={confirmVariant} isPending={isPending} onPress={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant={cancelVariant} onPress={onCancel} autoFocus={autoFocusCancel}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}

export interface ConfirmDialogProps extends ConfirmChoice {
  title: string;
  /** Runs the action; call `close` once it succeeds (not needed when the page moves away). */
  onConfirm: (close: () => void) => void;
  /** Controlled opening; leave both out inside a DialogTrigger. */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
}

/** Asks before an action that cannot be undone: an alert dialog with the action's button and a way out. */
export function ConfirmDialog({ title, onConfirm, isOpen, onOpenChange, ...choice }: ConfirmDialogProps) {
  return (
    <ModalDialog title={title} role="alertdialog" isOpen={isOpen} onOpenChange={onOpenChange}>
      {(close) => <ConfirmContent {...choice} onConfirm={() => onConfirm(close)} onCancel={close} />}
    </ModalDialog>
  );
}
