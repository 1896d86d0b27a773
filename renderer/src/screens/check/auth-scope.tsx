import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { MODE_SCOPES, SCOPE_LABELS, modeLabel, modeMeaning, octopusSteps, switchEffect, type Mode, type ModeScope, type ModeState } from '../../../../shared/modes';
import { errorMessage } from '../../api';
import { NARROW_MEDIA } from '../../hooks/use-media-query';
import { ErrorBar } from '../../components/error-bar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  title: { margin: '8px 0 0' },
  scope: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    [NARROW_MEDIA]: { gridTemplateColumns: 'minmax(0, 1fr)' },
    alignItems: 'center',
    gap: '12px',
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  current: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  reason: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground2, margin: 0 },
  meaning: { color: tokens.colorNeutralForeground2, margin: '2px 0 0' },
  steps: { margin: '8px 0 0', paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '4px' },
});

export interface AuthScopeProps {
  state: ModeState | undefined;
  ready: boolean;
  /** Why Federated identity is locked, one sentence per check that has not passed (empty when ready). */
  blockers: string[];
  /** Record the mode the admin set in Octopus. */
  onSwitch(scope: ModeScope, mode: Mode): Promise<void>;
}

/** "Authentication scope", as in the Octopus guide: Federated once the check passed, the way back always. */
export function AuthScope({ state, ready, blockers, onSwitch }: AuthScopeProps) {
  const s = useStyles();
  const [confirm, setConfirm] = useState<{ scope: ModeScope; mode: Mode } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A dialog opened without a DialogTrigger only returns focus to a marked element (Escape, Cancel).
  const restoreFocus = useRestoreFocusTarget();
  // After a switch the button that opened the dialog is replaced: focus goes to the scope's new action.
  const actionsRef = useRef<Partial<Record<ModeScope, HTMLDivElement | null>>>({});
  const focusAction = (scope: ModeScope) => requestAnimationFrame(() => actionsRef.current[scope]?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus());
  const reason = ready ? '' : `Locked until Check compatibility passes for this configuration. ${blockers.join(' ')}`;

  return (
    <section className={s.root} aria-labelledby="auth-scope-title">
      <Subtitle2 as="h3" id="auth-scope-title" className={s.title}>
        Authentication scope
      </Subtitle2>
      <p className={s.note}>
        Federation Desk does not change Octopus. You switch the mode in Octopus; Federation Desk shows you the steps, records the switch when you are
        done, and offers Federated identity only once the check proves the setup.
      </p>
      <ErrorBar message={error} />
      {MODE_SCOPES.map((scope) => {
        const current = state?.[scope] ?? 'username-password';
        const federated = current === 'federated';
        return (
          <div key={scope} className={s.scope} role="group" aria-label={SCOPE_LABELS[scope]}>
            <div>
              <div style={{ fontWeight: 600 }}>{SCOPE_LABELS[scope]}</div>
              <div className={s.current}>
                <Caption1>Current:</Caption1>
                <Badge appearance="tint" color={federated ? 'brand' : 'informative'}>
                  {modeLabel(scope, current)}
                </Badge>
              </div>
              <p className={s.meaning}>{modeMeaning(scope, current)}</p>
            </div>
            <div
              className={s.current}
              ref={(el) => {
                actionsRef.current[scope] = el;
              }}
            >
              {federated ? (
                <Button {...restoreFocus} onClick={() => setConfirm({ scope, mode: 'username-password' })}>
                  Return to {modeLabel(scope, 'username-password')}
                </Button>
              ) : (
                <>
                  {/* Locked but focusable: keyboard and screen-reader users reach it and hear why. */}
                  <Button
                    {...restoreFocus}
                    appearance="primary"
                    disabledFocusable={!ready}
                    aria-describedby={ready ? undefined : `${scope}-reason`}
                    onClick={() => ready && setConfirm({ scope, mode: 'federated' })}
                  >
                    Switch to Federated identity
                  </Button>
                  {!ready && (
                    <Caption1 id={`${scope}-reason`} className={s.reason}>
                      {reason}
                    </Caption1>
                  )}
                </>
              )}
            </div>
          </div>
        );
      })}

      {state && state.history.length > 0 && (
        <Table size="small" aria-label="Mode history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Done in Octopus</TableHeaderCell>
              <TableHeaderCell>Scope</TableHeaderCell>
              <TableHeaderCell>From</TableHeaderCell>
              <TableHeaderCell>To</TableHeaderCell>
              <TableHeaderCell>Configuration</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...state.history].reverse().map((h) => (
              <TableRow key={h.at + h.scope}>
                <TableCell>{new Date(h.at).toLocaleString()}</TableCell>
                <TableCell>{SCOPE_LABELS[h.scope].replace(' authentication mode', '')}</TableCell>
                <TableCell>{modeLabel(h.scope, h.from)}</TableCell>
                <TableCell>{modeLabel(h.scope, h.to)}</TableCell>
                <TableCell>
                  <code>{h.fingerprint}</code>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <Dialog open={confirm !== null} onOpenChange={(_e, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{confirm && `Set ${SCOPE_LABELS[confirm.scope].toLowerCase()} to ${modeLabel(confirm.scope, confirm.mode)} in Octopus`}</DialogTitle>
            <DialogContent>
              {confirm && (
                <>
                  <p className={s.note}>{switchEffect(confirm.scope, confirm.mode)}</p>
                  <ol className={s.steps} aria-label="Steps in Octopus">
                    {octopusSteps(confirm.scope, confirm.mode).map((step) => (
                      <li key={step}>{step}</li>
                    ))}
                  </ol>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const c = confirm;
                  setConfirm(null);
                  if (c)
                    onSwitch(c.scope, c.mode).then(
                      () => {
                        setError(null);
                        focusAction(c.scope);
                      },
                      (e: unknown) => setError(errorMessage(e)),
                    );
                }}
              >
                Done in Octopus
              </Button>
              <Button onClick={() => setConfirm(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
