/**
 * The profiles page's dialogs (discard unsaved changes, rename). A chunk of their own: the first
 * screen does not show them, and the rename rule comes with the profile rules (shared/profile.ts).
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { validateName, type ProfileView } from '../../../../shared/profile';
import { errorMessage } from '../../api';

export function DiscardDialog({ open, what, onKeep, onDiscard }: { open: boolean; what: string; onKeep(): void; onDiscard(): void }) {
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onKeep()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Discard unsaved changes?</DialogTitle>
          <DialogContent>The changes you made to {what} have not been saved.</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeep}>
              Keep editing
            </Button>
            <Button onClick={onDiscard}>Discard changes</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export interface RenameDialogProps {
  /** The profile being renamed; the dialog is open while it is not null. */
  profile: ProfileView | null;
  profiles: ProfileView[];
  rename(id: string, name: string): Promise<ProfileView>;
  onRenamed(profile: ProfileView): void;
  onClose(): void;
}

export function RenameDialog({ profile, profiles, rename, onRenamed, onClose }: RenameDialogProps) {
  const [newName, setNewName] = useState(profile?.name ?? '');
  const [renameError, setRenameError] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState(profile);
  // A new profile to rename starts from its own name, without the last attempt's error.
  if (profile !== shownFor) {
    setShownFor(profile);
    if (profile) {
      setNewName(profile.name);
      setRenameError(null);
    }
  }
  const renameIssues = profile ? validateName(newName, profiles.filter((p) => p.id !== profile.id).map((p) => p.name)) : [];

  return (
    <Dialog open={profile !== null} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!profile || renameIssues.length > 0) return;
            rename(profile.id, newName)
              .then(onRenamed)
              .catch((error: unknown) => setRenameError(errorMessage(error)));
          }}
        >
          <DialogBody>
            <DialogTitle>Rename profile</DialogTitle>
            <DialogContent>
              <Field
                label="New name"
                validationState={renameIssues[0] || renameError ? 'error' : 'none'}
                validationMessage={renameIssues[0]?.message ?? renameError ?? undefined}
              >
                <Input value={newName} onChange={(_e, d) => setNewName(d.value)} autoFocus />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={renameIssues.length > 0}>
                Rename
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
