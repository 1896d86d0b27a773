import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PracticeTenantInfo } from '../../../../shared/ipc-simulator';
import { TARGET_LABELS, type TargetId } from '../../../../shared/targets/target-ids';
import { call, errorMessage } from '../../api';
import { usePracticeStore } from '../../stores/practice-store';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  row: { display: 'flex', flexDirection: 'column', gap: '8px', alignItems: 'flex-start' },
  fill: { flexShrink: 0, whiteSpace: 'nowrap' },
  grow: { alignSelf: 'stretch', minWidth: 0 },
});

export interface PracticePickerProps {
  /** The profile's target: only scenarios that mean something for it are offered. */
  target: TargetId;
  scenario: string | undefined;
  onScenario(name: string): void;
  onFill(tenant: PracticeTenantInfo): void;
  /** True from the click on Fill until its values arrive (or fail): the form must not be saved half filled meanwhile. */
  onFilling(filling: boolean): void;
}

/**
 * Picks the practice tenant's scenario for the profile's target and fills the form with its
 * ready-made IDs and secret. Neither starts a practice tenant: the values are the scenario's
 * definition, and a check, sign-in or audit starts the tenant it needs.
 */
export function PracticePicker({ target, scenario, onScenario, onFill, onFilling }: PracticePickerProps) {
  const s = useStyles();
  const loaded = usePracticeStore((st) => st.scenarios);
  const scenarios = loaded ?? [];
  const [user, setUser] = useState<PracticeTenantInfo['signInUser'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusyState] = useState(false);
  const setBusy = (next: boolean) => {
    setBusyState(next);
    onFilling(next);
  };

  useEffect(() => {
    void usePracticeStore.getState().loadScenarios();
  }, []);
  const offered = scenarios.filter((x) => x.targets.includes(target));
  const current = scenarios.find((x) => x.name === scenario);
  const notForTarget = current && !current.targets.includes(target);

  return (
    <div className={s.box}>
      <div className={s.row}>
        <Field
          label="Practice scenario"
          className={s.grow}
          validationState={notForTarget ? 'warning' : 'none'}
          validationMessage={notForTarget ? `“${current.title}” is practice for ${current.targets.map((t) => TARGET_LABELS[t]).join(', ')} only: choose a scenario for ${TARGET_LABELS[target]}.` : undefined}
          hint={current?.description}
        >
          <Select value={scenario ?? ''} onChange={(_e, d) => onScenario(d.value)}>
            <option value="" disabled>
              Choose a scenario…
            </option>
            {notForTarget && <option value={current.name}>{current.title}</option>}
            {offered.map((x) => (
              <option key={x.name} value={x.name}>
                {x.title}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          className={s.fill}
          disabled={!scenario || busy || notForTarget}
          onClick={() => {
            if (!scenario) return;
            setBusy(true);
            call('practice:values', { scenario })
              .then((t) => {
                setUser(t.signInUser);
                setError(null);
                onFill(t);
              }, (e: unknown) => setError(errorMessage(e)))
              .finally(() => setBusy(false));
          }}
        >
          Fill in the scenario&apos;s IDs
        </Button>
      </div>
      {user && (
        <Caption1>
          Sign in to the practice tenant as <strong>{user.username}</strong> with the password <strong>{user.password}</strong>. It runs on this computer only
          while a check, sign-in or audit uses it, and starts again by itself.
        </Caption1>
      )}
      {loaded === null && (
        <MessageBar intent="error">
          <MessageBarBody>The practice scenarios could not be listed. Restart Federation Desk; if it keeps happening, the log says why.</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
