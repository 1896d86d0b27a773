/** The app's adapter of the JsonDocumentFile port: electron-store in Electron's userData folder. */
import path from 'node:path';
import ElectronStore from 'electron-store';
import { parseJsonText } from '../services/data-folder';
import type { DocumentFileFactory, JsonDocumentFile } from '../services/ports';

type Doc = Record<string, unknown>;

export function electronDocumentFiles(dir: string): DocumentFileFactory {
  return (name: string): JsonDocumentFile => {
    let store: ElectronStore<Doc> | undefined;
    // electron-store (conf) parses the file in its constructor: open lazily so a corrupt file can be
    // moved aside by the caller and opened again.
    const open = (): ElectronStore<Doc> =>
      (store ??= new ElectronStore<Doc>({ cwd: dir, name, accessPropertiesByDotNotation: false, clearInvalidConfig: false, configFileMode: 0o600, deserialize: (text: string) => parseJsonText(text) as Doc }));
    return {
      path: path.join(dir, `${name}.json`),
      read: () => open().store,
      write: (value) => {
        open().store = value;
      },
    };
  };
}
