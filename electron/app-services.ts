/**
 * The composition root: every service, wired from the ports it is given. main.ts calls it with
 * Electron adapters; the test harness and the CLI call it with plain-Node ones, so all three run the
 * very same services.
 */
import type { AppInfo } from '../shared/ipc-profiles';
import type { EventName, EventOf } from '../shared/ipc';
import type { ThemeChoice } from '../shared/settings';
import type { Clock, DocumentFileFactory, Logger, SecretVault } from './services/ports';
import { AuditService, graphSecretSource } from './services/audit';
import { CheckService } from './services/check/check-service';
import type { SignInDriver } from './services/check/sign-in-driver';
import { DiagnoseService } from './services/diagnose-service';
import { ExpiryNotifier, ExpiryService, RotationService, type NotificationPort, type Scheduler } from './services/expiry';
import type { PinnedCa } from './services/http';
import { ModesService } from './services/modes-service';
import { PracticeService, type PracticeServiceOptions } from './services/practice-service';
import { SettingsService } from './services/settings-service';
import type { ProxyConfig } from './services/http';
import type { CloudId } from '../shared/clouds';
import { ProfileService } from './services/profile-service';
import { ProfileStore } from './services/profile-store';
import { restrictDir } from './services/data-folder';
import { RecentLog } from './services/recent-log';
import { SecretService } from './services/secret-service';
import { SupportSummaryService } from './services/support-summary';
import type { NetworkOverrides } from './services/run-environment';

export interface AppPorts {
  dataDir: string;
  version: string;
  platform: string;
  files: DocumentFileFactory;
  vault: SecretVault;
  clock: Clock;
  logger: Logger;
  /** Open an already-vetted https URL in the system browser. */
  openExternal(url: string): Promise<void>;
  /** Send an event to the renderer. */
  emit<E extends EventName>(event: E, payload: EventOf<E>): void;
  /** Shows Entra's sign-in page to a person; null where there is none (the practice tenant then uses its robot). */
  signInDriver?(practice: { pinnedCa: PinnedCa } | null): SignInDriver | null;
  /** The system proxy for a URL (Electron's resolver in the app, HTTPS_PROXY in plain Node). */
  resolveSystemProxy?(url: string): Promise<ProxyConfig | null>;
  /** The system's open-file dialog (Electron's dialog.showOpenDialog in the app); resolves null when cancelled. */
  chooseFile?(o: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Make the window's native parts (and prefers-color-scheme) follow the theme choice: Electron's nativeTheme.themeSource. */
  applyTheme?(theme: ThemeChoice): void;
  /** Hosts, CAs and proxy given for this process (the CLI's options), over the settings'. */
  network?: NetworkOverrides;
  /** Shorter timeouts for tests. */
  timeouts?: { requestMs?: number; probeMs?: number; interactiveMs?: number };
  /** How long an unused practice tenant keeps running, on which clock (tests drive a fake one). */
  practiceIdle?: Pick<PracticeServiceOptions, 'idleMs' | 'timers'>;
}

export interface AppServices {
  ports: AppPorts;
  store: ProfileStore;
  secrets: SecretService;
  profiles: ProfileService;
  diagnose: DiagnoseService;
  practice: PracticeService;
  settings: SettingsService;
  checks: CheckService;
  modes: ModesService;
  support: SupportSummaryService;
  expiry: ExpiryService;
  rotation: RotationService;
  audit: AuditService;
  /** Expiry notifications at start and once a day (main passes Electron's Notification); returns stop. */
  startExpiryWatch(notifications: NotificationPort, scheduler?: Scheduler): () => void;
  appInfo(): Promise<AppInfo>;
  dismissNotice(id: string): void;
}

export function createAppServices(given: AppPorts): AppServices {
  // The data folder is this user's only (0700; Electron creates userData 0755). Writers create it so.
  restrictDir(given.dataDir);
  // Every service logs through a ring of the last lines (redacted on the way in) that the support summary quotes.
  const recentLog = new RecentLog(given.logger, undefined, given.clock);
  const ports: AppPorts = { ...given, logger: recentLog };
  const store = new ProfileStore({ files: ports.files, clock: ports.clock });
  const secrets = new SecretService(ports.vault, ports.files, ports.clock, ports.logger);
  const profiles = new ProfileService(store, secrets, ports.clock);
  const diagnose = new DiagnoseService({
    getProfile: (id) => {
      try {
        return profiles.get(id);
      } catch {
        return undefined;
      }
    },
    clock: ports.clock,
  });
  const practice = new PracticeService(ports.dataDir, { ...ports.practiceIdle, log: (line) => ports.logger.info(line) });
  const settings = new SettingsService(ports.files, ports.logger, ports.clock);
  const network = ports.network ?? {};
  const extraCas = (cloud: CloudId) => [...settings.extraCas(cloud), ...(network.extraCas?.(cloud) ?? [])];
  const proxyFor = async (url: string): Promise<ProxyConfig | null> => {
    if (network.proxy !== undefined) return network.proxy;
    const mode = settings.network().proxyMode;
    if (mode === 'manual') return settings.manualProxy();
    return mode === 'system' ? ((await ports.resolveSystemProxy?.(url)) ?? null) : null;
  };
  const endpoints = network.endpoints ? { endpoints: network.endpoints } : {};
  const checks = new CheckService({
    profiles,
    practice,
    clock: ports.clock,
    logger: ports.logger,
    emit: (profileId, run, running) => ports.emit('check:progress', { profileId, run, running }),
    signInDriver: (p) => ports.signInDriver?.(p) ?? null,
    proxyFor,
    extraCas,
    ...endpoints,
    ...(ports.timeouts?.requestMs ? { requestTimeoutMs: ports.timeouts.requestMs } : {}),
    ...(ports.timeouts?.probeMs ? { probeTimeoutMs: ports.timeouts.probeMs } : {}),
    ...(ports.timeouts?.interactiveMs ? { interactiveTimeoutMs: ports.timeouts.interactiveMs } : {}),
  });
  const modes = new ModesService(profiles, checks, ports.clock);
  const support = new SupportSummaryService({
    version: ports.version,
    platform: ports.platform,
    clock: ports.clock,
    getProfile: (id) => {
      try {
        return profiles.get(id);
      } catch {
        return undefined;
      }
    },
    lastRun: (id) => checks.lastRun(profiles.stored(id)),
    secretStorage: () => secrets.status(),
    recentLog: () => recentLog.lines(),
  });
  const audit = new AuditService({
    profiles,
    extraCas,
    proxy: () => network.proxy ?? settings.manualProxy(),
    ...endpoints,
    practice,
    clock: ports.clock,
    logger: ports.logger,
    signInDriver: (p) => ports.signInDriver?.(p) ?? null,
    openExternal: (url) => ports.openExternal(url),
    ...(ports.timeouts?.requestMs ? { requestTimeoutMs: ports.timeouts.requestMs } : {}),
    ...(ports.timeouts?.interactiveMs ? { interactiveTimeoutMs: ports.timeouts.interactiveMs } : {}),
  });
  // The expiry watch reads the secrets' real end dates from the last registration audit (docs/ARCHITECTURE.md, "Expiry watch").
  const auditSecrets = graphSecretSource((id) => audit.lastReport(profiles.stored(id)), ports.clock);
  const expiry = new ExpiryService({
    profiles,
    practice,
    clock: ports.clock,
    logger: ports.logger,
    extraSources: [auditSecrets],
    extraCas,
    ...(network.endpoints ? { endpointOverrides: network.endpoints } : {}),
    ...(network.proxy !== undefined ? { proxy: () => network.proxy ?? null } : {}),
    ...(ports.timeouts?.requestMs ? { requestTimeoutMs: ports.timeouts.requestMs } : {}) });
  const rotation = new RotationService({ profiles, secrets, practice, clock: ports.clock, logger: ports.logger, ...(ports.timeouts?.requestMs ? { requestTimeoutMs: ports.timeouts.requestMs } : {}) });
  const dismissed = new Set<string>();
  return {
    ports,
    store,
    secrets,
    profiles,
    diagnose,
    practice,
    settings,
    checks,
    modes,
    support,
    expiry,
    rotation,
    audit,
    startExpiryWatch(notifications, scheduler) {
      const notifier = new ExpiryNotifier({
        expiry,
        profiles,
        notifications,
        clock: ports.clock,
        logger: ports.logger,
        ...(scheduler ? { scheduler } : {}),
        onChecked: () => ports.emit('expiry:changed', {}),
      });
      void notifier.start();
      return () => notifier.stop();
    },
    async appInfo() {
      // Loading first surfaces an unreadable file or quarantined records as notices; the start is
      // also when what a crash between a secret's and a profile's write left behind is removed.
      try {
        profiles.repair();
      } catch (error) {
        ports.logger.warn(`Stored secrets without a profile could not be removed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const secretStorage = await secrets.status();
      const notices = [...store.takeNotices(), ...secrets.notices()];
      if (!secretStorage.persistent)
        notices.push({
          id: 'secret-session-only',
          level: 'warning',
          title: 'Secrets are kept for this session only',
          message: `This computer offers no real encryption for stored secrets (${secretStorage.backend}). Client secrets you type are kept in memory until Federation Desk closes and are never written to disk. Install a keyring such as GNOME Keyring or KWallet to keep them.`,
        });
      return { version: ports.version, platform: ports.platform, dataDir: ports.dataDir, secretStorage, notices: notices.filter((n) => !dismissed.has(n.id)) };
    },
    dismissNotice(id) {
      dismissed.add(id);
      store.dismissNotice(id);
    },
  };
}
