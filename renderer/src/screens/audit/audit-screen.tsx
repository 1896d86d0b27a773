import { variantOf } from '../../../../shared/targets/common-rules';
import { integrationTarget } from '../../../../shared/targets/registry';
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { AUDIT_APP_LABELS, AUDIT_STEPS, GRAPH_CLI_CLIENT_ID, type AuditApp, type AuditFinding, type AuditReport } from '../../../../shared/audit';
import type { ProfileView } from '../../../../shared/profile';
import { PracticeNotice, ProfilePageHead, ProfilePageMessage, useProfilePageStyles } from '../../components/profile-page';
import { useAppStore } from '../../stores/app-store';
import { useAuditStore } from '../../stores/audit-store';
import { useProfilesStore, useSelectedProfile } from '../../stores/profiles-store';
import { useCopyAndNotify } from '../diagnose/clipboard';
import { AuditStepRow, type StepStatus } from './audit-step-row';
import { ErrorBar } from '../../components/error-bar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '4px' },
  sectionHead: { display: 'flex', alignItems: 'baseline', gap: '10px', flexWrap: 'wrap', margin: '8px 0 4px' },
  heading: { margin: 0 },
  appId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

/** The values the guide asks for, known from the profile before any audit. */
function guideCopy(id: AuditFinding['id'], profile: ProfileView): AuditFinding['copy'] {
  if (id === 'redirect-uri') return { label: 'Redirect URI', value: variantOf(profile, 'octopus')?.webUrl ?? '' };
  if (id === 'app-id-uri') return { label: 'Application ID URI', value: `api://${profile.clientId.toLowerCase()}` };
  return null;
}

function counts(report: AuditReport | null): string {
  if (!report) return '';
  const n = (s: string) => report.findings.filter((f) => f.status === s).length;
  return `${n('passed')} passed, ${n('warning')} warning, ${n('failed')} failed, ${n('unknown')} unknown`;
}

/** "Entra setup": the guide's Entra steps, each checked through Microsoft Graph, with the value to paste and the blade to fix it. */
export default function AuditScreen({ toasterId }: { toasterId: string }) {
  const s = useStyles();
  const page = useProfilePageStyles();
  const profiles = useProfilesStore((st) => st.profiles);
  const select = useProfilesStore((st) => st.select);
  const profile = useSelectedProfile();
  const report = useAuditStore((st) => (profile ? (st.reports[profile.id] ?? null) : null));
  const isRunning = useAuditStore((st) => (profile ? (st.running[profile.id] ?? false) : false));
  const error = useAuditStore((st) => st.error);
  const { load, run, cancel, openLink } = useAuditStore.getState();
  const go = useAppStore((st) => st.go);
  const { copy } = useCopyAndNotify(toasterId);

  const profileId = profile?.id;
  useEffect(() => {
    if (profileId) void load(profileId);
  }, [profileId, load]);

  if (!profile)
    return (
      <ProfilePageMessage title="Entra setup" action="Go to Profiles" onAction={() => go('profiles')}>
        Create a profile first: the audit compares its app registrations with the setup guide.
      </ProfilePageMessage>
    );

  if (!integrationTarget(profile).setupAudit)
    return (
      <ProfilePageMessage title="Entra setup" action="Go to Check compatibility" onAction={() => go('check')}>
        “{profile.name}” federates another product than Octopus. This checklist follows the Octopus setup guide, so it does not apply: Check compatibility proves this profile’s setup, and the profile page shows what to configure.
      </ProfilePageMessage>
    );

  // A report for other app IDs (the profile was edited since) is not shown as this profile's state.
  const current = report && report.apiAppId === profile.clientId && report.samlAppId === (variantOf(profile, 'octopus')?.samlAppId ?? '') && report.tenantId === profile.tenantId ? report : null;

  const statusOf = (finding: AuditFinding | null): StepStatus => (isRunning ? 'running' : (finding?.status ?? 'not-audited'));
  const section = (app: AuditApp) => {
    const steps = AUDIT_STEPS.filter((st) => st.app === app);
    const appId = app === 'api' ? profile.clientId : (variantOf(profile, 'octopus')?.samlAppId ?? '');
    const headingId = `audit-${app}-heading`;
    return (
      <section className={s.section} aria-labelledby={headingId}>
        <div className={s.sectionHead}>
          <Subtitle2 as="h3" id={headingId} className={s.heading}>
            {AUDIT_APP_LABELS[app]}
          </Subtitle2>
          <Caption1 className={s.appId}>{appId}</Caption1>
        </div>
        <ol className={page.list} aria-label={`${AUDIT_APP_LABELS[app]} steps`}>
          {steps.map((st, i) => {
            const finding = current?.findings.find((f) => f.id === st.id && f.app === st.app) ?? null;
            return (
              <AuditStepRow
                key={`${st.app}-${st.id}`}
                index={i + 1}
                title={st.title}
                status={statusOf(finding)}
                finding={isRunning ? null : finding}
                copy={finding?.copy ?? guideCopy(st.id, profile)}
                onCopy={(value, what) => void copy(value, what)}
                onOpen={(url) => void openLink(url)}
              />
            );
          })}
        </ol>
      </section>
    );
  };

  return (
    <div className={page.root}>
      <ProfilePageHead
        title="Entra setup"
        meta={
          isRunning
            ? 'Signing in to Microsoft Graph and reading both apps…'
            : current
              ? `Audited ${new Date(current.auditedAt).toLocaleString()}${current.signedInAs ? ` as ${current.signedInAs}` : ''}: ${counts(current)}.`
              : 'The setup guide’s Entra steps, read from Microsoft Graph. Not audited yet for this profile.'
        }
        profiles={profiles}
        profile={profile}
        onChange={(id) => void select(id)}
        running={isRunning}
        startLabel="Sign in to Microsoft Graph and audit"
        cancelLabel="Cancel audit"
        onStart={() => void run(profile.id)}
        onCancel={() => void cancel(profile.id)}
      />
      <ErrorBar message={error} />
      {profile.cloud === 'practice' ? (
        <PracticeNotice profile={profile} signIn="Sign in to Microsoft Graph" />
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Your browser opens Microsoft’s sign-in page for Microsoft Graph Command Line Tools ({GRAPH_CLI_CLIENT_ID}). The audit only reads: it needs the delegated permissions Application.Read.All and
            Directory.Read.All, which an administrator consents to once for the tenant. The token stays in memory and is never saved.
          </MessageBarBody>
        </MessageBar>
      )}
      {current?.problem && !isRunning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{current.problem.summary}</MessageBarTitle>
            {current.problem.fix && <p style={{ margin: '4px 0 0' }}>{current.problem.fix}</p>}
          </MessageBarBody>
        </MessageBar>
      )}
      {section('api')}
      {section('saml')}
    </div>
  );
}
