import type { ReactNode } from "react";
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { Button } from "./Button";

export interface ModalDialogProps {
  title: string;
  /** Content; receives `close` to end the dialog after a successful action. */
  children: (close: () => void) => ReactNode;
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  size?: "md" | "lg";
  role?: "dialog" | "alertdialog";
}

/** A modal dialog: focus is trapped inside, Échap closes it, focus returns to the trigger. */
export function ModalDialog({ title, children, isOpen, onOpenChange, size = "md", role }: ModalDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isDismissable isOpen={isOpen} onOpenChange={onOpenChange}>
      <Modal className={`modal modal--${size}`}>
        <AriaDialog className="dialog" role={role}>
          {({ close }) => (
            <>
              <div className="dialog__header">
                <Heading slot="title" className="dialog__title">
                  {title}
                </Heading>
                <Button variant="quiet" size="sm" onPress={close} aria-label="Fermer la fenêtre">
                  <span aria-hidden="true">✕</span>
                </Button>
              </div>
              <div className="dialog__body">{children(close)}</div>
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
