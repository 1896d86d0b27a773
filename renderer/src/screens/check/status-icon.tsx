import { Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, DismissCircle20Filled, QuestionCircle20Regular, SubtractCircle20Regular, Warning20Filled } from '@fluentui/react-icons';
import type { CheckStatus } from '../../../../shared/check';

const useStyles = makeStyles({
  icon: { display: 'inline-flex', width: '20px', height: '20px', alignItems: 'center', justifyContent: 'center', flexShrink: 0 },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  // The icon and its word as one unit: the word is what a user without colour (or a screen reader) goes by.
  withWord: { display: 'inline-flex', alignItems: 'center', gap: '6px', whiteSpace: 'nowrap' },
  word: { color: tokens.colorNeutralForeground2 },
  wordStrong: { fontWeight: tokens.fontWeightSemibold },
});

export const STATUS_LABELS: Record<CheckStatus, string> = {
  unverified: 'Not verified',
  running: 'Running',
  passed: 'Passed',
  warning: 'Warning',
  failed: 'Failed',
  skipped: 'Skipped',
};

/**
 * What a check row shows as its status: its own, except for a check the profile's target has no use
 * for, which is "Not used" (with the skip icon) before a run as after it, not "Skipped" or "Not verified".
 */
export function rowStatus(status: CheckStatus, notApplicable: boolean): { status: CheckStatus; word: string; notUsed: boolean } {
  const notUsed = notApplicable && (status === 'skipped' || status === 'unverified');
  return notUsed ? { status: 'skipped', word: 'Not used', notUsed } : { status, word: STATUS_LABELS[status], notUsed };
}

function useGlyph(status: CheckStatus) {
  const s = useStyles();
  return status === 'running' ? (
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
}

/** The status icon of a check row: ? until verified, a spinner, then a green check, amber warning, red cross or grey skip. */
export function StatusIcon({ status, label = STATUS_LABELS[status] }: { status: CheckStatus; /** The text alternative, when another page names the state its own way. */ label?: string }) {
  const s = useStyles();
  const icon = useGlyph(status);
  return (
    <span className={s.icon} role="img" aria-label={label} title={label}>
      {icon}
    </span>
  );
}

/**
 * The status icon with its word beside it (Passed, Failed, Not used…), so the status reads in words in
 * every theme, forced colors included. The icon is then decoration (aria-hidden): a screen reader
 * hears the status once, from the word.
 */
export function StatusWithWord({ status, label = STATUS_LABELS[status], className }: { status: CheckStatus; label?: string; className?: string }) {
  const s = useStyles();
  const icon = useGlyph(status);
  const tone = status === 'failed' ? s.failed : status === 'warning' ? s.warning : status === 'passed' ? s.passed : s.word;
  return (
    <span className={mergeClasses(s.withWord, className)}>
      <span className={s.icon} aria-hidden>
        {icon}
      </span>
      <span className={mergeClasses(tone, (status === 'failed' || status === 'warning') && s.wordStrong)}>{label}</span>
    </span>
  );
}
