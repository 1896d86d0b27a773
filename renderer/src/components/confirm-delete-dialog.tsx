/**
 * Asks before something is deleted from this computer: the title names it, the text says what goes
 * and that Entra ID is untouched. Cancel is the primary (default) action, so Enter never deletes.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface ConfirmDeleteDialogProps {
  /** What is about to be deleted, shown in the title; the dialog is open while it is not null. */
  name: string | null;
  children: ReactNode;
  confirmLabel: string;
  confirmClassName?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDeleteDialog({ name, children, confirmLabel, confirmClassName, onConfirm, onCancel }: ConfirmDeleteDialogProps) {
  return (
    <Dialog open={name !== null} onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete "{name ?? ''}"?</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button className={confirmClassName} onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button appearance="primary" onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
