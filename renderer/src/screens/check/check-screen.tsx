import { Button, Subtitle2, makeStyles, mergeClasses } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo } from 'react';
import { checkWords, integrationTarget, plannedCheck } from '../../../../shared/targets/registry';
import { currentResults, fingerprintInput, readyForFederation } from '../../../../shared/check';
import { PracticeNotice, ProfilePageHead, ProfilePageMessage, useProfilePageStyles } from '../../components/profile-page';
import { useAppStore } from '../../stores/app-store';
import { useCheckStore } from '../../stores/check-store';
import { useProfilesStore, useSelectedProfile } from '../../stores/profiles-store';
import { STATUS_LABELS, rowStatus } from './status-icon';
import { useCopyAndNotify } from '../diagnose/clipboard';
import { AuthScope } from './auth-scope';
import { CheckRow, useCheckListStyles } from './check-row';
import { ErrorBar } from '../../components/error-bar';

const useStyles = makeStyles({
  sectionTitle: { margin: '8px 0 4px' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** Check compatibility for the selected profile, and the authentication scope it unlocks. */
export default function CheckScreen({ toasterId }: { toasterId: string }) {
  const s = useStyles();
  const page = useProfilePageStyles();
  const checkList = useCheckListStyles();
  const { copy } = useCopyAndNotify(toasterId);
  const profiles = useProfilesStore((st) => st.profiles);
  const select = useProfilesStore((st) => st.select);
  const profile = useSelectedProfile();
  const run = useCheckStore((st) => (profile ? (st.runs[profile.id] ?? null) : null));
  const isRunning = useCheckStore((st) => (profile ? (st.running[profile.id] ?? false) : false));
  const modes = useCheckStore((st) => (profile ? st.modes[profile.id] : undefined));
  const error = useCheckStore((st) => st.error);
  const { load, start, cancel, setMode, exportSettings: exportJson } = useCheckStore.getState();
  const go = useAppStore((st) => st.go);
  const diagnose = useAppStore((st) => st.diagnose);
  const openLink = useAppStore((st) => st.openLink);
  const onCopy = useCallback((text: string, what: string) => void copy(text, what), [copy]);
  const onOpen = useCallback((url: string) => void openLink(url), [openLink]);

  const profileId = profile?.id;
  useEffect(() => {
    if (profileId) void load(profileId);
  }, [profileId, load]);
  // While running, the live rows; otherwise the stored ones, with rows whose inputs changed back to "not verified".
  // Memoised: a row whose result object is the same does not render again (CheckRow is memo).
  const stored = useMemo(() => (profile ? currentResults(run?.results, fingerprintInput({ ...profile, secretUpdatedAt: profile.secret.updatedAt })) : []), [profile, run]);
  const results = isRunning && run && run.results.length > 0 ? run.results : stored;

  if (!profile)
    return (
      <ProfilePageMessage title="Check compatibility" action="Go to Profiles" onAction={() => go('profiles')}>
        Create a profile first: the check proves its settings against Entra ID.
      </ProfilePageMessage>
    );

  const { ready, missing } = readyForFederation(results);
  // Each check that keeps Federated identity locked, with what it found (not only its name).
  const blockers = missing.map((id) => {
    const r = results.find((x) => x.id === id);
    const title = checkWords(profile, id).title;
    return !r || r.status === 'unverified' ? `${title}: not verified yet.` : `${title}: ${STATUS_LABELS[r.status].toLowerCase()}${r.status === 'failed' ? ` (${r.summary})` : '.'}`;
  });
  // A check the target has no use for is counted as "not used", as its row says, not as skipped.
  const counts = results.reduce<Record<string, number>>((acc, r) => {
    const key = rowStatus(r.status, plannedCheck(profile, r.id).notApplicable !== undefined).notUsed ? 'notUsed' : r.status;
    return { ...acc, [key]: (acc[key] ?? 0) + 1 };
  }, {});
  const notUsed = (counts.notUsed ?? 0) > 0 ? `, ${counts.notUsed} not used` : '';

  const done = results.filter((r) => r.status !== 'running' && r.status !== 'unverified').length;
  const progress = isRunning
    ? `${done} of ${results.length} checks done.`
    : run?.finishedAt
      ? `Check finished: ${counts.passed ?? 0} passed, ${counts.warning ?? 0} warning, ${counts.failed ?? 0} failed, ${counts.skipped ?? 0} skipped${notUsed}.`
      : '';

  const exportSettings = async () => {
    const file = await exportJson(profile.id);
    if (file) {
      const { fileName, json } = file;
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      URL.revokeObjectURL(url);
    }
  };

  return (
    <div className={page.root}>
      <ProfilePageHead
        title="Check compatibility"
        meta={
          run?.finishedAt
            ? `Last run ${new Date(run.finishedAt).toLocaleString()}: ${counts.passed ?? 0} passed, ${counts.warning ?? 0} warning, ${counts.failed ?? 0} failed, ${counts.skipped ?? 0} skipped${notUsed}${(counts.unverified ?? 0) > 0 ? `, ${counts.unverified} not verified (changed since)` : ''}.`
            : isRunning
              ? 'Running…'
              : 'Not run yet for this profile.'
        }
        profiles={profiles}
        profile={profile}
        onChange={(id) => void select(id)}
        running={isRunning}
        startLabel="Check compatibility"
        cancelLabel="Cancel check"
        onStart={() => void start(profile.id)}
        onCancel={() => void cancel(profile.id)}
      />
      {/* The rows change silently while a check runs: say how far it got, and how it ended. */}
      <div className={s.srOnly} role="status" aria-live="polite" aria-atomic="true">
        {progress}
      </div>
      <ErrorBar message={error} />
      <PracticeNotice profile={profile} signIn="Sign in" />
      <ul className={mergeClasses(page.list, checkList.list)} aria-label="Checks">
        {results.map((r) => (
          <CheckRow key={`${r.id}-${r.status}`} result={r} profile={profile} onDiagnose={diagnose} onCopy={onCopy} onOpen={onOpen} />
        ))}
      </ul>
      {integrationTarget(profile).authenticationModes && (
        <AuthScope state={modes} ready={ready && !isRunning} blockers={blockers} onSwitch={(scope, mode) => setMode(profile.id, scope, mode)} />
      )}
      <div>
        <Subtitle2 as="h3" className={s.sectionTitle}>
          Export
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
