import { MessageBar, MessageBarBody, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';
import type { ProfileView } from '../../../../shared/profile';
import { errorMessage } from '../../api';
import { ExpiryBanner } from '../../components/expiry/expiry-banner';
import { useProfilesStore, useSelectedProfile } from '../../stores/profiles-store';
import { FirstRun } from './first-run';
import { useAppStore } from '../../stores/app-store';
import { ProfileList } from './profile-list';
import { useNarrow } from '../../hooks/use-media-query';
import { FirstScreenShown, Loading, WhenOpened, lazyNamed, prefetchWhenIdle, useLoadedAfterPaint } from '../../lazy';
import { useNotify } from '../../notify';

// The form (with the profile rules and their schemas), the store's status and the dialogs load in
// chunks of their own, so the list and the welcome show first (bench/renderer-weight.bench.ts). The
// form's chunk is asked for once the welcome or the list is painted, not before: fetched and run
// earlier, it held up the profiles' answer by the time it took (bench/renderer-ready.bench.ts).
const ProfileEditor = lazyNamed(() => import('./profile-editor'), 'ProfileEditor');
const ProfileStoreStatus = lazyNamed(() => import('../../components/profile-store-status'), 'ProfileStoreStatus');
const DiscardDialog = lazyNamed(() => import('./profile-dialogs'), 'DiscardDialog');
const RenameDialog = lazyNamed(() => import('./profile-dialogs'), 'RenameDialog');
const ConfirmDeleteDialog = lazyNamed(() => import('../../components/confirm-delete-dialog'), 'ConfirmDeleteDialog');
// Only a narrow window shows the picker in place of the list; the app opens wide (see profile-picker.tsx).
const ProfilePicker = lazyNamed(() => import('./profile-picker'), 'ProfilePicker');

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(240px, 300px) minmax(0, 1fr)', gap: '24px', height: '100%', minHeight: 0 },
  narrowRoot: { display: 'flex', flexDirection: 'column', gap: '12px', height: '100%', minHeight: 0 },
  listPane: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, paddingRight: '16px', overflowY: 'auto' },
  // The picker above the form keeps the form pane's right padding, so their right edges line up.
  pickerPane: { paddingRight: '8px' },
  // One column as wide as the form at most (profile-editor.tsx): the welcome, notices and banners
  // above it end where its fields end. The pane itself stays full width: it is the scroll container.
  editorPane: { overflowY: 'auto', paddingRight: '8px', paddingBottom: '24px', minWidth: 0, minHeight: 0, flex: '1 1 auto', '& > *': { maxWidth: '720px' } },
  title: { display: 'block', marginBottom: '16px' },
  danger: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand, ':hover': { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand } },
});

/**
 * "Create a profile" takes the keyboard to the form's first field, also when it is clicked before
 * the form's chunk has arrived: wait for the chunk, then for the frame that renders the field.
 */
async function focusNewProfileName(): Promise<void> {
  await ProfileEditor.preload();
  // At most about two seconds of frames: the form renders within a few once its chunk is there.
  for (let frame = 0; frame < 120; frame++) {
    const input = document.querySelector<HTMLElement>('form[aria-label="New profile"] input[name="name"]');
    if (input) {
      input.focus();
      return;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

type Pending = { kind: 'select'; id: string } | { kind: 'new' };

export function ProfilesScreen({ toasterId }: { toasterId: string }) {
  const styles = useStyles();
  const profiles = useProfilesStore((s) => s.profiles);
  const selectedId = useProfilesStore((s) => s.selectedId);
  const creating = useProfilesStore((s) => s.creating);
  const loaded = useProfilesStore((s) => s.loaded);
  // The form is the heaviest part of the page and the first screen is usable without it: its chunk
  // is asked for once the list or the welcome is painted, and it renders when that chunk is here.
  const formChunk = useLoadedAfterPaint(ProfileEditor, ProfileStoreStatus);
  const formLoaded = loaded && formChunk.loaded;
  const loadError = useProfilesStore((s) => s.loadError);
  const { select, startNew, rename, duplicate, remove, createPractice } = useProfilesStore.getState();
  const go = useAppStore((s) => s.go);
  const current = useSelectedProfile();
  const selected = creating ? undefined : current;
  const toast = useNotify(toasterId);
  const narrow = useNarrow();
  const List = narrow ? ProfilePicker : ProfileList;
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [renaming, setRenaming] = useState<ProfileView | null>(null);
  const [deleting, setDeleting] = useState<ProfileView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  useEffect(() => prefetchWhenIdle(DiscardDialog.preload, ConfirmDeleteDialog.preload, ProfilePicker.preload), []);

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

  return (
    <div className={narrow ? styles.narrowRoot : styles.root}>
      <div className={narrow ? styles.pickerPane : styles.listPane}>
        <Suspense fallback={null}>
          <List
            profiles={profiles}
            selectedId={selectedId}
            creating={creating}
            onSelect={(id) => id !== selectedId || creating ? request({ kind: 'select', id }) : undefined}
            onNew={() => request({ kind: 'new' })}
            onRename={setRenaming}
            onDuplicate={(p) =>
              void act(async () => {
                const copy = await duplicate(p.id);
                setDirty(false);
                toast(`Created "${copy.name}". The client secret was not copied: add it to the new profile.`);
              })
            }
            onDelete={(p) => setDeleting(p)}
          />
        </Suspense>
      </div>
      <section className={styles.editorPane} aria-labelledby="editor-heading">
        {loaded && profiles.length === 0 && !loadError && (
          <FirstRun
            // A form that cannot load is reported where it would be (formChunk.error).
            onCreate={() => void focusNewProfileName().catch(() => undefined)}
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
        {/* Rare news (a read-only file, records kept aside): with the form's render, not the welcome's. */}
        {formLoaded && (
          <Suspense fallback={null}>
            <ProfileStoreStatus />
          </Suspense>
        )}
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
        {formChunk.error && (
          <MessageBar intent="error">
            <MessageBarBody>The profile form could not be loaded ({formChunk.error}). Restart Federation Desk; if this happens again, reinstall it.</MessageBarBody>
          </MessageBar>
        )}
        {loaded && !formLoaded && !formChunk.error && <Loading label="Loading the profile form…" minHeight="50vh" />}
        {formLoaded && (
          <Suspense fallback={<Loading label="Loading the profile form…" minHeight="50vh" />}>
            <ProfileEditor key={selected?.id ?? 'new'} profile={selected} onDirtyChange={setDirty} onSaved={(m) => toast(m)} />
            <FirstScreenShown />
          </Suspense>
        )}
      </section>

      <WhenOpened open={pending !== null}>
        <DiscardDialog
          open={pending !== null}
          what={selected ? `"${selected.name}"` : 'the new profile'}
          onKeep={() => setPending(null)}
          onDiscard={() => pending && proceed(pending)}
        />
      </WhenOpened>

      <WhenOpened open={renaming !== null}>
        <RenameDialog
          profile={renaming}
          profiles={profiles}
          rename={rename}
          onRenamed={(p) => {
            setRenaming(null);
            toast(`Renamed to "${p.name}".`);
          }}
          onClose={() => setRenaming(null)}
        />
      </WhenOpened>

      <WhenOpened open={deleting !== null}>
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
      </WhenOpened>
    </div>
  );
}
