/**
 * The expiry notice on every page: the worst credential of any profile, once it needs the admin
 * (expires soon, very soon, or has expired), with the way to the profile where it is rotated. The
 * profile page shows the full banner for its own profile, so there the notice steps aside for it.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ExpiryItem } from '../../../../shared/expiry';
import { useAppStore } from '../../stores/app-store';
import { useExpiryStore } from '../../stores/expiry-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { consequence, itemSentence, urgentItems } from './expiry-text';

const useStyles = makeStyles({
  // No minWidth 0: a body allowed to shrink is cut under the button instead of making Fluent's
  // auto layout reflow to two lines. Long words still wrap once it has.
  body: { overflowWrap: 'anywhere' },
  actions: { maxWidth: '100%', minWidth: 0, whiteSpace: 'normal' },
});

const RANK: Record<ExpiryItem['state'], number> = { expired: 0, critical: 1, warning: 2, unknown: 9, ok: 9 };

/** The most urgent known item across every profile, and whose it is. */
function useWorst(): { profileId: string; item: ExpiryItem } | null {
  const reports = useExpiryStore((s) => s.reports);
  return useMemo(() => {
    let best: { profileId: string; item: ExpiryItem } | null = null;
    for (const [profileId, report] of Object.entries(reports)) {
      const item = urgentItems(report.items).find((i) => RANK[i.state] < 9);
      if (item && (!best || RANK[item.state] < RANK[best.item.state] || (RANK[item.state] === RANK[best.item.state] && (item.daysLeft ?? 0) < (best.item.daysLeft ?? 0))))
        best = { profileId, item };
    }
    return best;
  }, [reports]);
}

export function ExpiryNotice() {
  const styles = useStyles();
  const worst = useWorst();
  const page = useAppStore((s) => s.page);
  const go = useAppStore((s) => s.go);
  const profile = useProfilesStore((s) => (worst ? s.profiles.find((p) => p.id === worst.profileId) : undefined));
  const shownOnPage = useProfilesStore((s) => page === 'profiles' && !s.creating && (s.selectedId ?? s.profiles[0]?.id) === worst?.profileId);
  const select = useProfilesStore((s) => s.select);
  if (!worst || !profile || shownOnPage) return null;
  const { item } = worst;
  return (
    // auto: one line with its button where the window is wide enough, two where it is not (Fluent
    // measures it: useMessageBarReflow), so the notice takes less of every page.
    <MessageBar intent={item.state === 'warning' ? 'warning' : 'error'} layout="auto" aria-label={`Expiry: ${profile.name}`}>
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>
          {profile.name}: {itemSentence(item)}.
        </MessageBarTitle>{' '}
        {consequence(item)}
      </MessageBarBody>
      <MessageBarActions className={styles.actions}>
        <Button
          onClick={() => {
            void select(profile.id);
            go('profiles');
          }}
        >
          Open “{profile.name}”
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
