import { integrationTarget } from '../../../../shared/targets/registry';
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  fieldClassNames,
  makeStyles,
  tokens,
  type InputProps,
} from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular, KeyRegular, SaveRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { CLOUDS, PRACTICE_CLOUD_LABEL, type CloudId } from '../../../../shared/clouds';
import { PracticePicker } from './practice-picker';
import { PracticeSecretOf } from '../../components/practice-secret';
import { practiceDraft } from '../../../../shared/practice-draft';
import {
  EMPTY_DRAFT,
  PROFILE_FIELDS,
  draftFromProfile,
  targetOf,
  validateDraft,
  type FieldIssue,
  type ProfileDraft,
  type ProfileField,
  type ProfileView,
} from '../../../../shared/profile';
import type { SecretAction } from '../../../../shared/ipc-profiles';
import { TARGET_IDS, TARGET_LABELS, type TargetId } from '../../../../shared/targets/target-ids';
import { TARGET_SECTIONS } from './target-sections';
import { ApiError, errorMessage } from '../../api';
import { useProfilesStore } from '../../stores/profiles-store';
import { useAppStore } from '../../stores/app-store';
import { NARROW_MEDIA } from '../../hooks/use-media-query';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: '14px',
    maxWidth: '720px',
    // A field scrolled into view keeps a little room above its label and below its error.
    [`& .${fieldClassNames.root}`]: { scrollMarginTop: '12px', scrollMarginBottom: '12px' },
  },
  section: { display: 'flex', flexDirection: 'column', gap: '12px', paddingTop: '6px' },
  sectionTitle: { color: tokens.colorNeutralForeground2, margin: '8px 0 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '4px' },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '16px', alignItems: 'start', [NARROW_MEDIA]: { gridTemplateColumns: 'minmax(0, 1fr)', gap: '14px' } },
  secretBox: {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    padding: '8px 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  actions: { display: 'flex', gap: '8px', alignItems: 'center', paddingTop: '8px' },
  issueWithFix: { display: 'inline' },
  fixButton: { marginLeft: '8px', verticalAlign: 'baseline' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  /** The select shows the whole cloud name (it has a row of its own for that). */
  fill: { width: '100%', minWidth: 0, '& select': { textOverflow: 'ellipsis' } },
});

/**
 * Focus the first field (in the form's order) that shows an error, and show it whole: focus() alone
 * scrolls only the control into view, to the pane's edge, which leaves its label or its error
 * message outside. So the field with its label, error and hint is scrolled into view first (its
 * scroll margin keeps some room), then the control is focused without scrolling again.
 */
function focusFirstError(form: HTMLFormElement): void {
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!invalid) return;
  // A group (radio buttons) is marked as a whole; its first control takes the focus.
  const control = invalid.matches('input, select, textarea') ? invalid : (invalid.querySelector<HTMLElement>('input, select, textarea') ?? invalid);
  (invalid.closest(`.${fieldClassNames.root}`) ?? invalid).scrollIntoView({ block: 'nearest' });
  control.focus({ preventScroll: true });
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface ProfileEditorProps {
  profile: ProfileView | undefined;
  onDirtyChange(dirty: boolean): void;
  onSaved(message: string): void;
}

/** The profile form: every rule runs as the user types; main runs them again on save. */
export function ProfileEditor({ profile, onDirtyChange, onSaved }: ProfileEditorProps) {
  const styles = useStyles();
  const profiles = useProfilesStore((s) => s.profiles);
  const save = useProfilesStore((s) => s.save);
  const cancelNew = useProfilesStore((s) => s.cancelNew);
  const secretStorage = useAppStore((s) => s.info?.secretStorage);
  const go = useAppStore((s) => s.go);
  const initial = useMemo(() => (profile ? draftFromProfile(profile) : EMPTY_DRAFT), [profile]);
  const [draft, setDraft] = useState<ProfileDraft>(initial);
  const [secretInput, setSecretInput] = useState('');
  const [replacingSecret, setReplacingSecret] = useState(!profile?.secret.present);
  const [showSecret, setShowSecret] = useState(false);
  const [touched, setTouched] = useState<Set<ProfileField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  // While a practice scenario's values are on their way, saving would send the form without them.
  const [filling, setFilling] = useState(false);
  const fillingId = useId();
  const [serverError, setServerError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const draftNow = useRef(draft);
  useEffect(() => {
    draftNow.current = draft;
  }, [draft]);
  // Each failed save asks for the first field that shows an error to be focused, once it shows it.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0 && formRef.current) focusFirstError(formRef.current);
  }, [focusRequest]);

  const otherNames = profiles.filter((p) => p.id !== profile?.id).map((p) => p.name);
  const secretStored = Boolean(profile?.secret.present) && !replacingSecret;
  const result = validateDraft(draft, replacingSecret ? secretInput : '', { otherNames, secretStored, today: todayIso() });
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial) || secretInput !== '';

  const setDirty = (next: boolean) => onDirtyChange(next);
  const update = (field: keyof ProfileDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setTouched((t) => new Set(t).add(field as ProfileField));
    setServerError(null);
    setDirty(true);
  };
  const target = targetOf(draft);
  const targetModule = integrationTarget(draft);
  const form = targetModule.form;
  const change = (next: (d: ProfileDraft) => ProfileDraft, field: ProfileField) => {
    setDraft(next);
    setTouched((t) => new Set(t).add(field));
    setServerError(null);
    setDirty(true);
  };
  const Section = TARGET_SECTIONS[target];

  // A field turns red once it was changed, or when the form is submitted: never for tabbing past it.
  const issuesFor = (field: ProfileField): FieldIssue[] => (submitted || touched.has(field) ? result.issues.filter((i) => i.field === field) : []);

  /** Field props: the first issue (errors before warnings) becomes the field's validation message. */
  const fieldState = (field: ProfileField, applyFix?: (value: string) => void) => {
    const issues = issuesFor(field).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    const first = issues[0];
    if (!first) return {};
    const message: ReactNode = first.fix ? (
      <span className={styles.issueWithFix}>
        <span>{first.message}</span>
        <Button size="small" appearance="secondary" className={styles.fixButton} onClick={() => (applyFix ?? ((v: string) => update(field as keyof ProfileDraft, v)))(first.fix?.value ?? '')}>
          {first.fix.label}
        </Button>
      </span>
    ) : (
      first.message
    );
    return { validationState: first.severity === 'error' ? ('error' as const) : ('warning' as const), validationMessage: message };
  };

  const inputProps = (field: keyof ProfileDraft & ProfileField): Partial<InputProps> => ({
    value: draft[field] ?? '',
    onChange: (_e, data) => update(field, data.value),
    name: field,
  });

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    // Enter in a field submits even while the Create button is disabled (aria-disabled only, so it keeps focus).
    if (filling) return;
    setSubmitted(true);
    if (result.issues.some((i) => i.severity === 'error')) {
      setFocusRequest((n) => n + 1);
      return;
    }
    const secret: SecretAction = replacingSecret && secretInput.trim() !== '' ? { action: 'replace', value: secretInput } : { action: 'keep' };
    setSaving(true);
    try {
      const saved = await save(profile?.id, draft, secret);
      setSecretInput('');
      setDirty(false);
      onSaved(profile ? `Saved "${saved.name}".` : `Created "${saved.name}".`);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        setServerError(error.message);
      } else {
        setServerError(errorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  };

  const secretSummary = profile?.secret;
  const storageWords =
    secretSummary?.storage === 'encrypted'
      ? `encrypted with ${secretStorage?.backend ?? 'the operating system'}`
      : secretSummary?.storage === 'session'
        ? 'kept in memory for this session only'
        : '';

  return (
    <form ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate aria-label={profile ? `Edit profile ${profile.name}` : 'New profile'}>
      {serverError && (
        <MessageBar intent="error">
          <MessageBarBody>{serverError}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Target" hint="The product you connect to Entra ID. Each target has its own fields, rules and export.">
        <Select value={target} name="target" onChange={(_e, data) => update('target', data.value as TargetId)}>
          {TARGET_IDS.map((id) => (
            <option key={id} value={id}>
              {TARGET_LABELS[id]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Profile name" required {...fieldState('name')} hint="One per environment, e.g. Production.">
        <Input {...inputProps('name')} maxLength={200} />
      </Field>
      <Field label="Cloud" required {...fieldState('cloud')} hint="Sets the sign-in and Microsoft Graph hosts.">
        <Select
          className={styles.fill}
          value={draft.cloud}
          onChange={(_e, data) => update('cloud', data.value as CloudId)}
          name="cloud"
        >
          {(Object.keys(CLOUDS) as (keyof typeof CLOUDS)[]).map((id) => (
            <option key={id} value={id}>
              {CLOUDS[id].label}
            </option>
          ))}
          <option value="practice">{PRACTICE_CLOUD_LABEL}</option>
        </Select>
      </Field>
      {draft.cloud === 'practice' && (
        <PracticePicker
          target={target}
          scenario={draft.practiceScenario}
          onScenario={(v) => update('practiceScenario', v)}
          onFilling={setFilling}
          onFill={(t) => {
            // The draft as it is now, not as it was at the click: what the user typed while waiting stays.
            const filled = practiceDraft(draftNow.current, t);
            setDraft(filled.draft);
            setReplacingSecret(true);
            setSecretInput(filled.secret);
            setTouched(new Set(PROFILE_FIELDS));
            setDirty(true);
          }}
        />
      )}

      <Subtitle2 as="h3" className={styles.sectionTitle}>
        Entra ID
      </Subtitle2>
      <Field
        label="Directory (tenant) ID"
        required
        {...fieldState('tenantId')}
        hint={form.tenantHint}
      >
        <Input {...inputProps('tenantId')} className={styles.mono} spellCheck={false} autoComplete="off" />
      </Field>
      {targetModule.hasSamlApp && (
        <Field label="SAML-OpenID application (client) ID" required {...fieldState('samlAppId')}>
          <Input {...inputProps('samlAppId')} className={styles.mono} spellCheck={false} autoComplete="off" />
        </Field>
      )}
      <Field label={form.clientIdLabel} required {...fieldState('clientId')} hint={form.clientIdHint}>
        <Input {...inputProps('clientId')} className={styles.mono} spellCheck={false} autoComplete="off" />
      </Field>

      {secretStored && secretSummary ? (
        <Field label="Client secret" hint="Stored secrets are never shown again; Entra shows the same hint in Certificates & secrets.">
          <div className={styles.secretBox}>
            <KeyRegular aria-hidden />
            <span>
              <span className={styles.mono}>{secretSummary.hint}</span>… ({secretSummary.length} characters), {storageWords}
            </span>
            <Button size="small" onClick={() => setReplacingSecret(true)}>
              Replace secret
            </Button>
          </div>
        </Field>
      ) : (
        <Field
          label={profile?.secret.present ? 'New client secret value' : 'Client secret value'}
          {...fieldState('secret', (v) => {
            setSecretInput(v);
            setDirty(true);
          })}
          hint={
            profile && profile.secret.storage === 'session' && !profile.secret.present
              ? 'The secret was kept for the last session only. Enter it again to run the checks.'
              : 'Certificates & secrets > the Value column (not the Secret ID). Encrypted before it is stored.'
          }
        >
          <Input
            type={showSecret ? 'text' : 'password'}
            value={secretInput}
            autoComplete="off"
            spellCheck={false}
            className={styles.mono}
            onChange={(_e, data) => {
              setSecretInput(data.value);
              setTouched((t) => new Set(t).add('secret'));
              setDirty(true);
            }}
            name="secret"
            contentAfter={
              <Button
                appearance="transparent"
                size="small"
                icon={showSecret ? <EyeOffRegular /> : <EyeRegular />}
                aria-label={showSecret ? 'Hide secret value' : 'Show secret value'}
                onClick={() => setShowSecret((s) => !s)}
              />
            }
          />
        </Field>
      )}
      {draft.cloud === 'practice' && <PracticeSecretOf scenario={draft.practiceScenario} target={target} />}
      {profile?.secret.present && replacingSecret && (
        <div>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              setReplacingSecret(false);
              setSecretInput('');
            }}
          >
            Keep the stored secret
          </Button>
        </div>
      )}
      <Field label="Secret expires" {...fieldState('secretExpiresAt')} hint="Optional: the Expires column in Certificates & secrets. Used to warn you before it lapses.">
        <Input type="date" {...inputProps('secretExpiresAt')} />
      </Field>

      <Section draft={draft} change={change} fieldState={fieldState} inputProps={inputProps} fields={result.fields} />

      {secretStorage && !secretStorage.persistent && (
        <Caption1>
          This computer offers no encryption for stored secrets ({secretStorage.backend}), so a secret you type is kept only until Federation Desk closes.
        </Caption1>
      )}

      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          icon={<SaveRegular />}
          disabled={saving}
          disabledFocusable={filling}
          aria-describedby={filling ? fillingId : undefined}
        >
          {saving ? 'Saving…' : profile ? 'Save changes' : 'Create profile'}
        </Button>
        <span role="status">{filling && <Caption1 id={fillingId}>Filling in the scenario&apos;s IDs…</Caption1>}</span>
        {!profile && profiles.length > 0 && (
          <Button onClick={() => cancelNew()} disabled={saving}>
            Cancel
          </Button>
        )}
        {profile && dirty && (
          <Button
            onClick={() => {
              setDraft(initial);
              setSecretInput('');
              setTouched(new Set());
              setSubmitted(false);
              setServerError(null);
              setDirty(false);
            }}
            disabled={saving}
          >
            Discard changes
          </Button>
        )}
        {profile && !dirty && (
          <Button appearance="subtle" icon={<TaskListSquareLtrRegular />} onClick={() => go('check')}>
            Check this profile
          </Button>
        )}
        {submitted && result.issues.some((i) => i.severity === 'error') && (
          <Caption1 role="status">Fix the fields that show an error, then save again.</Caption1>
        )}
      </div>
    </form>
  );
}
