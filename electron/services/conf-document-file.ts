/**
 * The plain-Node adapter of the JsonDocumentFile port: `conf`, the library electron-store is built
 * on (same file format, atomic writes), so the CLI and tests read and write the app's own files.
 */
import path from 'node:path';
import Conf from 'conf';
import { parseJsonText } from './data-folder';
import type { DocumentFileFactory, JsonDocumentFile } from './ports';

type Doc = Record<string, unknown>;

/** A document factory over `conf`, with files in `dir` (mode 0600: only this user can read them). */
export function confDocumentFiles(dir: string): DocumentFileFactory {
  return (name: string): JsonDocumentFile => {
    let conf: Conf<Doc> | undefined;
    // Conf reads the file in its constructor and throws on bad JSON: open lazily so the caller can
    // catch that, move the file aside and try again.
    const open = (): Conf<Doc> =>
      (conf ??= new Conf<Doc>({ cwd: dir, configName: name, accessPropertiesByDotNotation: false, clearInvalidConfig: false, configFileMode: 0o600, deserialize: (text: string) => parseJsonText(text) as Doc }));
    return {
      path: path.join(dir, `${name}.json`),
      read: () => open().store,
      write: (value) => {
        open().store = value;
      },
    };
  };
}
