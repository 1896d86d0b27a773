import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, CopyRegular, StethoscopeRegular } from '@fluentui/react-icons';
import { memo, useId, useMemo, useState } from 'react';
import type { CheckResult } from '../../../../shared/check';
import { plannedCheck } from '../../../../shared/targets/registry';
import type { ProfileView } from '../../../../shared/profile';
import { fixLinks, fixValues } from '../../../../shared/check-fix';
import { FixBlock } from '../../components/fix-block';
import { rowButtonStyle } from '../../components/row-button';
import { NARROW_MEDIA } from '../../hooks/use-media-query';
import { StatusWithWord, rowStatus } from './status-icon';

/**
 * The columns of the check list, which every row takes as its subgrid: disclosure chevron, status
 * (icon and word), title, one-line result, time. Narrow: the result goes under the title.
 */
export const useCheckListStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: '20px max-content fit-content(220px) minmax(0, 1fr) max-content',
    columnGap: '12px',
    [NARROW_MEDIA]: { gridTemplateColumns: '20px max-content minmax(0, 1fr) max-content' },
  },
});

const useStyles = makeStyles({
  row: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // The rows share the list's columns (subgrid), so every status word, title and time lines up.
    display: 'grid',
    gridColumn: '1 / -1',
    gridTemplateColumns: 'subgrid',
    // In forced colors the header draws its own border (rowButtonStyle): a gap instead of a second line.
    '@media (forced-colors: active)': { borderBottomStyle: 'none', paddingBottom: '4px' },
  },
  header: {
    ...rowButtonStyle,
    display: 'grid',
    gridColumn: '1 / -1',
    gridTemplateColumns: 'subgrid',
    alignItems: 'center',
    padding: '8px',
  },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'break-word', minWidth: 0 },
  summary: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2, [NARROW_MEDIA]: { gridColumn: '3 / 5', gridRow: 2 } },
  duration: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
  body: { gridColumn: '1 / -1', padding: '0 16px 16px 40px', display: 'flex', flexDirection: 'column', gap: '10px', [NARROW_MEDIA]: { paddingLeft: '16px' } },
  result: { margin: 0, overflowWrap: 'break-word' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  dl: { display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) minmax(0, 1fr)', gap: '4px 12px', margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  // IDs and URLs break anywhere rather than overflow; sentences break between words only.
  dd: { margin: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  prose: { margin: 0, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, overflowWrap: 'break-word' },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold },
  detailsToggle: { alignSelf: 'flex-start' },
  details: { display: 'flex', flexDirection: 'column', gap: '10px' },
});

export interface CheckRowProps {
  result: CheckResult;
  /** The profile checked: its cloud, tenant and app IDs make the admin-center links. */
  profile: ProfileView;
  /** Open the Diagnose page with this error's text (code, message and IDs). */
  onDiagnose(errorText: string): void;
  /** Copy with a confirmation (or the way out when the clipboard is refused). */
  onCopy(text: string, what: string): void;
  /** Open an admin-center blade in the system browser. */
  onOpen(url: string): void;
}

/**
 * One probe, re-rendered only when its own result changes (the store keeps unchanged results as they
 * were). The row leads with the verdict and, when something is wrong, the fix with its blade and
 * the values to paste; what was tested and Microsoft's own text and IDs sit under Details.
 */
export const CheckRow = memo(function CheckRow({ result, profile, onDiagnose, onCopy, onOpen }: CheckRowProps) {
  const s = useStyles();
  const def = plannedCheck(profile, result.id);
  const shown = rowStatus(result.status, def.notApplicable !== undefined);
  const needsAction = result.status === 'failed' || result.status === 'warning';
  const [open, setOpen] = useState(result.status === 'failed');
  const [detailsOpen, setDetailsOpen] = useState(false);
  const bodyId = useId();
  const detailsId = useId();
  const err = result.error;
  const code = err ? (typeof err.code === 'number' ? `AADSTS${err.code}` : err.code) : null;
  const copyText = err
    ? [`Error: ${code}`, err.message, `Trace ID: ${err.traceId ?? '-'}`, `Correlation ID: ${err.correlationId ?? '-'}`, `Timestamp: ${err.timestamp ?? '-'}`].filter(Boolean).join('\n')
    : '';
  const links = useMemo(() => (needsAction ? fixLinks(result, profile) : []), [needsAction, result, profile]);
  const values = useMemo(() => (needsAction ? fixValues(result.fix) : []), [needsAction, result.fix]);
  // Microsoft's own message is kept for Details; the row leads with our verdict and the code.
  const withoutMessage = err?.message && result.summary.includes(err.message) ? result.summary.replace(err.message, '').replace(/[\s:.]+$/, '').trim() : '';
  // The status word stands beside it already: "Skipped: …" is not said twice.
  const summary = result.summary.toLowerCase().startsWith(`${shown.word.toLowerCase()}: `) ? result.summary.slice(shown.word.length + 2) : result.summary;
  // Before a run (or after a change) the word says "Not verified" already: the line says what the
  // check will prove instead of "Not verified yet."; a check the target does not use says why.
  const before = shown.notUsed ? def.notApplicable : result.status === 'unverified' ? def.proves : '';
  const verdictText = before || withoutMessage || summary;
  const hasFix = needsAction && (result.fix.length > 0 || links.length > 0);

  const details = (
    <>
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
        </section>
      )}
    </>
  );

  return (
    <li className={s.row} aria-label={`${def.title}: ${shown.word}`}>
      <button type="button" className={s.header} aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
        {open ? <ChevronDownRegular aria-hidden /> : <ChevronRightRegular aria-hidden />}
        <StatusWithWord status={shown.status} label={shown.word} />
        <span className={s.title}>{def.title}</span>
        {/* Cut to one line here: the full text is the tooltip, and the first line of the open row. */}
        <span className={s.summary} title={verdictText}>
          {verdictText}
        </span>
        <Caption1 className={s.duration}>{result.durationMs === null ? '' : result.durationMs < 1000 ? `${result.durationMs} ms` : `${(result.durationMs / 1000).toFixed(1)} s`}</Caption1>
      </button>
      {open && (
        <div className={s.body} id={bodyId}>
          {/* A short verdict is already whole on the row's line; a long one is repeated here in full (what the check proves is in the list below). */}
          {(!hasFix || verdictText.length > 90) && verdictText !== def.proves && <p className={s.result}>{verdictText}</p>}
          {hasFix && <FixBlock titled failed={result.status === 'failed'} steps={result.fix} links={links} values={values} onCopy={onCopy} onOpen={onOpen} />}
          {err && (
            <div className={s.actions}>
              <Button size="small" icon={<CopyRegular />} onClick={() => onCopy(copyText, 'the error details')}>
                Copy error details
              </Button>
              <Button size="small" icon={<StethoscopeRegular />} onClick={() => onDiagnose(copyText)}>
                Diagnose {code}
              </Button>
            </div>
          )}
          {needsAction || err ? (
            <>
              <Button
                size="small"
                appearance="subtle"
                className={s.detailsToggle}
                icon={detailsOpen ? <ChevronDownRegular /> : <ChevronRightRegular />}
                aria-expanded={detailsOpen}
                aria-controls={detailsId}
                onClick={() => setDetailsOpen((o) => !o)}
              >
                Details
              </Button>
              {detailsOpen && (
                <div className={s.details} id={detailsId}>
                  {details}
                </div>
              )}
            </>
          ) : (
            details
          )}
        </div>
      )}
    </li>
  );
});

function FactRow({ label, value, classes }: { label: string; value: string; classes: ReturnType<typeof useStyles> }) {
  return (
    <>
      <dt className={classes.dt}>{label}</dt>
      <dd className={classes.dd}>{value}</dd>
    </>
  );
}
