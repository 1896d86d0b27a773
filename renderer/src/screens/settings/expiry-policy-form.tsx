import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { DEFAULT_POLICY, ExpiryPolicySchema, type ExpiryPolicy } from '../../../../shared/expiry';
import { errorMessage } from '../../api';
import { useExpiryStore } from '../../stores/expiry-store';
import { ProfileField } from '../../components/profile-page';
import { useProfilesStore } from '../../stores/profiles-store';
import { NARROW_MEDIA } from '../../hooks/use-media-query';
import { useFormCopy } from '../../hooks/use-form-copy';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '720px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '16px' },
  section: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, margin: 0 },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '16px', alignItems: 'start', [NARROW_MEDIA]: { gridTemplateColumns: 'minmax(0, 1fr)' } },
  actions: { display: 'flex', gap: '8px', alignItems: 'center' },
});

interface Form {
  thresholds: string;
  warnDays: string;
  criticalDays: string;
}

const toForm = (p: ExpiryPolicy): Form => ({ thresholds: p.thresholds.join(', '), warnDays: String(p.warnDays), criticalDays: String(p.criticalDays) });
const DEFAULT_FORM = toForm(DEFAULT_POLICY);

type Issue = { field: keyof Form; message: string };

/** The form's text as a policy, or every reason it is not one, each for the field concerned (not only the first). */
function parse(form: Form): { policy: ExpiryPolicy } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const parts = form.thresholds.split(/[,;\s]+/).filter(Boolean);
  if (parts.length === 0) issues.push({ field: 'thresholds', message: 'Give at least one number of days, e.g. 60, 30, 14, 7, 1.' });
  else if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > 730)) issues.push({ field: 'thresholds', message: 'Use whole days from 1 to 730, separated by commas.' });
  else if (parts.length > 12) issues.push({ field: 'thresholds', message: 'Use at most 12 reminders.' });
  for (const key of ['warnDays', 'criticalDays'] as const)
    if (!/^\d+$/.test(form[key].trim()) || Number(form[key]) > 730) issues.push({ field: key, message: 'Use a whole number of days from 0 to 730.' });
  if (issues.length > 0) return { issues };
  const parsed = ExpiryPolicySchema.safeParse({ thresholds: [...new Set(parts.map(Number))].sort((a, b) => b - a), warnDays: Number(form.warnDays), criticalDays: Number(form.criticalDays) });
  if (!parsed.success) return { issues: parsed.error.issues.map((i) => ({ field: 'criticalDays' as const, message: i.message })).slice(0, 1) };
  return { policy: parsed.data };
}

/** Per-profile expiry policy: when reminders fire and when the state turns warning / critical. */
export function ExpiryPolicyForm() {
  const s = useStyles();
  const profiles = useProfilesStore((st) => st.profiles);
  const selectedId = useProfilesStore((st) => st.selectedId);
  const { load, setPolicy } = useExpiryStore.getState();
  const [profileId, setProfileId] = useState<string | null>(null);
  const id = profileId ?? selectedId ?? profiles[0]?.id ?? null;
  // Only this profile's report: another profile's expiry event does not reset the form.
  const report = useExpiryStore((st) => (id ? st.reports[id] : undefined));
  // This profile's policy as it arrives or changes, unless the user has already edited the form.
  const [form, setForm, adoptSaved] = useFormCopy(report?.policy, toForm, DEFAULT_FORM, id);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (id) void load(id);
  }, [id, load]);

  if (!id) return null;
  const result = parse(form);
  const fieldState = (field: keyof Form) => {
    const issue = 'issues' in result ? result.issues.find((i) => i.field === field) : undefined;
    return issue ? { validationState: 'error' as const, validationMessage: issue.message } : {};
  };
  const save = async (policy: ExpiryPolicy | null) => {
    try {
      await setPolicy(id, policy);
      const stored = useExpiryStore.getState().reports[id];
      if (stored) adoptSaved(stored.policy);
      setMessage({ intent: 'success', text: policy ? 'Expiry warnings saved for this profile.' : 'This profile uses the default expiry warnings again.' });
    } catch (error) {
      setMessage({ intent: 'error', text: errorMessage(error) });
    }
  };

  return (
    <form
      className={s.root}
      aria-labelledby="settings-expiry-title"
      onSubmit={(e) => {
        e.preventDefault();
        if ('policy' in result) void save(result.policy);
      }}
    >
      <Subtitle2 as="h3" id="settings-expiry-title" className={s.section}>
        Expiry warnings
      </Subtitle2>
      <p className={s.intro}>When Federation Desk reminds you that a client secret or SAML signing certificate is about to expire, per profile.</p>
      <ProfileField profiles={profiles} value={id} onChange={setProfileId} />
      <Field label="Reminders (days before expiry)" hint="Each fires once per credential, as an OS notification." {...fieldState('thresholds')}>
        <Input value={form.thresholds} onChange={(_e, d) => setForm((f) => ({ ...f, thresholds: d.value }))} />
      </Field>
      <div className={s.row}>
        <Field label="Warning from (days left)" {...fieldState('warnDays')}>
          <Input value={form.warnDays} inputMode="numeric" onChange={(_e, d) => setForm((f) => ({ ...f, warnDays: d.value }))} />
        </Field>
        <Field label="Critical from (days left)" {...fieldState('criticalDays')}>
          <Input value={form.criticalDays} inputMode="numeric" onChange={(_e, d) => setForm((f) => ({ ...f, criticalDays: d.value }))} />
        </Field>
      </div>
      {report && <Caption1>{report.customPolicy ? 'This profile has its own settings.' : 'This profile uses the defaults (60, 30, 14, 7, 1; warning at 60 days, critical at 7).'}</Caption1>}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={!('policy' in result)}>
          Save expiry warnings
        </Button>
        <Button onClick={() => void save(null)} disabled={!report?.customPolicy}>
          Use the defaults
        </Button>
      </div>
    </form>
  );
}
