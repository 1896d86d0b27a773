import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, CopyRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { checkDefinition, type CheckResult } from '../../../../shared/check';
import { STATUS_LABELS, StatusIcon } from './status-icon';

const useStyles = makeStyles({
  row: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  header: {
    display: 'grid',
    gridTemplateColumns: '24px 20px 220px 1fr auto',
    alignItems: 'center',
    gap: '10px',
    width: '100%',
    padding: '10px 8px',
    background: 'none',
    border: 'none',
    textAlign: 'left',
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  summary: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  failedSummary: { color: tokens.colorPaletteRedForeground1 },
  duration: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  details: { padding: '4px 16px 16px 62px', display: 'flex', flexDirection: 'column', gap: '10px' },
  dl: { display: 'grid', gridTemplateColumns: '160px 1fr', gap: '4px 12px', margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  // IDs and URLs break anywhere rather than overflow; sentences break between words only.
  dd: { margin: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  prose: { margin: 0, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, overflowWrap: 'break-word' },
  ol: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '4px' },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold },
});

export interface CheckRowProps {
  result: CheckResult;
  /** Open the Diagnose page with this error's text (code, message and IDs). */
  onDiagnose(errorText: string): void;
  /** Copy with a confirmation (or the way out when the clipboard is refused). */
  onCopy(text: string, what: string): void;
}

/** One probe: icon, title, one-line result, duration; expands to what was tested, Entra's answer and the fix. */
export function CheckRow({ result, onDiagnose, onCopy }: CheckRowProps) {
  const s = useStyles();
  const def = checkDefinition(result.id);
  const [open, setOpen] = useState(result.status === 'failed');
  const detailsId = useId();
  const err = result.error;
  const code = err ? (typeof err.code === 'number' ? `AADSTS${err.code}` : err.code) : null;
  const copyText = err
    ? [`Error: ${code}`, err.message, `Trace ID: ${err.traceId ?? '-'}`, `Correlation ID: ${err.correlationId ?? '-'}`, `Timestamp: ${err.timestamp ?? '-'}`].filter(Boolean).join('\n')
    : '';
  return (
    <li className={s.row} aria-label={`${def.title}: ${STATUS_LABELS[result.status]}`}>
      <button type="button" className={s.header} aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
        {open ? <ChevronDownRegular aria-hidden /> : <ChevronRightRegular aria-hidden />}
        <StatusIcon status={result.status} />
        <span className={s.title}>{def.title}</span>
        {/* Cut to one line here: the full text is the tooltip, and the first line of the details. */}
        <span className={mergeClasses(s.summary, result.status === 'failed' && s.failedSummary)} title={result.summary}>
          {result.summary}
        </span>
        <Caption1 className={s.duration}>{result.durationMs === null ? '' : result.durationMs < 1000 ? `${result.durationMs} ms` : `${(result.durationMs / 1000).toFixed(1)} s`}</Caption1>
      </button>
      {open && (
        <div className={s.details} id={detailsId}>
          <Text>{result.summary}</Text>
          <dl className={s.dl}>
            <dt className={s.dt}>What it proves</dt>
            <dd className={s.prose}>{def.proves}</dd>
            <dt className={s.dt}>What was tested</dt>
            <dd className={s.dd}>{result.tested}</dd>
            {result.facts.map((f) => (
              <FactRow key={f.label + f.value} label={f.label} value={f.value} classes={s} />
            ))}
          </dl>
          {err && (
            <section aria-label="Entra's response">
              <Text className={s.sectionTitle}>Entra's response</Text>
              <dl className={s.dl}>
                <dt className={s.dt}>Code</dt>
                <dd className={s.dd}>{code}</dd>
                {err.message && (
                  <>
                    <dt className={s.dt}>Message</dt>
                    <dd className={s.dd}>{err.message}</dd>
                  </>
                )}
                <dt className={s.dt}>Trace ID</dt>
                <dd className={s.dd}>{err.traceId ?? '—'}</dd>
                <dt className={s.dt}>Correlation ID</dt>
                <dd className={s.dd}>{err.correlationId ?? '—'}</dd>
                <dt className={s.dt}>Timestamp</dt>
                <dd className={s.dd}>{err.timestamp ?? '—'}</dd>
              </dl>
              <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                <Button size="small" icon={<CopyRegular />} onClick={() => onCopy(copyText, 'the error details')}>
                  Copy error details
                </Button>
                <Button size="small" onClick={() => onDiagnose(copyText)}>
                  Diagnose {code}
                </Button>
              </div>
            </section>
          )}
          {result.fix.length > 0 && (
            <section aria-label="How to fix">
              <Text className={s.sectionTitle}>How to fix</Text>
              <ol className={s.ol}>
                {result.fix.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}
    </li>
  );
}

function FactRow({ label, value, classes }: { label: string; value: string; classes: ReturnType<typeof useStyles> }) {
  return (
    <>
      <dt className={classes.dt}>{label}</dt>
      <dd className={classes.dd}>{value}</dd>
    </>
  );
}
