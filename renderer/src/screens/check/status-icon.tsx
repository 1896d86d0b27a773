import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, DismissCircle20Filled, QuestionCircle20Regular, SubtractCircle20Regular, Warning20Filled } from '@fluentui/react-icons';
import type { CheckStatus } from '../../../../shared/check';

const useStyles = makeStyles({
  icon: { display: 'inline-flex', width: '20px', height: '20px', alignItems: 'center', justifyContent: 'center', flexShrink: 0 },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export const STATUS_LABELS: Record<CheckStatus, string> = {
  unverified: 'Not verified',
  running: 'Running',
  passed: 'Passed',
  warning: 'Warning',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** The status icon of a check row: ? until verified, a spinner, then a green check, amber warning, red cross or grey skip. */
export function StatusIcon({ status, label = STATUS_LABELS[status] }: { status: CheckStatus; /** The text alternative, when another page names the state its own way. */ label?: string }) {
  const s = useStyles();
  const icon =
    status === 'running' ? (
      <Spinner size="extra-tiny" aria-hidden />
    ) : status === 'passed' ? (
      <CheckmarkCircle20Filled className={s.passed} />
    ) : status === 'warning' ? (
      <Warning20Filled className={s.warning} />
    ) : status === 'failed' ? (
      <DismissCircle20Filled className={s.failed} />
    ) : status === 'skipped' ? (
      <SubtractCircle20Regular className={s.muted} />
    ) : (
      <QuestionCircle20Regular className={s.muted} />
    );
  return (
    <span className={s.icon} role="img" aria-label={label} title={label}>
      {icon}
    </span>
  );
}
