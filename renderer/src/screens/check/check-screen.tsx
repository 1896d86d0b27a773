import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, PlayRegular, StopRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { PracticeTenantInfo } from '../../../../shared/ipc-simulator';
import { currentResults, fingerprintInput, readyForFederation } from '../../../../shared/check';
import { call, errorMessage } from '../../api';
import { useAppStore } from '../../stores/app-store';
import { useCheckStore } from '../../stores/check-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { AuthScope } from './auth-scope';
import { CheckRow } from './check-row';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '16px', height: '100%', overflowY: 'auto', paddingRight: '8px', paddingBottom: '24px', maxWidth: '1100px' },
  head: { display: 'flex', alignItems: 'flex-end', gap: '16px', flexWrap: 'wrap' },
  titleBlock: { flexGrow: 1, display: 'flex', flexDirection: 'column', gap: '4px' },
  title: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  meta: { color: tokens.colorNeutralForeground3, margin: 0 },
  sectionTitle: { margin: '8px 0 4px' },
});

/** Check Compatibility for the selected profile, and the authentication scope it unlocks. */
export default function CheckScreen() {
  const s = useStyles();
  const { profiles, selectedId, loaded, load: loadProfiles, select } = useProfilesStore();
  const { runs, running, modes, error, load, start, cancel, setMode } = useCheckStore();
  const go = useAppStore((st) => st.go);
  const diagnose = useAppStore((st) => st.diagnose);
  const profile = profiles.find((p) => p.id === selectedId) ?? profiles[0];

  useEffect(() => {
    if (!loaded) void loadProfiles();
  }, [loaded, loadProfiles]);
  useEffect(() => {
    if (profile) void load(profile.id);
  }, [profile, load]);
  const [practiceUser, setPracticeUser] = useState<PracticeTenantInfo['signInUser'] | null>(null);
  const scenario = profile?.cloud === 'practice' ? profile.practiceScenario : undefined;
  useEffect(() => {
    setPracticeUser(null);
    if (scenario) call('practice:start', { scenario }).then((t) => setPracticeUser(t.signInUser), () => setPracticeUser(null));
  }, [scenario]);

  if (!profile)
    return (
      <div className={s.root}>
        <Title3 as="h2">Check Compatibility</Title3>
        <MessageBar intent="info">
          <MessageBarBody>Create a profile first: the check proves its settings against Entra ID.</MessageBarBody>
        </MessageBar>
        <div>
          <Button appearance="primary" onClick={() => go('profiles')}>
            Go to Profiles
          </Button>
        </div>
      </div>
    );

  const run = runs[profile.id] ?? null;
  const isRunning = running[profile.id] ?? false;
  const input = fingerprintInput({ ...profile, secretUpdatedAt: profile.secret.updatedAt });
  // While running, the live rows; otherwise the stored ones, with rows whose inputs changed back to "not verified".
  const results = isRunning && run && run.results.length > 0 ? run.results : currentResults(run?.results, input);
  const { ready, missing } = readyForFederation(results);
  const counts = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

  const exportSettings = async () => {
    try {
      const { fileName, json } = await call('profiles:export-settings', { profileId: profile.id });
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      useCheckStore.setState({ error: errorMessage(e) });
    }
  };

  return (
    <div className={s.root}>
      <div className={s.head}>
        <div className={s.titleBlock}>
          <Title3 as="h2" className={s.title}>
            Check Compatibility
          </Title3>
          <Caption1 className={s.meta} as="p">
            {run?.finishedAt
              ? `Last run ${new Date(run.finishedAt).toLocaleString()}: ${counts.passed ?? 0} passed, ${counts.warning ?? 0} warning, ${counts.failed ?? 0} failed, ${counts.skipped ?? 0} skipped${(counts.unverified ?? 0) > 0 ? `, ${counts.unverified} not verified (changed since)` : ''}.`
              : isRunning
                ? 'Running…'
                : 'Not run yet for this profile.'}
          </Caption1>
        </div>
        <Field label="Profile">
          <Select value={profile.id} onChange={(_e, d) => void select(d.value)} disabled={isRunning}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        {isRunning ? (
          <Button icon={<StopRegular />} onClick={() => void cancel(profile.id)}>
            Cancel check
          </Button>
        ) : (
          <Button appearance="primary" icon={<PlayRegular />} onClick={() => void start(profile.id)}>
            Check Compatibility
          </Button>
        )}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {profile.cloud === 'practice' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Practice tenant, scenario “{profile.practiceScenario}”: nothing here touches a real tenant.
            {practiceUser && (
              <>
                {' '}
                Sign in as <strong>{practiceUser.username}</strong> with the password <strong>{practiceUser.password}</strong>.
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={s.list} aria-label="Checks">
        {results.map((r) => (
          <CheckRow key={`${r.id}-${r.status}`} result={r} onDiagnose={diagnose} />
        ))}
      </ul>
      <AuthScope state={modes[profile.id]} ready={ready && !isRunning} missing={missing} onSwitch={(scope, mode) => setMode(profile.id, scope, mode)} />
      <div>
        <Subtitle2 as="h3" className={s.sectionTitle}>
          Settings
        </Subtitle2>
        <p>
          <Button icon={<ArrowDownloadRegular />} onClick={() => void exportSettings()}>
            Export federation settings (JSON, without the secret)
          </Button>
        </p>
      </div>
    </div>
  );
}
