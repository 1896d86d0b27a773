/** The practice app's client secret, shown where the UI asks for a secret, with a Copy button. */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { TargetId } from '../../../shared/targets/target-ids';
import { usePracticeSecret } from '../stores/practice-store';
import { copyText } from '../screens/diagnose/clipboard';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: '8px' },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', userSelect: 'all' },
});

export interface PracticeSecretProps {
  secret: string;
  /** Extra actions after Copy (the rotation dialog's "Use it as the new secret"). */
  children?: ReactNode;
}

/** A practice value, not a real secret: the practice tenant has no admin center to copy it from. */
export function PracticeSecret({ secret, children }: PracticeSecretProps) {
  const s = useStyles();
  const [copied, setCopied] = useState('');
  return (
    <div className={s.row}>
      <Caption1>Practice client secret:</Caption1>
      <code className={s.value}>{secret}</code>
      <Button
        size="small"
        icon={<CopyRegular />}
        aria-label="Copy the practice client secret"
        onClick={() => void copyText(secret).then((ok) => setCopied(ok ? 'Copied.' : 'Copying failed: select the value and press Ctrl+C.'))}
      >
        Copy
      </Button>
      {children}
      <Caption1 role="status">{copied}</Caption1>
    </div>
  );
}

/** The practice secret of a scenario for a target's app, once main has it; nothing outside the practice tenant. */
export function PracticeSecretOf({ scenario, target }: { scenario: string | undefined; target: TargetId }) {
  const secret = usePracticeSecret(scenario, target);
  return secret ? <PracticeSecret secret={secret} /> : null;
}
