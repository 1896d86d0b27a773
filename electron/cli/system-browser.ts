/** Opening a URL in the person's own browser, for the CLI's interactive sign-ins. */
import { spawn } from 'node:child_process';

/** Open a URL in the system browser the way each OS does it, never through a shell; resolves once launched (or not). */
export function openInSystemBrowser(url: string): Promise<void> {
  const [command, args] =
    process.platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolve());
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    } catch {
      resolve();
    }
  });
}
