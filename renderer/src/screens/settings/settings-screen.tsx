import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle2, Switch, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { FolderOpenRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import { DEFAULT_NETWORK_SETTINGS, validateNetworkSettings, type NetworkSettings, type ProxyMode } from '../../../../shared/settings';
import { errorMessage } from '../../api';
import { useSettingsStore } from '../../stores/settings-store';
import { ExpiryPolicyForm } from './expiry-policy-form';
import { useAppearanceStore } from '../../stores/appearance-store';
import { useUpdatesStore } from '../../stores/updates-store';
import type { ThemeChoice } from '../../../../shared/settings';
import { ErrorBar } from '../../components/error-bar';
import { useFormCopy } from '../../hooks/use-form-copy';
import { scrollPaneStyle } from '../../components/scroll-pane';

const sameSettings = (s: NetworkSettings): NetworkSettings => s;

const useStyles = makeStyles({
  // Scrolls in the pane like the other pages; children keep their height.
  page: { ...scrollPaneStyle, display: 'flex', flexDirection: 'column', gap: '16px', paddingRight: '8px', paddingBottom: '24px', '& > *': { flexShrink: 0 } },
  root: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '720px' },
  title: { margin: 0 },
  section: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: 'flex', gap: '8px' },
  fileRow: { display: 'flex', gap: '8px', alignItems: 'center', minWidth: 0 },
  fileInput: { flex: '1 1 auto', minWidth: 0 },
});

/** Network settings for corporate networks: the proxy and an extra CA for a TLS-inspecting proxy. */
export default function SettingsScreen() {
  const s = useStyles();
  const saved = useSettingsStore((st) => st.network);
  const loadError = useSettingsStore((st) => st.loadError);
  const { loadNetwork, saveNetwork, chooseCaFile } = useSettingsStore.getState();
  // The saved settings arrive (or change): the form shows them, unless the user has already edited it.
  const [settings, setSettings, adoptSaved] = useFormCopy<NetworkSettings, NetworkSettings>(saved, sameSettings, DEFAULT_NETWORK_SETTINGS);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void loadNetwork();
  }, [loadNetwork]);

  const issues = validateNetworkSettings(settings);
  const issue = (field: 'proxyUrl' | 'noProxy' | 'caFile') => {
    const i = issues.find((x) => x.field === field);
    return i ? { validationState: 'error' as const, validationMessage: i.message } : {};
  };
  const set = (patch: Partial<NetworkSettings>) => {
    setSettings((x) => ({ ...x, ...patch }));
    setMessage(null);
  };

  return (
    <div className={s.page}>
      {/* The page is named as its place in the navigation; Network is its (so far only) section. */}
      <Title3 as="h2" className={s.title}>
        Settings
      </Title3>
      <AppearanceSection />
      <UpdatesSection />
      <form
        className={s.root}
        aria-labelledby="settings-network-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (issues.length > 0) return;
          saveNetwork(settings).then(
            (stored) => {
              adoptSaved(stored);
              setMessage({ intent: 'success', text: 'Network settings saved. The next check uses them.' });
            },
            (err: unknown) => setMessage({ intent: 'error', text: errorMessage(err) }),
          );
        }}
      >
        <Subtitle2 as="h3" id="settings-network-title" className={s.section}>
          Network
        </Subtitle2>
        <p className={s.intro}>How Federation Desk reaches Entra ID and Microsoft Graph from this computer. The practice tenant is always reached directly.</p>
        <Field label="Proxy">
          <RadioGroup value={settings.proxyMode} onChange={(_e, d) => set({ proxyMode: d.value as ProxyMode })}>
            <Radio value="system" label="Use the system proxy settings" />
            <Radio value="none" label="No proxy (connect directly)" />
            <Radio value="manual" label="Use this proxy:" />
          </RadioGroup>
        </Field>
        {settings.proxyMode === 'manual' && (
          <>
            <Field label="Proxy URL" required {...issue('proxyUrl')}>
              <Input value={settings.proxyUrl} onChange={(_e, d) => set({ proxyUrl: d.value })} placeholder="http://proxy.contoso.com:8080" spellCheck={false} />
            </Field>
            <Field label="Bypass the proxy for" hint="Comma-separated host names, e.g. .contoso.local, intranet" {...issue('noProxy')}>
              <Input value={settings.noProxy} onChange={(_e, d) => set({ noProxy: d.value })} spellCheck={false} />
            </Field>
          </>
        )}
        <Field
          label="Extra CA certificate file"
          hint="For a proxy that inspects TLS: the path of its CA certificate (PEM). It is trusted for the Entra and Microsoft Graph hosts only."
          {...issue('caFile')}
        >
          <div className={s.fileRow}>
            <Input className={s.fileInput} value={settings.caFile} onChange={(_e, d) => set({ caFile: d.value })} placeholder="C:\Certificates\corporate-root.pem" spellCheck={false} />
            <Button
              icon={<FolderOpenRegular />}
              onClick={() =>
                chooseCaFile().then(
                  (path) => path !== null && set({ caFile: path }),
                  (err: unknown) => setMessage({ intent: 'error', text: errorMessage(err) }),
                )
              }
            >
              Browse…
            </Button>
          </div>
        </Field>
        {(message ?? loadError) && (
          <MessageBar intent={message?.intent ?? 'error'}>
            <MessageBarBody>{message?.text ?? `The network settings could not be read: ${loadError}`}</MessageBarBody>
          </MessageBar>
        )}
        <div className={s.actions}>
          <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={issues.length > 0 || JSON.stringify(saved) === JSON.stringify(settings)}>
            Save network settings
          </Button>
        </div>
      </form>
      <ExpiryPolicyForm />
    </div>
  );
}

/** One settings section: its heading names it for assistive technology, and its error shows under its controls. */
function SettingsSection({ id, title, error, children }: { id: string; title: string; error: string | null; children: ReactNode }) {
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id} className={s.section}>
        {title}
      </Subtitle2>
      {children}
      <ErrorBar message={error} />
    </section>
  );
}

/** The theme: saved at once (there is nothing to get wrong), applied at once. */
function AppearanceSection() {
  const theme = useAppearanceStore((st) => st.theme);
  const error = useAppearanceStore((st) => st.error);
  const setTheme = useAppearanceStore((st) => st.setTheme);
  return (
    <SettingsSection id="settings-appearance-title" title="Appearance" error={error}>
      <Field label="Theme" hint="High contrast themes of Windows always apply.">
        <RadioGroup value={theme} onChange={(_e, d) => void setTheme(d.value as ThemeChoice)}>
          <Radio value="system" label="Same as Windows (light or dark)" />
          <Radio value="light" label="Light" />
          <Radio value="dark" label="Dark" />
        </RadioGroup>
      </Field>
    </SettingsSection>
  );
}

/** Automatic updates of the installed app: saved at once, read by main before each daily look. */
function UpdatesSection() {
  const automatic = useUpdatesStore((st) => st.automatic);
  const error = useUpdatesStore((st) => st.error);
  const load = useUpdatesStore((st) => st.load);
  const setAutomatic = useUpdatesStore((st) => st.setAutomatic);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <SettingsSection id="settings-updates-title" title="Updates" error={error}>
      <Field hint="At start and once a day, never while a check or an audit runs. A downloaded update installs when you quit; you are asked before any restart.">
        <Switch checked={automatic} onChange={(_e, d) => void setAutomatic(d.checked)} label="Look for updates automatically" />
      </Field>
    </SettingsSection>
  );
}
