/**
 * The composition root: every service, wired from the ports it is given. main.ts calls it with
 * Electron adapters; the test harness and the CLI call it with plain-Node ones, so all three run the
 * very same services.
 */
import type { AppInfo } from '../shared/ipc-profiles';
import type { EventName, EventOf } from '../shared/ipc';
import type { Clock, DocumentFileFactory, Logger, SecretVault } from './services/ports';
import { DiagnoseService } from './services/diagnose-service';
import { ProfileService } from './services/profile-service';
import { ProfileStore } from './services/profile-store';
import { SecretService } from './services/secret-service';

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
}

export interface AppServices {
  ports: AppPorts;
  store: ProfileStore;
  secrets: SecretService;
  profiles: ProfileService;
  diagnose: DiagnoseService;
  appInfo(): Promise<AppInfo>;
  dismissNotice(id: string): void;
}

export function createAppServices(ports: AppPorts): AppServices {
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
  const dismissed = new Set<string>();
  return {
    ports,
    store,
    secrets,
    profiles,
    diagnose,
    async appInfo() {
      // Loading first surfaces a recovered corrupt file as a notice.
      store.load();
      const secretStorage = await secrets.status();
      const notices = store.takeNotices();
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
