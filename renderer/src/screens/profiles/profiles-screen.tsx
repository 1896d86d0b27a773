import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Title3,
  Toast,
  ToastTitle,
  makeStyles,
  tokens,
  useToastController,
} from '@fluentui/react-components';
import { useState } from 'react';
import { validateName, type ProfileView } from '../../../../shared/profile';
import { errorMessage } from '../../api';
import { ExpiryBanner } from '../../components/expiry/expiry-banner';
import { ProfileStoreStatus } from '../../components/profile-store-status';
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog';
import { useProfilesStore, useSelectedProfile } from '../../stores/profiles-store';
import { ProfileEditor } from './profile-editor';
import { FirstRun } from './first-run';
import { useAppStore } from '../../stores/app-store';
import { ProfileList, ProfilePicker } from './profile-list';
import { useNarrow } from '../../hooks/use-media-query';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(240px, 300px) minmax(0, 1fr)', gap: '24px', height: '100%', minHeight: 0 },
  narrowRoot: { display: 'flex', flexDirection: 'column', gap: '12px', height: '100%', minHeight: 0 },
  listPane: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, paddingRight: '16px', overflowY: 'auto' },
  editorPane: { overflowY: 'auto', paddingRight: '8px', paddingBottom: '24px', minWidth: 0, minHeight: 0, flex: '1 1 auto' },
  title: { display: 'block', marginBottom: '16px' },
  danger: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand, ':hover': { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand } },
});

type Pending = { kind: 'select'; id: string } | { kind: 'new' };

export function ProfilesScreen({ toasterId }: { toasterId: string }) {
  const styles = useStyles();
  const profiles = useProfilesStore((s) => s.profiles);
  const selectedId = useProfilesStore((s) => s.selectedId);
  const creating = useProfilesStore((s) => s.creating);
  const loaded = useProfilesStore((s) => s.loaded);
  const loadError = useProfilesStore((s) => s.loadError);
  const { select, startNew, rename, duplicate, remove, createPractice } = useProfilesStore.getState();
  const go = useAppStore((s) => s.go);
  const current = useSelectedProfile();
  const selected = creating ? undefined : current;
  const { dispatchToast } = useToastController(toasterId);
  const narrow = useNarrow();
  const List = narrow ? ProfilePicker : ProfileList;
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [renaming, setRenaming] = useState<ProfileView | null>(null);
  const [newName, setNewName] = useState('');
  const [renameError, setRenameError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ProfileView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const toast = (message: string) =>
    dispatchToast(
      <Toast>
        <ToastTitle>{message}</ToastTitle>
      </Toast>,
      { intent: 'success', timeout: 3000 },
    );

  const proceed = (p: Pending) => {
    setDirty(false);
    setPending(null);
    if (p.kind === 'select') void select(p.id);
    else startNew();
  };
  const request = (p: Pending) => (dirty ? setPending(p) : proceed(p));

  const act = async (fn: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await fn();
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };

  const renameIssues = renaming ? validateName(newName, profiles.filter((p) => p.id !== renaming.id).map((p) => p.name)) : [];

  return (
    <div className={narrow ? styles.narrowRoot : styles.root}>
      <div className={narrow ? undefined : styles.listPane}>
        <List
          profiles={profiles}
          selectedId={selectedId}
          creating={creating}
          onSelect={(id) => id !== selectedId || creating ? request({ kind: 'select', id }) : undefined}
          onNew={() => request({ kind: 'new' })}
          onRename={(p) => {
            setRenaming(p);
            setNewName(p.name);
            setRenameError(null);
          }}
          onDuplicate={(p) =>
            void act(async () => {
              const copy = await duplicate(p.id);
              setDirty(false);
              toast(`Created "${copy.name}". The client secret was not copied: add it to the new profile.`);
            })
          }
          onDelete={(p) => setDeleting(p)}
        />
      </div>
      <section className={styles.editorPane} aria-labelledby="editor-heading">
        {loaded && profiles.length === 0 && !loadError && (
          <FirstRun
            onCreate={() => document.querySelector<HTMLElement>('form[aria-label="New profile"] input[name="name"]')?.focus()}
            onPractice={() =>
              act(async () => {
                const p = await createPractice();
                setDirty(false);
                toast(`Created "${p.name}". Check compatibility proves it against the practice tenant.`);
                go('check');
              })
            }
          />
        )}
        <Title3 as="h2" id="editor-heading" className={styles.title}>
          {selected ? selected.name : 'New profile'}
        </Title3>
        <ProfileStoreStatus />
        {loadError && (
          <MessageBar intent="error">
            <MessageBarBody>The profiles could not be loaded: {loadError}</MessageBarBody>
          </MessageBar>
        )}
        {actionError && (
          <MessageBar intent="error">
            <MessageBarBody>{actionError}</MessageBarBody>
          </MessageBar>
        )}
        {loaded && selected && !creating && <ExpiryBanner profile={selected} />}
        {loaded && (
          <ProfileEditor key={selected?.id ?? 'new'} profile={selected} onDirtyChange={setDirty} onSaved={(m) => toast(m)} />
        )}
      </section>

      <Dialog open={pending !== null} onOpenChange={(_e, d) => !d.open && setPending(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Discard unsaved changes?</DialogTitle>
            <DialogContent>The changes you made to {selected ? `"${selected.name}"` : 'the new profile'} have not been saved.</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setPending(null)}>
                Keep editing
              </Button>
              <Button onClick={() => pending && proceed(pending)}>Discard changes</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={renaming !== null} onOpenChange={(_e, d) => !d.open && setRenaming(null)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!renaming || renameIssues.length > 0) return;
              rename(renaming.id, newName)
                .then((p) => {
                  setRenaming(null);
                  toast(`Renamed to "${p.name}".`);
                })
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
                <Button onClick={() => setRenaming(null)}>Cancel</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>

      <ConfirmDeleteDialog
        name={deleting?.name ?? null}
        confirmLabel="Delete profile"
        confirmClassName={styles.danger}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (target)
            void act(async () => {
              await remove(target.id);
              setDirty(false);
              toast(`Deleted "${target.name}".`);
            });
        }}
        onCancel={() => setDeleting(null)}
      >
        The profile and its stored client secret are removed from this computer. Nothing changes in Entra ID. This cannot be undone.
      </ConfirmDeleteDialog>
    </div>
  );
}
