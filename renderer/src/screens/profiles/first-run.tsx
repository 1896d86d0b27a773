/** What a first launch offers: set up a real tenant, or see everything work on the practice tenant first. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, BeakerRegular } from '@fluentui/react-icons';
import { useState } from 'react';

const useStyles = makeStyles({
  // The look of Fluent's Card (filled, medium), without its chunk: this card is not interactive.
  // The ::after border is transparent, and drawn in high contrast (colorTransparentStroke).
  card: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    boxSizing: 'border-box',
    marginBottom: '20px',
    maxWidth: '720px',
    padding: '16px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    color: tokens.colorNeutralForeground1,
    '::after': {
      content: '""',
      position: 'absolute',
      inset: 0,
      pointerEvents: 'none',
      border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export function FirstRun({ onCreate, onPractice }: { onCreate(): void; onPractice(): Promise<void> }) {
  const s = useStyles();
  const [busy, setBusy] = useState(false);
  return (
    <section className={s.card} aria-labelledby="first-run-title">
      <h2 id="first-run-title" className={s.title}>
        Welcome to Federation Desk
      </h2>
      <Text as="p" className={s.text}>
        A profile holds one Octopus environment&apos;s Entra ID settings. Create one for your tenant, or try everything first on the practice tenant:
        a simulated Entra ID on this computer, with a ready-made profile that passes every check.
      </Text>
      <div className={s.actions}>
        <Button appearance="primary" icon={<AddRegular />} onClick={onCreate}>
          Create a profile
        </Button>
        <Button
          icon={<BeakerRegular />}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onPractice().finally(() => setBusy(false));
          }}
        >
          {busy ? 'Creating the practice profile…' : 'Try the practice tenant'}
        </Button>
      </div>
    </section>
  );
}
