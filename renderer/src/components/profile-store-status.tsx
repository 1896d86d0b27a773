/**
 * What the profiles file itself needs the user to know: that it is read-only (written by a newer
 * Federation Desk, left untouched), and the records kept aside because they break a rule, each with
 * its reason and a way to repair or delete it. Silent when the file is healthy.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { QuarantinedProfileView } from '../../../shared/ipc-profiles';
import { printable } from '../../../shared/targets/common-rules';
import { call, errorMessage } from '../api';
import { useProfilesStore } from '../stores/profiles-store';
import { WhenOpened, lazyNamed } from '../lazy';

// Its own chunk, loaded when a record is to be deleted (renderer/src/lazy.tsx).
const ConfirmDeleteDialog = lazyNamed(() => import('./confirm-delete-dialog'), 'ConfirmDeleteDialog');

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  section: {
    border: `1px solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: `${tokens.spacingVerticalS} 0 0`, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gap: tokens.spacingVerticalXXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  reason: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXXS },
});

/** A record's name as the user can read it: control characters shown as "?", none given as such. */
function label(q: QuarantinedProfileView): string {
  const name = q.name ?? q.id;
  if (!name) return 'A record without a name';
  return printable(name);
}

export function ProfileStoreStatus() {
  const styles = useStyles();
  const reloadProfiles = useProfilesStore((s) => s.load);
  const profileCount = useProfilesStore((s) => s.profiles.length);
  const [quarantine, setQuarantine] = useState<QuarantinedProfileView[]>([]);
  const [readOnly, setReadOnly] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<QuarantinedProfileView | null>(null);
  const [result, setResult] = useState<{ intent: 'success' | 'error'; title: string; lines: string[] } | null>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await call('profiles:list', {});
      setQuarantine(list.quarantine ?? []);
      setReadOnly(list.readOnly ?? null);
    } catch (error) {
      setResult({ intent: 'error', title: 'The profiles file could not be read', lines: [errorMessage(error)] });
    }
  }, []);

  // Again whenever the list of profiles changes (a save may have moved an unreadable file aside).
  useEffect(() => {
    void refresh();
  }, [refresh, profileCount]);

  const repair = async (q: QuarantinedProfileView) => {
    try {
      const { profile, changes } = await call('profiles:quarantine-repair', { key: q.key });
      setResult({ intent: 'success', title: `Restored "${profile.name}". Check its fields in the editor.`, lines: changes });
      await reloadProfiles();
      await refresh();
    } catch (error) {
      setResult({ intent: 'error', title: `"${label(q)}" could not be repaired`, lines: [errorMessage(error)] });
    }
  };

  const remove = async (q: QuarantinedProfileView) => {
    setDeleting(null);
    try {
      await call('profiles:quarantine-delete', { key: q.key });
      setResult({ intent: 'success', title: `Deleted "${label(q)}".`, lines: [] });
      await refresh();
    } catch (error) {
      setResult({ intent: 'error', title: `"${label(q)}" could not be deleted`, lines: [errorMessage(error)] });
    }
  };

  if (!readOnly && quarantine.length === 0 && !result) return null;
  return (
    <div className={styles.root}>
      {readOnly && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Read-only</MessageBarTitle>
            {readOnly}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent={result.intent} layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{result.title}</MessageBarTitle>
            {result.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {quarantine.length > 0 && (
        <section className={styles.section} aria-labelledby="quarantine-heading">
          <h3 id="quarantine-heading" className={styles.heading}>
            Profiles that could not be read
          </h3>
          <Text>
            They are kept unchanged in the profiles file; the other profiles loaded. Repair restores one as a profile (fields that break a rule are reset and listed), or
            delete it.
          </Text>
          <ul className={styles.list} aria-label="Profiles that could not be read">
            {quarantine.map((q) => (
              <li key={q.key} className={styles.item}>
                <Text className={styles.name}>{label(q)}</Text>
                <Text className={styles.reason}>Why: {q.reason}</Text>
                <div className={styles.actions}>
                  <Button size="small" disabled={readOnly !== null} aria-label={`Repair "${label(q)}"`} onClick={() => void repair(q)}>
                    Repair
                  </Button>
                  <Button size="small" disabled={readOnly !== null} aria-label={`Delete "${label(q)}"`} onClick={() => setDeleting(q)}>
                    Delete
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <WhenOpened open={deleting !== null}>
        <ConfirmDeleteDialog
          name={deleting ? label(deleting) : null}
          confirmLabel="Delete record"
          onConfirm={() => deleting && void remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          The record and any client secret stored for it are removed from this computer. Nothing changes in Entra ID. This cannot be undone.
        </ConfirmDeleteDialog>
      </WhenOpened>
    </div>
  );
}
