import {
  Button,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { Suspense, useEffect, useState } from 'react';
import { cloudLabel } from '../../../../shared/clouds';
import type { ProfileView } from '../../../../shared/profile';
import { ExpiryBadge, expiryBadgeId } from '../../components/expiry/expiry-badge';
import { lazyNamed, prefetchWhenIdle } from '../../lazy';

const ProfileActionsMenu = lazyNamed(() => import('./profile-actions-menu'), 'ProfileActionsMenu');

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'flex',
    alignItems: 'center',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid transparent`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, border: `1px solid ${tokens.colorBrandStroke2}`, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  select: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '2px',
    padding: '8px 10px',
    background: 'none',
    border: 'none',
    textAlign: 'left',
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%' },
  nameRow: { display: 'flex', alignItems: 'center', gap: '6px', maxWidth: '100%', minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%' },
  empty: { color: tokens.colorNeutralForeground3, padding: '8px 2px' },
});

export interface ProfileListProps {
  profiles: ProfileView[];
  selectedId: string | null;
  creating: boolean;
  onSelect(id: string): void;
  onNew(): void;
  onRename(profile: ProfileView): void;
  onDuplicate(profile: ProfileView): void;
  onDelete(profile: ProfileView): void;
}

/** The profiles, one row each, with a menu of actions per profile. */
export function ProfileList(props: ProfileListProps) {
  const styles = useStyles();
  return (
    <nav className={styles.root} aria-label="Profiles">
      <div className={styles.header}>
        <Text weight="semibold" size={400} as="h2">
          Profiles
        </Text>
        <Button icon={<AddRegular />} onClick={props.onNew} disabled={props.creating}>
          New profile
        </Button>
      </div>
      {props.profiles.length === 0 && <Caption1 className={styles.empty}>No profiles yet. Fill in the form to create the first one.</Caption1>}
      <ul className={styles.list}>
        {props.profiles.map((p) => {
          const selected = !props.creating && p.id === props.selectedId;
          return (
            <li key={p.id} className={mergeClasses(styles.item, selected && styles.selected)}>
              <button
                type="button"
                className={styles.select}
                aria-current={selected ? 'true' : undefined}
                aria-label={p.name}
                aria-describedby={`profile-meta-${p.id} ${expiryBadgeId(p.id)}`}
                onClick={() => props.onSelect(p.id)}
              >
                <span className={styles.nameRow}>
                  <span className={styles.name} title={p.name}>
                  {p.name}
                </span>
                  <ExpiryBadge profileId={p.id} />
                </span>
                <Caption1 className={styles.meta} id={`profile-meta-${p.id}`} title={p.tenantId}>
                  {p.tenantId} · {cloudLabel(p.cloud).split(' (')[0]}
                </Caption1>
              </button>
              <ProfileActions profile={p} {...props} />
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * Rename, duplicate, delete: the same menu in the list and next to the picker. The button is here;
 * the menu is fetched when the app is idle and mounted, open, by the first click.
 */
export function ProfileActions({ profile, onRename, onDuplicate, onDelete }: Pick<ProfileListProps, 'onRename' | 'onDuplicate' | 'onDelete'> & { profile: ProfileView }) {
  const [wanted, setWanted] = useState(false);
  useEffect(() => prefetchWhenIdle(ProfileActionsMenu.preload), []);
  const label = `Actions for ${profile.name}`;
  // Until the menu is there, the button says what MenuTrigger would say: it opens a menu, closed.
  const placeholder = (onClick?: () => void) => (
    <Button appearance="subtle" icon={<MoreHorizontalRegular />} aria-label={label} aria-haspopup="menu" aria-expanded={false} onClick={onClick} />
  );
  if (!wanted) return placeholder(() => setWanted(true));
  return (
    <Suspense fallback={placeholder()}>
      <ProfileActionsMenu
        profile={profile}
        trigger={<Button appearance="subtle" icon={<MoreHorizontalRegular />} aria-label={label} />}
        onRename={onRename}
        onDuplicate={onDuplicate}
        onDelete={onDelete}
      />
    </Suspense>
  );
}
