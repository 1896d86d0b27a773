/**
 * The form section of each integration target's own fields, one per target id: the editor shows
 * the one of the draft's target (docs/ARCHITECTURE.md, "Adding an integration target"). The rules,
 * words and exports come from the target's module in shared/targets/<id>/.
 */
import { Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens, type InputProps } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { ProfileDraft, ProfileField, ProfileFields } from '../../../../shared/profile';
import { variantOf } from '../../../../shared/targets/common-rules';
import type { TargetId } from '../../../../shared/targets/target-ids';
import { TTS_EMAIL_WARNING, ttsDraftOf, type TtsDraft } from '../../../../shared/targets/the-things-stack';
import { authentikDraftOf } from '../../../../shared/targets/authentik';
import { WORKSPACE_SSO_FIELDS, workspaceSsoDraftOf } from '../../../../shared/targets/workspace-sso';
import { AuthentikSection } from './authentik-section';
import { TtsExport } from './tts-export';
import { WorkspaceSsoSection, type FieldStateOf } from './workspace-sso-section';

const useStyles = makeStyles({
  sectionTitle: { color: tokens.colorNeutralForeground2, margin: '8px 0 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '4px' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export interface TargetSectionProps {
  draft: ProfileDraft;
  /** Change the draft; `field` is the form field that now counts as changed (it may turn red). */
  change(next: (d: ProfileDraft) => ProfileDraft, field: ProfileField): void;
  fieldState: FieldStateOf;
  /** Props of an input bound to one of the draft's common text fields. */
  inputProps(field: 'webUrl' | 'allowedDomains'): Partial<InputProps>;
  /** The validated fields, when the draft has no error (for the export). */
  fields: ProfileFields | undefined;
}

function OctopusSection({ draft, fieldState, inputProps }: TargetSectionProps): ReactElement {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h3" className={styles.sectionTitle}>
        Octopus
      </Subtitle2>
      <Field label="Octopus Web URL" required {...fieldState('webUrl')} hint="Registered in Entra as the API app's Web redirect URI, byte for byte, trailing slash included.">
        <Input {...inputProps('webUrl')} placeholder="https://octopus.contoso.com/" spellCheck={false} autoComplete="off" />
      </Field>
      <Field
        label="Allowed email domains"
        required={['common', 'organizations'].includes(draft.tenantId.trim().toLowerCase())}
        {...fieldState('allowedDomains')}
        hint="Comma-separated, e.g. contoso.com, fabrikam.com. Required when the tenant is common or organizations."
      >
        <Input {...inputProps('allowedDomains')} spellCheck={false} />
      </Field>
    </>
  );
}

const TTS_FIELD: Record<keyof TtsDraft, ProfileField> = { serverAddress: 'ttsServerAddress', providerId: 'ttsProviderId' };

function TheThingsStackSection({ draft, change, fieldState, inputProps, fields }: TargetSectionProps): ReactElement {
  const styles = useStyles();
  const tts = ttsDraftOf(draft);
  const set = (key: keyof TtsDraft, value: string) => change((d) => ({ ...d, theThingsStack: { ...ttsDraftOf(d), [key]: value } }), TTS_FIELD[key]);
  const ttsInputProps = (key: keyof TtsDraft): Partial<InputProps> => ({ value: tts[key], onChange: (_e, data) => set(key, data.value), name: TTS_FIELD[key] });
  const valid = fields ? variantOf(fields, 'the-things-stack') : null;
  return (
    <>
      <Subtitle2 as="h3" className={styles.sectionTitle}>
        The Things Stack
      </Subtitle2>
      <Field
        label="Server address"
        required
        {...fieldState('ttsServerAddress', (v) => set('serverAddress', v))}
        hint="Where The Things Stack is served, e.g. thethings.contoso.com. The redirect URI is built from it."
      >
        <Input {...ttsInputProps('serverAddress')} placeholder="thethings.contoso.com" spellCheck={false} autoComplete="off" />
      </Field>
      <Field label="Provider ID" required {...fieldState('ttsProviderId', (v) => set('providerId', v))} hint="3 to 36 lower-case letters, digits and single dashes, e.g. microsoft-entra.">
        <Input {...ttsInputProps('providerId')} className={styles.mono} placeholder="microsoft-entra" spellCheck={false} autoComplete="off" />
      </Field>
      <Field
        label="Allowed email domains"
        required
        {...fieldState('allowedDomains')}
        hint="Comma-separated, e.g. contoso.com. Only users whose email is in these domains can sign in to The Things Stack."
      >
        <Input {...inputProps('allowedDomains')} spellCheck={false} />
      </Field>
      <MessageBar intent="warning">
        <MessageBarBody>{TTS_EMAIL_WARNING}</MessageBarBody>
      </MessageBar>
      {valid && <TtsExport fields={valid} />}
    </>
  );
}

function AuthentikTargetSection({ draft, change, fieldState, fields }: TargetSectionProps): ReactElement {
  return (
    <AuthentikSection
      draft={authentikDraftOf(draft)}
      onChange={(patch, field) => change((d) => ({ ...d, authentik: { ...authentikDraftOf(d), ...patch } }), field)}
      fieldState={fieldState}
      fields={fields ? variantOf(fields, 'authentik') : null}
    />
  );
}

function WorkspaceTargetSection({ draft, change, fieldState, inputProps, fields }: TargetSectionProps): ReactElement {
  return (
    <WorkspaceSsoSection
      draft={workspaceSsoDraftOf(draft)}
      onChange={(key, value) => change((d) => ({ ...d, workspaceSso: { ...workspaceSsoDraftOf(d), [key]: value } }), WORKSPACE_SSO_FIELDS[key])}
      fieldState={fieldState}
      allowedDomainsInput={inputProps('allowedDomains')}
      multiTenant={draft.tenantId.trim().toLowerCase() === 'common'}
      fields={fields}
    />
  );
}

/** One form section per target (a new target adds its line here too). */
export const TARGET_SECTIONS: Readonly<Record<TargetId, (props: TargetSectionProps) => ReactElement>> = {
  octopus: OctopusSection,
  'the-things-stack': TheThingsStackSection,
  authentik: AuthentikTargetSection,
  'workspace-sso': WorkspaceTargetSection,
};
