import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PracticeTenantInfo } from '../../../../shared/ipc-simulator';
import { call, errorMessage } from '../../api';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  row: { display: 'flex', flexDirection: 'column', gap: '8px', alignItems: 'flex-start' },
  fill: { flexShrink: 0, whiteSpace: 'nowrap' },
  grow: { alignSelf: 'stretch', minWidth: 0 },
});

export interface PracticePickerProps {
  scenario: string | undefined;
  onScenario(name: string): void;
  onFill(tenant: PracticeTenantInfo): void;
}

/** Picks the practice tenant's scenario and fills the form with its ready-made IDs. */
export function PracticePicker({ scenario, onScenario, onFill }: PracticePickerProps) {
  const s = useStyles();
  const [scenarios, setScenarios] = useState<{ name: string; description: string }[]>([]);
  const [user, setUser] = useState<PracticeTenantInfo['signInUser'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('practice:scenarios', {}).then(setScenarios, (e: unknown) => setError(errorMessage(e)));
  }, []);
  const current = scenarios.find((x) => x.name === scenario);

  return (
    <div className={s.box}>
      <div className={s.row}>
        <Field label="Practice scenario" className={s.grow} hint={current?.description}>
          <Select value={scenario ?? ''} onChange={(_e, d) => onScenario(d.value)}>
            <option value="" disabled>
              Choose a scenario…
            </option>
            {scenarios.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          className={s.fill}
          disabled={!scenario || busy}
          onClick={() => {
            if (!scenario) return;
            setBusy(true);
            call('practice:start', { scenario })
              .then((t) => {
                setUser(t.signInUser);
                setError(null);
                onFill(t);
              }, (e: unknown) => setError(errorMessage(e)))
              .finally(() => setBusy(false));
          }}
        >
          {busy ? 'Starting the practice tenant…' : "Fill in the scenario's IDs"}
        </Button>
      </div>
      {user && (
        <Caption1>
          Sign in to the practice tenant as <strong>{user.username}</strong> with the password <strong>{user.password}</strong>.
        </Caption1>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
