/**
 * A settings writer process for the fault suite: changes one section of settings.json COUNT times
 * through the app's SettingsService, each time to a new value, and before each change checks that
 * its section still holds the value it wrote last (nobody else writes that section, so anything else
 * is a change another process's write lost). Prints "<writes> <lost>".
 * Usage: node --import tsx tests/helpers/settings-writer.ts DIR network|appearance|updates COUNT
 */
import { confDocumentFiles } from '../../electron/services/conf-document-file';
import { silentLogger } from '../../electron/services/ports';
import { SettingsService } from '../../electron/services/settings-service';
import { DEFAULT_NETWORK_SETTINGS, THEME_CHOICES } from '../../shared/settings';
import { readyThenWaitForGo } from './child-output';

const [dir, section, countText] = process.argv.slice(2);
if (!dir || !countText || (section !== 'network' && section !== 'appearance' && section !== 'updates')) throw new Error('usage: settings-writer DIR network|appearance|updates COUNT');
const settings = new SettingsService(confDocumentFiles(dir), silentLogger);

const sections = {
  network: {
    read: () => settings.network().proxyUrl,
    write: (i: number) => settings.setNetwork({ ...DEFAULT_NETWORK_SETTINGS, proxyMode: 'manual', proxyUrl: `http://proxy-${i}.contoso.com:8080` }).proxyUrl,
  },
  appearance: {
    read: () => settings.appearance().theme,
    write: (i: number) => settings.setAppearance({ theme: THEME_CHOICES[i % THEME_CHOICES.length] ?? 'system' }).theme,
  },
  updates: {
    read: () => String(settings.updates().automatic),
    write: (i: number) => String(settings.setUpdates({ automatic: i % 2 === 1 }).automatic),
  },
};

await readyThenWaitForGo();
const mine = sections[section];
let last: string | null = null;
let lost = 0;
let writes = 0;
for (let i = 0; i < Number(countText); i++) {
  if (last !== null && mine.read() !== last) lost++;
  last = mine.write(i);
  writes++;
}
if (mine.read() !== last) lost++;
process.stdout.write(`${writes} ${lost}\n`);
