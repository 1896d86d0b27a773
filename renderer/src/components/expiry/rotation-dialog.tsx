/**
 * The client-secret rotation guide: 1. create the new secret in Entra, 2. paste its Value and expiry,
 * 3. Federation Desk proves it (the `secret` probe) and only then uses it, keeping the old one,
 * 4. delete the old secret in Entra and complete. Closing keeps the rotation for later; abandoning
 * before the proof changes nothing, after it puts the old secret back.
 */
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
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { ProveResult } from '../../../../shared/ipc-expiry';
import type { ProfileView } from '../../../../shared/profile';
import { call, errorMessage } from '../../api';
import { useExpiryStore } from '../../stores/expiry-store';
import { usePracticeSecret } from '../../stores/practice-store';
import { PracticeSecret } from '../practice-secret';
import { NARROW_MEDIA } from '../../hooks/use-media-query';
import { ErrorBar } from '../error-bar';

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  steps: { margin: 0, paddingLeft: '22px', display: 'flex', flexDirection: 'column', gap: '16px', '& > li::marker': { fontWeight: tokens.fontWeightSemibold } },
  item: { display: 'list-item' },
  step: { display: 'flex', flexDirection: 'column', gap: '8px' },
  done: { color: tokens.colorNeutralForeground3 },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 180px', gap: '12px', alignItems: 'start', [NARROW_MEDIA]: { gridTemplateColumns: 'minmax(0, 1fr)' } },
  fix: { margin: '4px 0 0', paddingLeft: '20px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  actions: { justifyContent: 'flex-end', flexWrap: 'wrap', marginTop: '8px' },
});

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

export function RotationDialog({ profile, onClose }: { profile: ProfileView; onClose(): void }) {
  const styles = useStyles();
  const rotation = useExpiryStore((s) => s.reports[profile.id]?.rotation ?? null);
  // Actions only: they never change, so reading them through getState() subscribes to nothing.
  const { startRotation, prove, completeRotation, abandonRotation } = useExpiryStore.getState();
  const [secret, setSecret] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [busy, setBusy] = useState<null | 'prove' | 'complete' | 'abandon'>(null);
  const [result, setResult] = useState<ProveResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The control a step hands focus to when the one that had it goes away (a dialog must never lose
  // focus: Escape and Tab stop working when it falls to the page behind).
  const completeRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const focusSoon = (ref: React.RefObject<HTMLButtonElement | null>) => requestAnimationFrame(() => ref.current?.focus());
  const practiceSecret = usePracticeSecret(profile.cloud === 'practice' ? profile.practiceScenario : undefined, profile.target);

  useEffect(() => {
    startRotation(profile.id).catch((e: unknown) => setError(errorMessage(e)));
  }, [profile.id, startRotation]);

  const act = async (kind: 'prove' | 'complete' | 'abandon', fn: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const issue = (field: 'secret' | 'secretExpiresAt') => result?.issues.find((i) => i.field === field);
  const proven = rotation?.stage === 'overlap';

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Rotate the client secret of “{profile.name}”</DialogTitle>
          <DialogContent>
            {!rotation && !error && !notice && <Spinner size="small" label="Preparing the rotation…" />}
            {rotation && !notice && (
              <ol className={styles.steps}>
                <li className={proven ? `${styles.item} ${styles.done}` : styles.item}>
                  <div className={styles.step}>
                  <Text weight="semibold">Create a new client secret in Entra</Text>
                  <Text>
                    In the API app’s Certificates &amp; secrets, choose New client secret and copy its <strong>Value</strong> right away (Entra shows it only once), and note its
                    expiry date.
                  </Text>
                  {rotation.credentialsUrl ? (
                    <div className={styles.row}>
                      <Button icon={<OpenRegular />} disabled={proven} onClick={() => void call('shell:open-external', { url: rotation.credentialsUrl ?? '' }).catch((e: unknown) => setError(errorMessage(e)))}>
                        Open Certificates &amp; secrets
                      </Button>
                    </div>
                  ) : (
                    <div className={styles.step}>
                      <Text size={200}>The practice tenant has no admin center: its scenario’s secret stands for the new one.</Text>
                      {practiceSecret && (
                        <PracticeSecret secret={practiceSecret}>
                          <Button size="small" disabled={proven} onClick={() => setSecret(practiceSecret)}>
                            Use it as the new secret
                          </Button>
                        </PracticeSecret>
                      )}
                    </div>
                  )}
                  </div>
                </li>
                <li className={proven ? `${styles.item} ${styles.done}` : styles.item}>
                  <div className={styles.step}>
                  <Text weight="semibold">Paste it here: Federation Desk proves it before using it</Text>
                  {!proven && (
                    <form
                      className={styles.step}
                      onSubmit={(e) => {
                        e.preventDefault();
                        void act('prove', async () => {
                          const r = await prove(profile.id, secret, expiresAt);
                          setResult(r);
                          if (r.proven) {
                            setSecret('');
                            focusSoon(completeRef);
                          }
                        });
                      }}
                    >
                      <div className={styles.fields}>
                        <Field label="New secret value" required validationState={issue('secret') ? 'error' : 'none'} validationMessage={issue('secret')?.message}>
                          <Input type="password" value={secret} onChange={(_e, d) => setSecret(d.value)} autoComplete="off" spellCheck={false} />
                        </Field>
                        <Field label="New secret expires" required validationState={issue('secretExpiresAt') ? 'error' : 'none'} validationMessage={issue('secretExpiresAt')?.message}>
                          <Input type="date" value={expiresAt} onChange={(_e, d) => setExpiresAt(d.value)} />
                        </Field>
                      </div>
                      <div className={styles.row}>
                        {/* Focusable while busy: a control that turns disabled under the focus drops it to the page. */}
                        <Button type="submit" appearance="primary" disabledFocusable={busy !== null || secret.trim() === '' || expiresAt === ''}>
                          {busy === 'prove' ? 'Proving…' : 'Prove and use the new secret'}
                        </Button>
                        {busy === 'prove' && <Spinner size="tiny" aria-label="Proving the new secret" />}
                      </div>
                      <Text size={200}>The current secret{rotation.previous?.hint ? ` (${rotation.previous.hint}…)` : ''} stays in use until the new one is proven.</Text>
                    </form>
                  )}
                  {result && !result.proven && result.issues.every((i) => i.severity !== 'error') && (
                    <MessageBar intent="error" layout="multiline">
                      <MessageBarBody>
                        <MessageBarTitle>The new secret was not accepted</MessageBarTitle>
                        {result.summary} Nothing was changed.
                        {result.fix.length > 0 && (
                          <ul className={styles.fix}>
                            {result.fix.map((f) => (
                              <li key={f}>{f}</li>
                            ))}
                          </ul>
                        )}
                      </MessageBarBody>
                    </MessageBar>
                  )}
                  </div>
                </li>
                <li className={styles.item}>
                  <div className={styles.step}>
                  <Text weight="semibold">Delete the old secret in Entra</Text>
                  {proven ? (
                    <>
                      <MessageBar intent="success" layout="multiline">
                        <MessageBarBody>
                          <MessageBarTitle>The new secret {rotation.next?.hint}… works and is in use</MessageBarTitle>
                          It expires on {day(rotation.next?.expiresAt)}. The old secret{rotation.previous?.hint ? ` (${rotation.previous.hint}…)` : ''} is kept here until you complete
                          the rotation{rotation.overlapUntil ? `; you will be reminded on ${day(rotation.overlapUntil)}` : ''}.
                        </MessageBarBody>
                      </MessageBar>
                      <Text>
                        Give every Octopus server the new value first. Then delete the old secret{rotation.previous?.hint ? ` (the one whose value starts with ${rotation.previous.hint})` : ''} in
                        Certificates &amp; secrets, and choose Complete rotation.
                      </Text>
                      {rotation.credentialsUrl && (
                        <div className={styles.row}>
                          <Button icon={<OpenRegular />} onClick={() => void call('shell:open-external', { url: rotation.credentialsUrl ?? '' }).catch((e: unknown) => setError(errorMessage(e)))}>
                            Open Certificates &amp; secrets
                          </Button>
                        </div>
                      )}
                    </>
                  ) : (
                    <Text className={styles.done}>After the new secret is proven.</Text>
                  )}
                  </div>
                </li>
              </ol>
            )}
            {notice && (
              <MessageBar intent="info">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            <ErrorBar message={error} />
          </DialogContent>
          <DialogActions fluid className={styles.actions}>
            {proven && (
              <Button ref={completeRef} appearance="primary" disabledFocusable={busy !== null} onClick={() => void act('complete', async () => {
                await completeRotation(profile.id);
                onClose();
              })}>
                Complete rotation
              </Button>
            )}
            <Button
              disabledFocusable={busy !== null || !rotation}
              onClick={() =>
                void act('abandon', async () => {
                  const restored = await abandonRotation(profile.id);
                  if (restored) {
                    setNotice('The old secret is in use again. Delete the new one in Entra if you no longer need it.');
                    focusSoon(closeRef);
                  }
                  else onClose();
                })
              }
            >
              {proven ? 'Go back to the old secret' : 'Abandon rotation'}
            </Button>
            <Button ref={closeRef} appearance={proven ? 'secondary' : 'primary'} onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
