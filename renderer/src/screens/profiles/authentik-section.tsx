/**
 * The authentik part of the profile form: the source slug, authentik's host name, single- or
 * multi-tenant, and the optional group sync; once the profile is valid, the settings to register in
 * Entra and to type into authentik's "Entra ID OAuth Source" form, each with a copy button. The
 * consumer secret is never shown or exported.
 */
import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
  type FieldProps,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ProfileField, ProfileFields } from '../../../../shared/profile';
import {
  AUTHENTIK_SECRET_NOTE,
  GRAPH_SCOPE_PITFALL,
  TOKEN_VERSION_FACT,
  authentikSettingsText,
  authentikSourceSettings,
  authentikUrls,
  type AuthentikDraft,
  type AuthentikTenantMode,
} from '../../../../shared/targets/authentik';
import { copyText } from '../diagnose/clipboard';
import { NARROW_MEDIA } from '../../hooks/use-media-query';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '12px' },
  sectionTitle: { color: tokens.colorNeutralForeground2, margin: '8px 0 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '4px' },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '16px', alignItems: 'start', [NARROW_MEDIA]: { gridTemplateColumns: 'minmax(0, 1fr)' } },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  panel: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  heading: { margin: 0 },
  table: { display: 'grid', gridTemplateColumns: '140px minmax(0, 1fr) max-content', gap: '4px 12px', alignItems: 'center', margin: 0 },
  subheading: { margin: '4px 0 0' },
  notes: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '4px' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  note: { margin: 0, fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  copyRow: { display: 'flex', alignItems: 'center', gap: '8px' },
});

/** The validation props the form computes for one field (message, state, one-click fix). */
export type FieldStateOf = (field: ProfileField, applyFix?: (value: string) => void) => Partial<FieldProps>;

export interface AuthentikSectionProps {
  draft: AuthentikDraft;
  onChange(patch: Partial<AuthentikDraft>, field: ProfileField): void;
  fieldState: FieldStateOf;
  /** The validated profile, when nothing is in error: then the settings to copy are shown. */
  fields: Extract<ProfileFields, { target: 'authentik' }> | null;
}

/** The authentik fields, then the settings for Entra and authentik. */
export function AuthentikSection({ draft, onChange, fieldState, fields }: AuthentikSectionProps) {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3" className={styles.sectionTitle}>
        authentik
      </Subtitle2>
      <div className={styles.row}>
        <Field
          label="Source slug"
          required
          {...fieldState('authentikSlug', (v) => onChange({ slug: v }, 'authentikSlug'))}
          hint="The slug of the Entra ID source in authentik: letters, digits, - and _, at most 50."
        >
          <Input
            value={draft.slug}
            name="authentikSlug"
            className={styles.mono}
            placeholder="entra-id"
            spellCheck={false}
            autoComplete="off"
            onChange={(_e, d) => onChange({ slug: d.value }, 'authentikSlug')}
          />
        </Field>
        <Field
          label="authentik FQDN"
          required
          {...fieldState('authentikFqdn', (v) => onChange({ fqdn: v }, 'authentikFqdn'))}
          hint="The host name only, e.g. authentik.contoso.com. The redirect URI is built from it."
        >
          <Input
            value={draft.fqdn}
            name="authentikFqdn"
            placeholder="authentik.contoso.com"
            spellCheck={false}
            autoComplete="off"
            onChange={(_e, d) => onChange({ fqdn: d.value }, 'authentikFqdn')}
          />
        </Field>
      </div>
      <Field label="Supported account types" {...fieldState('authentikTenantMode')}>
        <RadioGroup
          name="authentikTenantMode"
          layout="horizontal"
          value={draft.tenantMode}
          onChange={(_e, d) => onChange({ tenantMode: d.value as AuthentikTenantMode }, 'authentikTenantMode')}
        >
          <Radio value="single" label="Single tenant (this directory only)" />
          <Radio value="multi" label="Multi-tenant (any organizational directory)" />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={draft.groupMemberRead}
        onChange={(_e, d) => onChange({ groupMemberRead: d.checked === true }, 'authentikTenantMode')}
        label="Sync group membership (adds the GroupMember.Read.All scope; grant that delegated permission with admin consent)"
      />
      {fields ? <AuthentikExport fields={fields} /> : <Caption1>The settings for Entra and authentik appear here once the fields above are valid.</Caption1>}
    </div>
  );
}

function CopyButton({ text, what, onDone }: { text: string; what: string; onDone(message: string): void }) {
  return (
    <Button
      size="small"
      appearance="subtle"
      icon={<CopyRegular />}
      aria-label={`Copy ${what}`}
      onClick={() => void copyText(text).then((ok) => onDone(ok ? `${what} copied.` : `Copying failed: select the ${what} and copy it.`))}
    />
  );
}

/** The settings panel of a valid authentik profile. */
function AuthentikExport({ fields }: { fields: Extract<ProfileFields, { target: 'authentik' }> }) {
  const styles = useStyles();
  const [copied, setCopied] = useState('');
  const input = { cloud: fields.cloud, tenantId: fields.tenantId, clientId: fields.clientId, settings: fields.authentik };
  const urls = authentikUrls(input);
  const settings = authentikSourceSettings({ ...input, name: fields.name });
  return (
    <section className={styles.panel} aria-labelledby="authentik-export-heading">
      <Subtitle2 as="h4" id="authentik-export-heading" className={styles.heading}>
        Configure authentik
      </Subtitle2>
      <Body1>
        In Entra, register this Web redirect URI on the app, and add the delegated Microsoft Graph permissions openid, profile, email and User.Read
        {fields.authentik.groupMemberRead ? ' and GroupMember.Read.All' : ''} with admin consent:
      </Body1>
      <div className={styles.table}>
        <span className={styles.term}>Redirect URI</span>
        <span className={styles.value}>{urls.redirectUri}</span>
        <CopyButton text={urls.redirectUri} what="Redirect URI" onDone={setCopied} />
      </div>
      <Body1>Then, in authentik: Directory &gt; Federation and Social login &gt; New Source &gt; Entra ID OAuth Source:</Body1>
      <div className={styles.table} role="table" aria-label="authentik source settings">
        {settings.map((s) => (
          <div key={s.field} role="row" style={{ display: 'contents' }}>
            <span role="rowheader" className={styles.term}>
              {s.field}
            </span>
            {s.value === AUTHENTIK_SECRET_NOTE ? (
              <>
                <p role="cell" className={styles.note}>
                  {s.value}
                </p>
                <span />
              </>
            ) : (
              <>
                <span role="cell" className={styles.value}>
                  {s.value}
                </span>
                <CopyButton text={s.value} what={s.field} onDone={setCopied} />
              </>
            )}
          </div>
        ))}
      </div>
      <div className={styles.copyRow}>
        <Button size="small" icon={<CopyRegular />} onClick={() => void copyText(authentikSettingsText(settings)).then((ok) => setCopied(ok ? 'All settings copied.' : 'Copying failed.'))}>
          Copy all settings
        </Button>
        <Caption1 role="status">{copied}</Caption1>
      </div>
      <Body1Strong as="h5" className={styles.subheading}>
        Machine-to-machine tokens
      </Body1Strong>
      <div className={styles.table}>
        <span className={styles.term}>Scope</span>
        <span className={styles.value}>{urls.m2mScope}</span>
        <CopyButton text={urls.m2mScope} what="Scope" onDone={setCopied} />
      </div>
      <ul className={styles.notes} aria-label="Machine-to-machine notes">
        <li>
          <Caption1>The scope needs the Application ID URI api://{fields.clientId} (Entra: the app &gt; Expose an API).</Caption1>
        </li>
        <li>
          <Caption1>{GRAPH_SCOPE_PITFALL}</Caption1>
        </li>
        <li>
          <Caption1>{TOKEN_VERSION_FACT}</Caption1>
        </li>
      </ul>
    </section>
  );
}
