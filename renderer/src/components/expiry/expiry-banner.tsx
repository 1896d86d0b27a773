/**
 * The expiry banner above the profile editor: the most urgent credential in the title, the others
 * below it, and the way out (rotate the secret, check again). Silent while everything is fine.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, KeyResetRegular } from '@fluentui/react-icons';
import { Suspense, useEffect, useRef, useState } from 'react';
import type { ProfileView } from '../../../../shared/profile';
import { useExpiryStore } from '../../stores/expiry-store';
import { consequence, itemSentence, urgentItems } from './expiry-text';
import { lazyNamed } from '../../lazy';

// Not on screen until asked for: its own chunk (see renderer/src/lazy.tsx).
const RotationDialog = lazyNamed(() => import('./rotation-dialog'), 'RotationDialog');

const useStyles = makeStyles({
  bar: { marginBottom: '16px', minWidth: 0 },
  // Long host names and URLs wrap inside the bar instead of widening it past the window.
  body: { minWidth: 0, overflowWrap: 'anywhere' },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: '20px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', justifyContent: 'flex-end' },
  // In a narrow window the buttons wrap inside the bar instead of running past its edge.
  actionsBox: { maxWidth: '100%', minWidth: 0, whiteSpace: 'normal' },
});

export function ExpiryBanner({ profile }: { profile: ProfileView }) {
  const styles = useStyles();
  const report = useExpiryStore((s) => s.reports[profile.id]);
  const loading = useExpiryStore((s) => s.loading[profile.id] ?? false);
  const load = useExpiryStore((s) => s.load);
  const [rotating, setRotating] = useState(false);
  // The rotation dialog has no DialogTrigger: Close and Escape give focus back to the button that
  // opened it (WAI-ARIA APG, dialog pattern). Not with Fluent's useRestoreFocusTarget: that needs
  // tabster running before the button is focused, and the first screen does not load tabster.
  const rotateButton = useRef<HTMLButtonElement>(null);
  const wasRotating = useRef(false);
  useEffect(() => {
    const closed = wasRotating.current && !rotating;
    wasRotating.current = rotating;
    // Only when focus was lost with the dialog (to the page's body), never taking it from elsewhere.
    if (closed && (document.activeElement === null || document.activeElement === document.body)) rotateButton.current?.focus();
  }, [rotating]);

  // Again whenever the profile was saved (a new expiry date, a new secret).
  useEffect(() => {
    void load(profile.id);
  }, [profile.id, profile.updatedAt, load]);

  if (!report) return null;
  const urgent = urgentItems(report.items);
  const rotation = report.rotation;
  if (urgent.length === 0 && !rotation) return null;

  const known = urgent.filter((i) => i.state !== 'unknown');
  const head = known[0];
  const rest = urgent.filter((i) => i !== head);
  const intent = head ? (head.state === 'warning' ? 'warning' : 'error') : 'info';
  const secretNeedsRotation = urgent.some((i) => i.kind === 'client-secret' && i.state !== 'unknown');
  const title = head ? itemSentence(head) : rotation ? 'Client secret rotation in progress' : 'Some expiry dates are unknown';

  return (
    <>
      <MessageBar intent={rotation && !head ? 'info' : intent} layout="multiline" className={styles.bar} aria-label={`Expiry: ${title}`} data-testid="expiry-banner">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{title}</MessageBarTitle>
          {head && ` ${consequence(head)}`}
          {rotation && (
            <div>
              {rotation.stage === 'create'
                ? 'A secret rotation was started: paste and prove the new secret to finish it. The current secret stays in use until then.'
                : `The new secret ${rotation.next?.hint ?? ''}… is in use. Delete the old one${rotation.previous?.hint ? ` (${rotation.previous.hint}…)` : ''} in Entra, then complete the rotation.`}
            </div>
          )}
          {rest.length > 0 && (
            <ul className={styles.list}>
              {rest.map((i) => (
                <li key={i.credentialId}>{itemSentence(i)}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
        <MessageBarActions className={styles.actionsBox}>
          <div className={styles.actions}>
            {(secretNeedsRotation || rotation) && (
              <Button ref={rotateButton} appearance="primary" icon={<KeyResetRegular />} onClick={() => setRotating(true)}>
                {rotation ? 'Continue secret rotation' : 'Rotate client secret'}
              </Button>
            )}
            <Button icon={<ArrowClockwiseRegular />} disabled={loading} onClick={() => void load(profile.id, true)}>
              {loading ? 'Checking…' : 'Check again'}
            </Button>
          </div>
        </MessageBarActions>
      </MessageBar>
      {rotating && (
        <Suspense fallback={null}>
          <RotationDialog profile={profile} onClose={() => setRotating(false)} />
        </Suspense>
      )}
    </>
  );
}
