/**
 * Where Federation Desk keeps its files: the same folder as Electron's `userData` for an app named
 * "Federation Desk", so the CLI sees the app's profiles (docs/ARCHITECTURE.md, "CLI").
 */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Federation Desk';

/** %APPDATA%\Federation Desk, ~/Library/Application Support/Federation Desk, or $XDG_CONFIG_HOME/Federation Desk. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FEDERATION_DESK_DATA_DIR) return env.FEDERATION_DESK_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}
