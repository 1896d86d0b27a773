/** The app's services over a data folder, as the harness builds them: conf files, a test vault, no UI. */
import { createAppServices, type AppPorts, type AppServices } from '../../electron/app-services';
import { confDocumentFiles } from '../../electron/services/conf-document-file';
import { systemClock } from '../../electron/services/ports';
import { ephemeralKeyVault } from '../harness/test-vault';

export function testAppServices(dataDir: string, overrides: Partial<AppPorts> = {}): AppServices {
  return createAppServices({
    dataDir,
    version: '0.1.0',
    platform: 'linux',
    files: confDocumentFiles(dataDir),
    vault: ephemeralKeyVault(),
    clock: systemClock,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    openExternal: async () => {},
    emit: () => {},
    ...overrides,
  });
}
