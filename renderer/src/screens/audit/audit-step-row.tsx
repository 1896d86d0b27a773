import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AuditFinding, AuditStatus } from '../../../../shared/audit';
import { StatusWithWord } from '../check/status-icon';
import { AdminCenterButton, CopyValue, FixBlock } from '../../components/fix-block';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    // The status column is as wide as the longest word ("Not audited") in the row's font, so the
    // words and titles of every step, in both lists, start at the same place.
    gridTemplateColumns: '28px minmax(max-content, 7.5em) minmax(0, 1fr) auto',
    columnGap: '12px',
    alignItems: 'start',
    padding: '12px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  number: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums', textAlign: 'right', lineHeight: '20px' },
  status: { height: '20px' },
  body: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground2 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '2px 12px', margin: 0 },
  dt: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', wordBreak: 'break-all' },
  side: { display: 'flex', justifyContent: 'flex-end', minWidth: '210px' },
});

/** What a step shows before it was ever audited (or while an audit runs). */
export type StepStatus = AuditStatus | 'not-audited' | 'running';

export const AUDIT_STATUS_LABELS: Record<StepStatus, string> = {
  passed: 'Passed',
  warning: 'Warning',
  failed: 'Failed',
  unknown: 'Unknown',
  'not-audited': 'Not audited',
  running: 'Running',
};

/** The check rows' status, icon and word, in the audit's words (unknown and not audited show the "?"). */
export function AuditStatus({ status, className }: { status: StepStatus; className?: string }) {
  const mapped = status === 'unknown' || status === 'not-audited' ? 'unverified' : status;
  return <StatusWithWord status={mapped} label={AUDIT_STATUS_LABELS[status]} className={className} />;
}

export interface AuditStepRowProps {
  index: number;
  title: string;
  status: StepStatus;
  finding: AuditFinding | null;
  /** The guide's value, shown before the first audit too. */
  copy: AuditFinding['copy'];
  onCopy(value: string, what: string): void;
  onOpen(url: string): void;
}

/** One step of the guide: number, status, what Graph showed, what to do, the value to paste, the blade. */
export function AuditStepRow({ index, title, status, finding, copy, onCopy, onOpen }: AuditStepRowProps) {
  const s = useStyles();
  // Before an audit the status word says "Not audited" already: no line repeats it.
  const summary = finding?.summary ?? (status === 'running' ? 'Reading from Microsoft Graph…' : null);
  const showDetails = finding !== null && finding.status !== 'passed';
  const link = finding?.link ?? null;
  return (
    <li className={s.row} aria-label={`${title}: ${AUDIT_STATUS_LABELS[status]}`}>
      <Caption1 className={s.number} aria-hidden>
        {index}.
      </Caption1>
      <AuditStatus status={status} className={s.status} />
      <div className={s.body}>
        <Text className={s.title}>{title}</Text>
        {summary !== null && <Text className={mergeClasses(s.summary, status === 'failed' && s.failed)}>{summary}</Text>}
        {showDetails && finding.fix && <FixBlock failed={status === 'failed'} steps={[finding.fix]} />}
        {showDetails && finding.facts.length > 0 && (
          <dl className={s.facts}>
            {finding.facts.map((f) => (
              <div key={`${f.label}-${f.value}`} style={{ display: 'contents' }}>
                <dt className={s.dt}>{f.label}</dt>
                <dd className={s.dd}>{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {copy && <CopyValue value={copy.value} name={copy.label} caption={copy.label} onCopy={onCopy} />}
      </div>
      <div className={s.side}>
        {link && <AdminCenterButton link={link} primary={status === 'failed' || status === 'warning'} onOpen={onOpen} />}
      </div>
    </li>
  );
}
