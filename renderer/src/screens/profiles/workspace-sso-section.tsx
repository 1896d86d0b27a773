/**
 * The Workspace SSO (OnTrackio-style) part of the profile form: base domain, workspace subdomains,
 * allowed domains and external collaborators, how the product finds the user's email, and, once the
 * profile is valid, what to set in Entra and the product's environment variables (the secret never
 * written out).
 */
import { variantOf } from '../../../../shared/targets/common-rules';
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2, Textarea, makeStyles, tokens, type FieldProps, type InputProps } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState, type ReactElement } from 'react';
import type { ProfileField, ProfileFields } from '../../../../shared/profile';
import {
  WORKSPACE_CALLBACK_PATH,
  WORKSPACE_EMAIL_NOTE,
  WORKSPACE_SSO_FIELDS,
  WORKSPACE_SSO_SCOPES,
  workspaceEnvFile,
  workspaceRedirectUris,
  type WorkspaceSsoDraft,
} from '../../../../shared/targets/workspace-sso';
import { copyText } from '../diagnose/clipboard';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '14px' },
  sectionTitle: { color: tokens.colorNeutralForeground2, margin: '8px 0 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '4px' },
  panel: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '6px 12px', margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, wordBreak: 'break-word' },
  uris: { margin: 0, paddingLeft: 0, listStyleType: 'none', fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  env: {
    margin: 0,
    padding: '8px',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusSmall,
  },
  copyRow: { display: 'flex', alignItems: 'center', gap: '8px' },
  heading: { margin: 0 },
});

/** The validation props the editor computes for a field (and where its one-click fix writes). */
export type FieldStateOf = (field: ProfileField, applyFix?: (value: string) => void) => Partial<Pick<FieldProps, 'validationState' | 'validationMessage'>>;

export interface WorkspaceSsoSectionProps {
  draft: WorkspaceSsoDraft;
  onChange(key: keyof WorkspaceSsoDraft, value: string): void;
  fieldState: FieldStateOf;
  /** The editor's "Allowed email domains" input (shared with the other targets). */
  allowedDomainsInput: Partial<InputProps>;
  /** The tenant is common: the domain list is then required. */
  multiTenant: boolean;
  /** The validated profile, when nothing is an error: the export panel shows it. */
  fields: ProfileFields | undefined;
}

/** The target's own fields and, for a valid profile, the Entra settings and the environment variables. */
export function WorkspaceSsoSection({ draft, onChange, fieldState, allowedDomainsInput, multiTenant, fields }: WorkspaceSsoSectionProps): ReactElement {
  const workspace = fields ? variantOf(fields, 'workspace-sso') : null;
  const styles = useStyles();
  const text = (key: keyof WorkspaceSsoDraft) => ({
    value: draft[key],
    name: WORKSPACE_SSO_FIELDS[key],
    onChange: (_e: unknown, data: { value: string }) => onChange(key, data.value),
    spellCheck: false,
    autoComplete: 'off',
  });
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3" className={styles.sectionTitle}>
        Workspace SSO
      </Subtitle2>
      <Field
        label="Base domain"
        required
        {...fieldState('wsBaseDomain', (v) => onChange('baseDomain', v))}
        hint={`Every workspace is served at <workspace>.<base domain>; its redirect URI is https://<workspace>.<base domain>${WORKSPACE_CALLBACK_PATH}.`}
      >
        <Input {...text('baseDomain')} placeholder="ontrackio.com" />
      </Field>
      <Field
        label="Workspace subdomains"
        required
        {...fieldState('wsWorkspaces', (v) => onChange('workspaces', v))}
        hint="Comma-separated, e.g. acme, globex. Entra has no wildcard redirect URIs, so every workspace gets its own and all of them are registered."
      >
        <Textarea {...text('workspaces')} className={styles.mono} resize="vertical" rows={2} placeholder="acme, globex" />
      </Field>
      <Field
        label="Allowed email domains"
        required={multiTenant}
        {...fieldState('allowedDomains')}
        hint="Comma-separated, e.g. contoso.com. Required with common, where it is the only boundary; empty with a tenant GUID means every user of the tenant."
      >
        <Input {...allowedDomainsInput} spellCheck={false} />
      </Field>
      <Field
        label="External collaborators"
        {...fieldState('wsCollaborators', (v) => onChange('externalCollaborators', v))}
        hint="Optional email addresses that may sign in although their domain is not allowed. With a tenant GUID they must also be guests of the tenant, or sign-in stops with AADSTS50020."
      >
        <Textarea {...text('externalCollaborators')} resize="vertical" rows={2} placeholder="jane@fabrikam.com" />
      </Field>
      <MessageBar intent="info">
        <MessageBarBody>
          Scopes <span className={styles.mono}>{WORKSPACE_SSO_SCOPES.join(' ')}</span>. {WORKSPACE_EMAIL_NOTE}
        </MessageBarBody>
      </MessageBar>
      {workspace && <WorkspaceSsoExport fields={workspace} />}
    </div>
  );
}

/** What to set in Entra, and the environment variables of a valid workspace SSO profile. */
function WorkspaceSsoExport({ fields }: { fields: Extract<ProfileFields, { target: 'workspace-sso' }> }): ReactElement {
  const styles = useStyles();
  const [copied, setCopied] = useState<string | null>(null);
  const uris = workspaceRedirectUris(fields.workspaceSso);
  const env = workspaceEnvFile({ name: fields.name, tenantId: fields.tenantId, clientId: fields.clientId, allowedDomains: fields.allowedDomains, settings: fields.workspaceSso });
  const copy = (value: string, what: string) => void copyText(value).then((ok) => setCopied(ok ? `${what} copied.` : 'Copying failed: select the text and copy it.'));
  return (
    <section className={styles.panel} aria-labelledby="workspace-sso-export-heading">
      <Subtitle2 as="h4" id="workspace-sso-export-heading" className={styles.heading}>
        Configure workspace SSO
      </Subtitle2>
      <dl className={styles.facts}>
        <dt className={styles.term}>Redirect URIs (Authentication &gt; Web)</dt>
        <dd className={styles.value}>
          <ul className={styles.uris} aria-label="Workspace redirect URIs">
            {uris.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </dd>
        <dt className={styles.term}>Implicit grant and hybrid flows</dt>
        <dd className={styles.value}>Off: Access tokens and ID tokens unticked.</dd>
        <dt className={styles.term}>Allow public client flows</dt>
        <dd className={styles.value}>No (a confidential client with a secret).</dd>
        <dt className={styles.term}>API permissions</dt>
        <dd className={styles.value}>Microsoft Graph, delegated: {WORKSPACE_SSO_SCOPES.join(', ')}; grant admin consent.</dd>
      </dl>
      <Body1>Then give the product these environment variables:</Body1>
      <pre className={styles.env} aria-label="Environment variables">
        {env}
      </pre>
      <Caption1>
        AZURE_REDIRECT_URI holds every workspace’s redirect URI, comma-separated in workspace order: the product uses the one whose host is the workspace being signed in
        to. The client secret is never written here: replace the placeholder from your secret store.
      </Caption1>
      <div className={styles.copyRow}>
        <Button size="small" icon={<CopyRegular />} onClick={() => copy(env, 'Variables')}>
          Copy variables
        </Button>
        <Button size="small" icon={<CopyRegular />} onClick={() => copy(uris.join('\n'), 'Redirect URIs')}>
          Copy redirect URIs
        </Button>
        <Caption1 role="status">{copied ?? ''}</Caption1>
      </div>
    </section>
  );
}
