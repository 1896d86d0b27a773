/**
 * The frame of the pages that work on one profile at a time (Check compatibility, Entra setup): the
 * head with the title, a line about the last run, the profile picker and the start/cancel button;
 * the message shown instead when there is nothing to work on; and the practice tenant's notice with
 * the account to sign in with.
 */
import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { PlayRegular, StopRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { ProfileView } from '../../../shared/profile';
import { usePracticeScenario } from '../stores/practice-store';
import { scrollPaneStyle } from './scroll-pane';

export const useProfilePageStyles = makeStyles({
  // Children keep their height: a flex column that scrolls must not squeeze a message bar (its text spilled out at 1024×640).
  root: { ...scrollPaneStyle, display: 'flex', flexDirection: 'column', gap: '16px', paddingRight: '8px', paddingBottom: '24px', maxWidth: '1100px', '& > *': { flexShrink: 0 } },
  head: { display: 'flex', alignItems: 'flex-end', gap: '16px', flexWrap: 'wrap' },
  titleBlock: { flex: '1 1 360px', display: 'flex', flexDirection: 'column', gap: '4px' },
  // The profile and the button that works on it stay side by side when the head wraps.
  controls: { display: 'flex', alignItems: 'flex-end', gap: '12px', flexWrap: 'wrap', minWidth: 0 },
  select: { maxWidth: '360px' },
  title: { margin: 0 },
  meta: { color: tokens.colorNeutralForeground3, margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

type Named = Pick<ProfileView, 'id' | 'name'>;

/** One option per profile, for any profile picker. */
export function ProfileOptions({ profiles }: { profiles: readonly Named[] }) {
  return (
    <>
      {profiles.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}

export interface ProfileFieldProps {
  profiles: readonly Named[];
  value: string;
  onChange(id: string): void;
  disabled?: boolean;
}

/** "Profile": which profile the page works on. A long name is cut, and whole in the tooltip. */
export function ProfileField({ profiles, value, onChange, disabled }: ProfileFieldProps) {
  const s = useProfilePageStyles();
  return (
    <Field label="Profile">
      <Select className={s.select} value={value} onChange={(_e, d) => onChange(d.value)} disabled={disabled} title={profiles.find((p) => p.id === value)?.name}>
        <ProfileOptions profiles={profiles} />
      </Select>
    </Field>
  );
}

export interface ProfilePageHeadProps extends Omit<ProfileFieldProps, 'disabled' | 'value'> {
  title: string;
  /** The line under the title: when it last ran and how it ended, or that it runs. */
  meta: string;
  profile: ProfileView;
  running: boolean;
  startLabel: string;
  cancelLabel: string;
  onStart(): void;
  onCancel(): void;
}

/** Title and last-run line; the profile (fixed while running) and the button that starts or cancels. */
export function ProfilePageHead({ title, meta, profiles, profile, onChange, running, startLabel, cancelLabel, onStart, onCancel }: ProfilePageHeadProps) {
  const s = useProfilePageStyles();
  return (
    <div className={s.head}>
      <div className={s.titleBlock}>
        <Title3 as="h2" className={s.title}>
          {title}
        </Title3>
        <Caption1 className={s.meta} as="p">
          {meta}
        </Caption1>
      </div>
      <div className={s.controls}>
        <ProfileField profiles={profiles} value={profile.id} onChange={onChange} disabled={running} />
        {running ? (
          <Button icon={<StopRegular />} onClick={onCancel}>
            {cancelLabel}
          </Button>
        ) : (
          <Button appearance="primary" icon={<PlayRegular />} onClick={onStart}>
            {startLabel}
          </Button>
        )}
      </div>
    </div>
  );
}

/** The page when there is nothing to work on: its title, why, and the one button that leads on. */
export function ProfilePageMessage({ title, children, action, onAction }: { title: string; children: ReactNode; action: string; onAction(): void }) {
  const s = useProfilePageStyles();
  return (
    <div className={s.root}>
      <Title3 as="h2" className={s.title}>
        {title}
      </Title3>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{children}</MessageBarBody>
      </MessageBar>
      <div>
        <Button appearance="primary" onClick={onAction}>
          {action}
        </Button>
      </div>
    </div>
  );
}

/**
 * A practice profile's notice: nothing touches a real tenant, and the scenario's account to sign in
 * with (`signIn`: "Sign in", "Sign in to Microsoft Graph"). Nothing for a real tenant's profile.
 */
export function PracticeNotice({ profile, signIn }: { profile: ProfileView; signIn: string }) {
  const scenario = profile.cloud === 'practice' ? profile.practiceScenario : undefined;
  const practice = usePracticeScenario(scenario);
  const user = practice?.signInUser;
  if (!scenario) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        Practice tenant, scenario “{practice?.title ?? scenario}”: nothing here touches a real tenant.
        {user && (
          <>
            {' '}
            {signIn} as <strong>{user.username}</strong> with the password <strong>{user.password}</strong>.
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
