/**
 * What to configure for The Things Stack, built from the validated profile: the Web redirect URI to
 * register in Entra, the provider URL, and the `tti-lw-cli` command that creates the provider (the
 * secret stays out of it: the command reads it from an environment variable).
 */
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ProfileFields } from '../../../../shared/profile';
import { TTS_SECRET_PLACEHOLDER, ttsCliCommand, ttsProviderUrl, ttsRedirectUri } from '../../../../shared/targets/the-things-stack';
import { copyText } from '../diagnose/clipboard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px', margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  command: { margin: 0, padding: '8px', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', wordBreak: 'break-all', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusSmall },
  copyRow: { display: 'flex', alignItems: 'center', gap: '8px' },
  heading: { margin: 0 },
});

export interface TtsExportProps {
  fields: Extract<ProfileFields, { target: 'the-things-stack' }>;
}

/** The settings panel and command export of a valid The Things Stack profile. */
export function TtsExport({ fields }: TtsExportProps) {
  const styles = useStyles();
  const [copied, setCopied] = useState<string | null>(null);
  const command = ttsCliCommand({
    name: fields.name,
    cloud: fields.cloud,
    tenantId: fields.tenantId,
    clientId: fields.clientId,
    allowedDomains: fields.allowedDomains,
    settings: fields.theThingsStack,
  });
  return (
    <section className={styles.root} aria-labelledby="tts-export-heading">
      <Subtitle2 as="h4" id="tts-export-heading" className={styles.heading}>
        Configure The Things Stack
      </Subtitle2>
      <dl className={styles.facts}>
        <dt className={styles.term}>Redirect URI (Entra: Authentication &gt; Web)</dt>
        <dd className={styles.value}>{ttsRedirectUri(fields.theThingsStack)}</dd>
        <dt className={styles.term}>Provider URL</dt>
        <dd className={styles.value}>{ttsProviderUrl(fields.cloud, fields.tenantId)}</dd>
      </dl>
      <Body1>
        In Entra, also tick <b>ID tokens</b> under Authentication, and add the optional claim <b>email</b> to the ID token under Token configuration:
        The Things Stack reads the user’s email from the ID token. Then create the provider with:
      </Body1>
      <pre className={styles.command} aria-label="tti-lw-cli command">
        {command}
      </pre>
      <Caption1>
        The client secret is not in the command: set it first, for example <code>read -rs TTS_ENTRA_CLIENT_SECRET</code>, so that {TTS_SECRET_PLACEHOLDER} expands to it.
      </Caption1>
      <div className={styles.copyRow}>
        <Button
          size="small"
          icon={<CopyRegular />}
          onClick={() => void copyText(command).then((ok) => setCopied(ok ? 'Command copied.' : 'Copying failed: select the command and copy it.'))}
        >
          Copy command
        </Button>
        <Caption1 role="status">{copied ?? ''}</Caption1>
      </div>
    </section>
  );
}
