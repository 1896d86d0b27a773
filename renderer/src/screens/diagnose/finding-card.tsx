import { Badge, Button, Caption1, Card, Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CopyRegular, ErrorCircleFilled, OpenRegular, QuestionCircleFilled } from '@fluentui/react-icons';
import { Fragment, useId, type ReactNode } from 'react';
import { isAllowedExternalUrl } from '../../../../shared/clouds';
import type { Finding } from '../../../../shared/ipc-diagnose';

const useStyles = makeStyles({
  card: { padding: '20px 24px', gap: '16px', boxShadow: tokens.shadow4 },
  // Icon, heading, badges in a row; where the card is narrow (the catalog's), the badges go under the
  // heading, at the right, rather than squeeze it or run past the card.
  head: { display: 'flex', flexWrap: 'wrap', gap: '8px 14px', alignItems: 'flex-start' },
  headText: { flex: '1 1 240px', minWidth: 0 },
  icon: { fontSize: '28px', marginTop: '2px', flexShrink: 0 },
  iconError: { color: tokens.colorPaletteRedForeground1 },
  iconUnknown: { color: tokens.colorPaletteMarigoldForeground1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  code: { color: tokens.colorBrandForeground1, marginRight: '4px' },
  subhead: { display: 'flex', flexWrap: 'wrap', gap: '6px 12px', marginTop: '4px', color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  // A badge is one line high: a group name that wrapped ("Sign-in and account" beside a long title in
  // the catalog) ran out of its pill, over and under it.
  badges: { display: 'flex', gap: '6px', flexWrap: 'wrap', justifyContent: 'flex-end', marginLeft: 'auto', '& .fui-Badge': { whiteSpace: 'nowrap' } },
  body: { display: 'flex', flexDirection: 'column', gap: '18px', paddingLeft: '42px', maxWidth: '920px' },
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1, margin: 0 },
  quote: {
    margin: 0,
    padding: '10px 14px',
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
  },
  ids: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, max-content) auto',
    alignItems: 'center',
    gap: '2px 12px',
    width: 'fit-content',
    maxWidth: '100%',
    boxSizing: 'border-box',
    margin: 0,
    padding: '8px 8px 8px 14px',
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase300, wordBreak: 'break-all' },
  missing: { fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground4 },
  noIds: { color: tokens.colorNeutralForeground3 },
  text: { margin: 0, lineHeight: tokens.lineHeightBase400, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: '22px', display: 'flex', flexDirection: 'column', gap: '6px', lineHeight: tokens.lineHeightBase300 },
  path: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: '1px 3px',
    boxDecorationBreak: 'clone',
    WebkitBoxDecorationBreak: 'clone',
  },
  links: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '6px', margin: 0, padding: 0, listStyleType: 'none' },
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '6px',
    textAlign: 'left',
    // Forced colors paint a <button> in ButtonText with no underline, so these links (buttons, as they
    // open the system browser) read as plain text there: give them the system's link colour and an
    // underline, and a focus ring, as Fluent's focus (a double underline) is hard to tell from one.
    '@media (forced-colors: active)': { color: 'LinkText', textDecorationLine: 'underline', ':focus-visible': { outlineStyle: 'solid', outlineWidth: '2px', outlineColor: 'Highlight', outlineOffset: '2px' } },
  },
  block: { display: 'block', marginBottom: '4px' },
  context: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '4px' },
});

/** "AADSTS50011" or the Graph/IDX code as written. */
export function displayCode(code: number | string): string {
  return typeof code === 'number' ? `AADSTS${code}` : code;
}

/** The finding's title without the code in front ("Redirect URI mismatch"). */
function plainTitle(f: Finding): string {
  const prefix = `${displayCode(f.code)}: `;
  return f.title.startsWith(prefix) ? f.title.slice(prefix.length) : f.title;
}

// Each segment ends on a non-space, or the repetition would stop after the first "> Identity ".
const PATH_RE = /((?:Microsoft )?Entra admin center(?: > [^>.;:,]*[^\s>.;:,])+)/g;

/** A fix step with its admin-center path set apart, so the eye finds where to click. */
function withPaths(step: string, className: string): ReactNode {
  const parts = step.split(PATH_RE);
  return parts.map((part, i) => (i % 2 === 1 ? <span key={i} className={className}>{part.trim()}</span> : <Fragment key={i}>{part}</Fragment>));
}

/** The source of a detailed entry, in words. */
export function sourceLabel(url: string): string {
  if (url.includes('/identity-platform/reference-error-codes')) return "Microsoft Learn: Microsoft Entra authentication and authorization error codes";
  if (url.includes('login.microsoftonline.com/error')) return "Microsoft's lookup page for this code";
  if (url.includes('learn.microsoft.com/troubleshoot/')) return 'Microsoft Learn: troubleshooting article for this code';
  if (url.includes('learn.microsoft.com/')) return 'Microsoft Learn';
  return "A public record of Entra's message for this code";
}

const KIND_LABEL: Record<Finding['kind'], string | null> = { aadsts: null, graph: 'Microsoft Graph', identitymodel: '.NET IdentityModel' };

export interface FindingCardProps {
  finding: Finding;
  /** A pasted error shows its own message and IDs; a catalog entry shows the explanation only. */
  variant: 'pasted' | 'catalog';
  /** The profile name the context notes are about, when tailored. */
  profileName?: string | undefined;
  onCopy(text: string, what: string): void;
  onOpenLink(url: string): void;
  /** The card's heading level: 4 under "n errors found" (h3), 3 in the catalog (right under the page's h2). */
  headingLevel?: 3 | 4;
  /** Who the causes are ranked for ("any app: no profile is chosen..."), shown with the causes. */
  rankedFor?: string | null | undefined;
}

/** One error explained: what happened, the IDs to quote, ranked causes, numbered fix steps and links. */
export function FindingCard({ finding: f, variant, profileName, onCopy, onOpenLink, headingLevel = 4, rankedFor }: FindingCardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const Label = headingLevel === 3 ? 'h4' : 'h5';
  const s = useStyles();
  const headingId = useId();
  const code = displayCode(f.code);
  const title = plainTitle(f);
  const showMessage = variant === 'pasted' && f.message !== null && f.message.trim() !== code;
  const ids: [string, string, string | null][] = [
    ['Trace ID', 'trace ID', f.traceId],
    ['Correlation ID', 'correlation ID', f.correlationId],
    ['Timestamp', 'timestamp', f.timestamp],
  ];
  const hasIds = ids.some(([, , v]) => v !== null);
  const kind = KIND_LABEL[f.kind];

  return (
    <Card className={s.card} role="article" aria-labelledby={headingId}>
      <div className={s.head}>
        {f.known ? <ErrorCircleFilled className={mergeClasses(s.icon, s.iconError)} aria-hidden /> : <QuestionCircleFilled className={mergeClasses(s.icon, s.iconUnknown)} aria-hidden />}
        <div className={s.headText}>
          <Heading className={s.heading} id={headingId}>
            <span className={s.code}>{code}</span> {f.known ? title : 'Not in our catalog'}
          </Heading>
          <div className={s.subhead}>
            {f.name !== code && <Caption1 className={s.mono}>{f.name}</Caption1>}
            {f.oauthError && <Caption1 className={s.mono}>error={f.oauthError}</Caption1>}
          </div>
        </div>
        <div className={s.badges}>
          {f.group && (
            <Badge appearance="tint" color="brand">
              {f.group}
            </Badge>
          )}
          {kind && (
            <Badge appearance="tint" color="informative">
              {kind}
            </Badge>
          )}
          {!f.known && (
            <Badge appearance="filled" color="warning">
              Not in our catalog
            </Badge>
          )}
          {f.known && !f.detailed && (
            <Badge appearance="tint" color="subtle">
              Short entry
            </Badge>
          )}
        </div>
      </div>

      <div className={s.body}>
        {showMessage && (
          <section className={s.section} aria-label="The error's own message">
            <Label className={s.label}>The error&apos;s own message</Label>
            <blockquote className={s.quote}>{f.message}</blockquote>
          </section>
        )}

        {variant === 'pasted' && (
          <section className={s.section} aria-label="IDs to quote to Microsoft">
            <Label className={s.label}>IDs to quote to Microsoft support</Label>
            {hasIds ? (
              <dl className={s.ids}>
                {ids.map(([label, what, value]) => (
                  <Fragment key={label}>
                    <dt className={s.dt}>{label}</dt>
                    <dd className={mergeClasses(s.dd, value === null && s.missing)}>{value ?? 'not in the pasted text'}</dd>
                    <dd className={s.dd}>
                      {value !== null && (
                        <Button size="small" appearance="subtle" icon={<CopyRegular />} aria-label={`Copy ${what}`} onClick={() => onCopy(value, `the ${what}`)}>
                          Copy
                        </Button>
                      )}
                    </dd>
                  </Fragment>
                ))}
              </dl>
            ) : (
              <Text className={s.noIds}>
                The pasted text has no trace or correlation ID. Entra shows them on the sign-in error page (Request Id, Correlation Id) and in the sign-in logs; paste the
                whole error to keep them.
              </Text>
            )}
          </section>
        )}

        <section className={s.section} aria-label="What happened">
          <Label className={s.label}>What happened</Label>
          <p className={s.text}>{f.explanation}</p>
        </section>

        {f.context.length > 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle className={s.block}>{profileName ? `In the profile “${profileName}”` : 'In this profile'}</MessageBarTitle>
              <ul className={s.context}>
                {f.context.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}

        {f.causes.length > 0 && (
          <section className={s.section} aria-label="Likely causes">
            <Label className={s.label}>Likely causes, most likely first</Label>
            {rankedFor && <Caption1 className={s.noIds}>Ranked for {rankedFor}.</Caption1>}
            <ol className={s.list}>
              {f.causes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ol>
          </section>
        )}

        {f.fix.length > 0 && (
          <section className={s.section} aria-label="How to fix">
            <Label className={s.label}>How to fix</Label>
            <ol className={s.list}>
              {f.fix.map((step) => (
                <li key={step}>{withPaths(step, s.path)}</li>
              ))}
            </ol>
          </section>
        )}

        {f.links.length > 0 && (
          <section className={s.section} aria-label="Links">
            <Label className={s.label}>Open in your browser</Label>
            <ul className={s.links}>
              {f.links.map((l) => (
                <li key={l.url + l.label}>
                  <Link as="button" className={s.link} onClick={() => onOpenLink(l.url)} title={l.url}>
                    <OpenRegular aria-hidden />
                    {l.label}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}

        {f.source && (
          <section className={s.section} aria-label="Source">
            <Label className={s.label}>Where these facts come from</Label>
            {isAllowedExternalUrl(f.source) ? (
              <Link as="button" className={s.link} onClick={() => onOpenLink(f.source ?? '')} title={f.source}>
                <OpenRegular aria-hidden />
                {sourceLabel(f.source)}
              </Link>
            ) : (
              <Text>
                {sourceLabel(f.source)}: <span className={s.mono}>{f.source}</span>
              </Text>
            )}
          </section>
        )}
      </div>
    </Card>
  );
}
