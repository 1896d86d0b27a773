/** The expiry badge next to a profile's name in the list: only when something needs attention. */
import { Badge, makeStyles } from '@fluentui/react-components';
import { ClockAlarmRegular, ErrorCircleRegular, QuestionCircleRegular } from '@fluentui/react-icons';
import { useExpiryStore } from '../../stores/expiry-store';
import { badgeText, itemSentence, urgentItems } from './expiry-text';

const useStyles = makeStyles({
  badge: { flexShrink: 0 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** The id the list row points its aria-describedby at. */
export const expiryBadgeId = (profileId: string): string => `expiry-badge-${profileId}`;

export function ExpiryBadge({ profileId }: { profileId: string }) {
  const styles = useStyles();
  const report = useExpiryStore((s) => s.reports[profileId]);

  const first = report ? urgentItems(report.items)[0] : undefined;
  if (!first) return null;
  const danger = first.state === 'expired' || first.state === 'critical';
  const others = (report?.items.filter((i) => i.state !== 'ok').length ?? 1) - 1;
  return (
    <Badge
      id={expiryBadgeId(profileId)}
      className={styles.badge}
      data-state={first.state}
      appearance={first.state === 'unknown' ? 'outline' : 'filled'}
      color={danger ? 'danger' : first.state === 'warning' ? 'warning' : 'informative'}
      icon={danger ? <ErrorCircleRegular /> : first.state === 'warning' ? <ClockAlarmRegular /> : <QuestionCircleRegular />}
    >
      <span aria-hidden="true">{badgeText(first)}</span>
      <span className={styles.srOnly}>
        {itemSentence(first)}
        {others > 0 ? ` (and ${others} more)` : ''}
      </span>
    </Badge>
  );
}
