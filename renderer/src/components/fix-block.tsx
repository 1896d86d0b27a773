/**
 * What a failed check row and a failed audit step show to set it right: the fix, the admin-center
 * blade to open (the system browser opens it; main checks the host again), and the values to paste,
 * each with its own copy button.
 */
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CopyRegular, OpenRegular } from '@fluentui/react-icons';
import type { Link } from '../../../shared/aadsts/schema';

const useStyles = makeStyles({
  fix: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    margin: 0,
    padding: '10px 12px',
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  fixFailed: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  title: { fontWeight: tokens.fontWeightSemibold },
  ol: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '4px', overflowWrap: 'break-word' },
  step: { margin: 0, overflowWrap: 'break-word' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  caption: { color: tokens.colorNeutralForeground3 },
  value: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: '3px 8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
  },
});

/** The button that opens one admin-center blade; primary where it is the way to the fix. */
export function AdminCenterButton({ link, primary, onOpen }: { link: Link; primary: boolean; onOpen(url: string): void }) {
  return (
    <Button
      size="small"
      appearance={primary ? 'primary' : 'subtle'}
      icon={<OpenRegular />}
      aria-label={`Open in Entra admin center: ${link.label}`}
      title={link.url}
      onClick={() => onOpen(link.url)}
    >
      Open in Entra admin center
    </Button>
  );
}

export interface CopyValueProps {
  value: string;
  /** What the copy button and its confirmation name: the value's label ("Redirect URI"), or the value itself. */
  name: string;
  /** Shown before the value ("Redirect URI:"), when the value needs saying what it is. */
  caption?: string;
  onCopy(value: string, what: string): void;
}

/** A value to paste somewhere else, as it must be typed, with its copy button. */
export function CopyValue({ value, name, caption, onCopy }: CopyValueProps) {
  const s = useStyles();
  return (
    <span className={s.actions}>
      {caption && <Caption1 className={s.caption}>{caption}:</Caption1>}
      <code className={s.value}>{value}</code>
      <Button size="small" icon={<CopyRegular />} aria-label={`Copy ${name}`} onClick={() => onCopy(value, name)}>
        Copy
      </Button>
    </span>
  );
}

export interface FixBlockProps {
  /** Failed (red edge) or a warning (amber edge). */
  failed: boolean;
  steps: readonly string[];
  /** A "How to fix" section with its title and numbered steps (a check row); without, the steps are paragraphs (an audit step's one fix). */
  titled?: boolean;
  links?: readonly Link[];
  values?: readonly string[];
  onCopy?(value: string, what: string): void;
  onOpen?(url: string): void;
}

/** The fix: its steps, then a button per admin-center blade and each value to paste with its copy button. */
export function FixBlock({ failed, steps, titled = false, links = [], values = [], onCopy, onOpen }: FixBlockProps) {
  const s = useStyles();
  const className = mergeClasses(s.fix, failed && s.fixFailed);
  const body = (
    <>
      {titled && <Text className={s.title}>How to fix</Text>}
      {titled
        ? steps.length > 0 && (
            <ol className={s.ol}>
              {steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          )
        : steps.map((step) => (
            <Text as="p" key={step} className={s.step}>
              {step}
            </Text>
          ))}
      {(links.length > 0 || values.length > 0) && (
        <div className={s.actions}>
          {onOpen && links.map((link) => <AdminCenterButton key={link.url} link={link} primary onOpen={onOpen} />)}
          {onCopy && values.map((value) => <CopyValue key={value} value={value} name={value} onCopy={onCopy} />)}
        </div>
      )}
    </>
  );
  return titled ? (
    <section aria-label="How to fix" className={className}>
      {body}
    </section>
  ) : (
    <div className={className}>{body}</div>
  );
}
