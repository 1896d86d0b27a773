import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  useId,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { DismissRegular, PeopleTeamRegular, SettingsRegular, ShieldKeyholeRegular, ShieldTaskRegular, StethoscopeRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { Suspense, useEffect, type ComponentType, type ReactElement } from 'react';
import { ProfilesScreen } from './screens/profiles/profiles-screen';
import { NARROW_MEDIA, useMediaQuery, useNarrow } from './hooks/use-media-query';
import { useAppStore, type PageId } from './stores/app-store';
import { useAppearanceStore } from './stores/appearance-store';
import { ExpiryNotice } from './components/expiry/expiry-notice';
import { Loading, lazyNamed, prefetchWhenIdle, type Preloadable } from './lazy';
import { LazyToaster, mountToaster, useToasterWanted } from './notify';
import { Tab, TabList } from './components/tabs';

const NavTooltip = lazyNamed(() => import('./nav-tooltip'), 'NavTooltip');

const useStyles = makeStyles({
  provider: { height: '100vh' },
  shell: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    flexShrink: 0,
    display: 'flex',
    alignItems: 'center',
    gap: '16px',
    padding: '0 20px',
    height: '48px',
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { display: 'flex', alignItems: 'center', gap: '8px', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  spacer: { flexGrow: 1 },
  // Full white on the brand blue: a dimmed version number fell below 4.5:1 contrast.
  version: { color: tokens.colorNeutralForegroundOnBrand },
  // Empty (no padding) until there is something to say; then on every page, above the navigation.
  notices: { flexShrink: 0, display: 'flex', flexDirection: 'column', gap: '8px', padding: '0 20px', backgroundColor: tokens.colorNeutralBackground1, ':not(:empty)': { padding: '8px 20px' } },
  body: { display: 'grid', gridTemplateColumns: '232px minmax(0, 1fr)', flex: '1 1 auto', minHeight: 0, [NARROW_MEDIA]: { gridTemplateColumns: 'auto minmax(0, 1fr)' } },
  nav: {
    padding: '16px 8px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowY: 'auto',
    [NARROW_MEDIA]: { padding: '8px 4px' },
  },
  main: { padding: '20px 24px', minHeight: 0, minWidth: 0, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground1, [NARROW_MEDIA]: { padding: '16px 16px 0 24px' } },
});

interface PageDef {
  id: PageId;
  label: string;
  icon: ReactElement;
  component: ComponentType<{ toasterId: string }> | Preloadable<{ toasterId: string }>;
}

/**
 * The first screen is bundled; every other page is a chunk of its own, fetched while the app is
 * idle after the first paint and shown from there when opened.
 */
const PAGES: PageDef[] = [
  { id: 'profiles', label: 'Profiles', icon: <PeopleTeamRegular />, component: ProfilesScreen },
  { id: 'check', label: 'Check compatibility', icon: <TaskListSquareLtrRegular />, component: lazyNamed(() => import('./screens/check/check-screen'), 'default') },
  { id: 'audit', label: 'Entra setup', icon: <ShieldTaskRegular />, component: lazyNamed(() => import('./screens/audit/audit-screen'), 'default') },
  { id: 'diagnose', label: 'Diagnose', icon: <StethoscopeRegular />, component: lazyNamed(() => import('./screens/diagnose/diagnose-screen'), 'default') },
  { id: 'settings', label: 'Settings', icon: <SettingsRegular />, component: lazyNamed(() => import('./screens/settings/settings-screen'), 'default') },
];

export function App() {
  const styles = useStyles();
  const toasterId = useId('toaster');
  const info = useAppStore((s) => s.info);
  const loadError = useAppStore((s) => s.loadError);
  const page = useAppStore((s) => s.page);
  const dismissNotice = useAppStore((s) => s.dismissNotice);
  const linkError = useAppStore((s) => s.linkError);
  const go = useAppStore((s) => s.go);
  const themeChoice = useAppearanceStore((s) => s.theme);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const dark = themeChoice === 'dark' || (themeChoice === 'system' && systemDark);
  const narrow = useNarrow();
  const toaster = useToasterWanted();

  // The data is asked for in main.tsx, before the first render; the other chunks once idle.
  useEffect(() => {
    // The toaster first: toasts follow actions, and the first screen has none to show.
    prefetchWhenIdle(() => LazyToaster.preload().then(mountToaster), NavTooltip.preload, ...PAGES.flatMap((p) => ('preload' in p.component ? [p.component.preload] : [])));
  }, []);
  // Native parts (scroll bars, date pickers, the select's list) follow the theme too.
  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);

  const current = PAGES.find((p) => p.id === page) ?? PAGES[0];
  const Page = current?.component ?? ProfilesScreen;

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <div className={styles.shell}>
        <header className={styles.header}>
          <span className={styles.brand}>
            <ShieldKeyholeRegular fontSize={22} aria-hidden />
            <Text as="h1" weight="semibold" size={400} style={{ color: 'inherit', margin: 0 }}>
              Federation Desk
            </Text>
          </span>
          <span className={styles.spacer} />
          {info && <Caption1 className={styles.version}>v{info.version}</Caption1>}
        </header>
        <div className={styles.notices} role="region" aria-label="Notices">
          <ExpiryNotice />
          {linkError && (
            <MessageBar intent="error">
              <MessageBarBody>{linkError}</MessageBarBody>
            </MessageBar>
          )}
          {loadError && (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>Federation Desk could not start properly</MessageBarTitle>
                {loadError}
              </MessageBarBody>
            </MessageBar>
          )}
          {info?.notices.map((n) => (
            <MessageBar key={n.id} intent={n.level}>
              <MessageBarBody>
                <MessageBarTitle>{n.title}</MessageBarTitle>
                {n.message}
              </MessageBarBody>
              <MessageBarActions
                containerAction={<Button appearance="transparent" aria-label={`Dismiss: ${n.title}`} icon={<DismissRegular />} onClick={() => void dismissNotice(n.id)} />}
              />
            </MessageBar>
          ))}
        </div>
        <div className={styles.body}>
          <nav className={styles.nav} aria-label="Main">
            <TabList vertical selectedValue={page} onTabSelect={(_e, d) => go(d.value as PageId)} aria-label="Sections">
              {PAGES.map((p) =>
                narrow ? (
                  // Icons only: the label is the tab's name and its tooltip (named by aria-label
                  // while the tooltip's chunk loads).
                  <Suspense key={p.id} fallback={<Tab value={p.id} icon={p.icon} aria-label={p.label} />}>
                    <NavTooltip label={p.label}>
                      <Tab value={p.id} icon={p.icon} />
                    </NavTooltip>
                  </Suspense>
                ) : (
                  <Tab key={p.id} value={p.id} icon={p.icon}>
                    {p.label}
                  </Tab>
                ),
              )}
            </TabList>
          </nav>
          <main className={styles.main}>
            <Suspense fallback={<Loading label={`Loading ${current?.label ?? 'the page'}…`} />}>
              <Page toasterId={toasterId} />
            </Suspense>
          </main>
        </div>
      </div>
      {toaster && (
        <Suspense fallback={null}>
          <LazyToaster toasterId={toasterId} />
        </Suspense>
      )}
    </FluentProvider>
  );
}
