import { Button, Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular, DismissRegular, StethoscopeRegular } from '@fluentui/react-icons';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { summarize } from '../../../../shared/aadsts/summary';
import type { ProfileView } from '../../../../shared/profile';
import { useDiagnoseStore } from '../../stores/diagnose-store';
import { useShallow } from 'zustand/react/shallow';
import { FindingCard } from './finding-card';
import { ErrorBar } from '../../components/error-bar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '20px' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: '14px',
    padding: '20px 24px',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  textarea: { width: '100%' },
  textareaInner: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300, minHeight: '150px' },
  actions: { display: 'flex', alignItems: 'center', gap: '10px', flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
  resultsHead: { display: 'flex', alignItems: 'center', gap: '16px', flexWrap: 'wrap' },
  resultsTitle: { margin: 0, flexGrow: 1 },
  cards: { display: 'flex', flexDirection: 'column', gap: '16px' },
  stale: { color: tokens.colorNeutralForeground3 },
  anchor: { height: 0, marginTop: '-20px', scrollMarginTop: '8px' },
  block: { display: 'block', marginBottom: '4px' },
  examples: { margin: '6px 0 0', paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '2px' },
});

export interface PastePanelProps {
  /** The profile the findings are tailored to (null: none). */
  profileId: string | null;
  profiles: ProfileView[];
  onCopy(text: string, what: string): void;
  onOpenLink(url: string): void;
}

/** The paste box, the Diagnose button, and one card per finding. */
export function PastePanel({ profileId, profiles, onCopy, onOpenLink }: PastePanelProps) {
  const s = useStyles();
  const { text, diagnosis, diagnosed, busy, inputError, error } = useDiagnoseStore(
    useShallow((st) => ({ text: st.text, diagnosis: st.diagnosis, diagnosed: st.diagnosed, busy: st.busy, inputError: st.inputError, error: st.error })),
  );
  const { setText, run, clear } = useDiagnoseStore.getState();
  const profileName = profiles.find((p) => p.id === diagnosed?.profileId)?.name;
  const findings = diagnosis?.findings ?? [];
  const changed = diagnosed !== null && diagnosed.text !== text;
  const resultsRef = useRef<HTMLDivElement>(null);

  // New findings: bring them into view (the paste box above is tall). "Nothing found" sits right under the box already.
  useEffect(() => {
    if (diagnosis && diagnosis.findings.length > 0) resultsRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [diagnosis]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run(profileId);
    }
  };

  return (
    <div className={s.root}>
      <div className={s.form}>
        <Field
          label="Error text"
          hint="Paste it as you got it: the sign-in error page, the browser address after a failed sign-in, a log line, an MSAL exception or a token endpoint's JSON."
          validationState={inputError ? 'error' : 'none'}
          validationMessage={inputError ?? undefined}
        >
          <Textarea
            className={s.textarea}
            textarea={{ className: s.textareaInner, spellCheck: false }}
            resize="vertical"
            rows={7}
            value={text}
            placeholder={'AADSTS50011: The redirect URI … specified in the request does not match …\nTrace ID: …\nCorrelation ID: …\nTimestamp: …'}
            onChange={(_e, d) => setText(d.value)}
            onKeyDown={onKeyDown}
          />
        </Field>
        <div className={s.actions}>
          <Button appearance="primary" icon={busy ? <Spinner size="tiny" /> : <StethoscopeRegular />} onClick={() => void run(profileId)} disabled={busy}>
            Diagnose
          </Button>
          <Button icon={<DismissRegular />} onClick={clear} disabled={busy || (text === '' && diagnosis === null)}>
            Clear
          </Button>
          <Caption1 className={s.hint}>Ctrl+Enter in the box diagnoses too.</Caption1>
        </div>
      </div>

      <div ref={resultsRef} className={s.anchor} />
      <ErrorBar title="The text could not be diagnosed" message={error} />

      {diagnosis && findings.length === 0 && (
        <MessageBar intent="warning" layout="multiline" aria-live="polite">
          <MessageBarBody>
            <MessageBarTitle className={s.block}>No AADSTS, Graph or IDX error code found</MessageBarTitle>
            Federation Desk looks for codes such as AADSTS50011, Microsoft Graph codes such as Authorization_RequestDenied, and IDX10205. Paste the complete error, for example:
            <ul className={s.examples}>
              <li>the text of Microsoft&apos;s sign-in error page, with its Request Id and Correlation Id;</li>
              <li>the browser address after a failed sign-in (it carries error_description=…);</li>
              <li>the JSON the token endpoint returned, or the log line or MSAL exception with the code.</li>
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {findings.length > 0 && (
        <section className={s.cards} aria-labelledby="diagnose-results-title">
          <div className={s.resultsHead}>
            <Subtitle2 as="h3" id="diagnose-results-title" className={s.resultsTitle} aria-live="polite">
              {findings.length === 1 ? '1 error found' : `${findings.length} errors found`}
              {profileName ? ` · tailored to “${profileName}”` : ''}
            </Subtitle2>
            {changed && <Caption1 className={s.stale}>The text changed since; select Diagnose to update.</Caption1>}
            <Button icon={<CopyRegular />} onClick={() => diagnosis && onCopy(summarize(diagnosis), 'the summary of all findings')}>
              Copy summary
            </Button>
          </div>
          {diagnosis && <Caption1 className={s.hint}>Likely causes are ranked for {diagnosis.rankedFor}.</Caption1>}
          {diagnosis?.related.map((r) => (
            <MessageBar key={r.codes.join('+')} intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle className={s.block}>{`Codes found together: act on AADSTS${r.actOn} first`}</MessageBarTitle>
                {r.note}
              </MessageBarBody>
            </MessageBar>
          ))}
          {findings.map((f, i) => (
            <FindingCard key={`${String(f.code)}-${i}`} finding={f} variant="pasted" profileName={profileName} onCopy={onCopy} onOpenLink={onOpenLink} />
          ))}
        </section>
      )}
    </div>
  );
}
