import { integrationTarget } from '../../../../shared/targets/registry';
import { Button, Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { PlayRegular, StopRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { AUDIT_APP_LABELS, AUDIT_STEPS, GRAPH_CLI_CLIENT_ID, type AuditApp, type AuditFinding, type AuditReport } from '../../../../shared/audit';
import type { ProfileView } from '../../../../shared/profile';
import { useAppStore } from '../../stores/app-store';
import { useAuditStore } from '../../stores/audit-store';
import { useProfilesStore, useSelectedProfile } from '../../stores/profiles-store';
import { usePracticeStore, usePracticeUser } from '../../stores/practice-store';
import { useNotify } from '../diagnose/clipboard';
import { AuditStepRow, type StepStatus } from './audit-step-row';

const useStyles = makeStyles({
  // Children keep their height: a flex column that scrolls must not squeeze a message bar.
  root: { display: 'flex', flexDirection: 'column', gap: '16px', height: '100%', overflowY: 'auto', paddingRight: '8px', paddingBottom: '24px', maxWidth: '1100px', '& > *': { flexShrink: 0 } },
  head: { display: 'flex', alignItems: 'flex-end', gap: '16px', flexWrap: 'wrap' },
  titleBlock: { flex: '1 1 360px', display: 'flex', flexDirection: 'column', gap: '4px' },
  controls: { display: 'flex', alignItems: 'flex-end', gap: '12px' },
  title: { margin: 0 },
  meta: { color: tokens.colorNeutralForeground3, margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: '4px' },
  sectionHead: { display: 'flex', alignItems: 'baseline', gap: '10px', flexWrap: 'wrap', margin: '8px 0 4px' },
  heading: { margin: 0 },
  appId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  list: { listStyleType: 'none', margin: 0, padding: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** The values the guide asks for, known from the profile before any audit. */
function guideCopy(id: AuditFinding['id'], profile: ProfileView): AuditFinding['copy'] {
  if (id === 'redirect-uri') return { label: 'Redirect URI', value: profile.webUrl };
  if (id === 'app-id-uri') return { label: 'Application ID URI', value: `api://${profile.apiAppId.toLowerCase()}` };
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
  const profiles = useProfilesStore((st) => st.profiles);
  const select = useProfilesStore((st) => st.select);
  const profile = useSelectedProfile();
  const report = useAuditStore((st) => (profile ? (st.reports[profile.id] ?? null) : null));
  const isRunning = useAuditStore((st) => (profile ? (st.running[profile.id] ?? false) : false));
  const error = useAuditStore((st) => st.error);
  const { load, run, cancel, openLink } = useAuditStore.getState();
  const go = useAppStore((st) => st.go);
  const { copy } = useNotify(toasterId);

  const profileId = profile?.id;
  useEffect(() => {
    if (profileId) void load(profileId);
  }, [profileId, load]);
  const scenario = profile?.cloud === 'practice' ? profile.practiceScenario : undefined;
  const practiceUser = usePracticeUser(scenario);
  useEffect(() => {
    if (scenario) void usePracticeStore.getState().loadUser(scenario);
  }, [scenario]);

  if (!profile)
    return (
      <div className={s.root}>
        <Title3 as="h2" className={s.title}>
          Entra setup
        </Title3>
        <MessageBar intent="info">
          <MessageBarBody>Create a profile first: the audit compares its app registrations with the setup guide.</MessageBarBody>
        </MessageBar>
        <div>
          <Button appearance="primary" onClick={() => go('profiles')}>
            Go to Profiles
          </Button>
        </div>
      </div>
    );

  if (!integrationTarget(profile).setupAudit)
    return (
      <div className={s.root}>
        <Title3 as="h2" className={s.title}>
          Entra setup
        </Title3>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            “{profile.name}” federates another product than Octopus. This checklist follows the Octopus setup guide, so it does not apply: Check compatibility proves this profile’s setup, and the profile page shows what to configure.
          </MessageBarBody>
        </MessageBar>
        <div>
          <Button appearance="primary" onClick={() => go('check')}>
            Go to Check compatibility
          </Button>
        </div>
      </div>
    );

  // A report for other app IDs (the profile was edited since) is not shown as this profile's state.
  const current = report && report.apiAppId === profile.apiAppId && report.samlAppId === profile.samlAppId && report.tenantId === profile.tenantId ? report : null;

  const statusOf = (finding: AuditFinding | null): StepStatus => (isRunning ? 'running' : (finding?.status ?? 'not-audited'));
  const section = (app: AuditApp) => {
    const steps = AUDIT_STEPS.filter((st) => st.app === app);
    const appId = app === 'api' ? profile.apiAppId : profile.samlAppId;
    const headingId = `audit-${app}-heading`;
    return (
      <section className={s.section} aria-labelledby={headingId}>
        <div className={s.sectionHead}>
          <Subtitle2 as="h3" id={headingId} className={s.heading}>
            {AUDIT_APP_LABELS[app]}
          </Subtitle2>
          <Caption1 className={s.appId}>{appId}</Caption1>
        </div>
        <ol className={s.list} aria-label={`${AUDIT_APP_LABELS[app]} steps`}>
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
    <div className={s.root}>
      <div className={s.head}>
        <div className={s.titleBlock}>
          <Title3 as="h2" className={s.title}>
            Entra setup
          </Title3>
          <Caption1 className={s.meta} as="p">
            {isRunning
              ? 'Signing in to Microsoft Graph and reading both apps…'
              : current
                ? `Audited ${new Date(current.auditedAt).toLocaleString()}${current.signedInAs ? ` as ${current.signedInAs}` : ''}: ${counts(current)}.`
                : 'The setup guide’s Entra steps, read from Microsoft Graph. Not audited yet for this profile.'}
          </Caption1>
        </div>
        <div className={s.controls}>
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
              Cancel audit
            </Button>
          ) : (
            <Button appearance="primary" icon={<PlayRegular />} onClick={() => void run(profile.id)}>
              Sign in to Microsoft Graph and audit
            </Button>
          )}
        </div>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {profile.cloud === 'practice' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Practice tenant, scenario “{profile.practiceScenario}”: nothing here touches a real tenant.
            {practiceUser && (
              <>
                {' '}
                Sign in to Microsoft Graph as <strong>{practiceUser.username}</strong> with the password <strong>{practiceUser.password}</strong>.
              </>
            )}
          </MessageBarBody>
        </MessageBar>
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
