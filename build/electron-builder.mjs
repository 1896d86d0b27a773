// electron-builder configuration: a per-user NSIS installer (no admin rights) and a per-machine MSI
// for Intune/GPO, both for Windows x64. `npm run dist:win` on Windows (or the workflow in
// .github/workflows/windows.yml). Docs: https://www.electron.build/configuration
//
// The app is shipped as bundles (dist-electron/, dist-cli/, dist/renderer/): esbuild already put
// every production dependency inside them, so the asar holds no node_modules at all, no sources, no
// tests and no source maps (tests/packaging/asar.test.ts checks the file set and a size budget).
//
// Code signing reads its certificate only from the environment, never from this repository:
// WIN_CSC_LINK (a .pfx file path or base64) and WIN_CSC_KEY_PASSWORD, which electron-builder reads
// itself (https://www.electron.build/code-signing), or Azure Trusted Signing when
// AZURE_TRUSTED_SIGNING_ENDPOINT, AZURE_TRUSTED_SIGNING_ACCOUNT and AZURE_TRUSTED_SIGNING_PROFILE are
// set (plus AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET for the signing identity).
//
// Updates (electron-updater): the feed is FD_UPDATE_URL (a generic HTTPS folder holding latest.yml
// and the installers) or, when FD_UPDATE_GITHUB is "owner/repo", that repository's releases. Without
// either, the build has no feed and the app never looks for updates.
import fs from 'node:fs';
import process from 'node:process';

/** Equal to APP_USER_MODEL_ID in electron/main.ts: Windows ties toasts and the taskbar to the Start-menu shortcut by it. */
export const APP_ID = 'com.federationdesk.app';

/** Where the installed CLI lands, relative to the install folder (put on PATH by the installers). */
export const CLI_BIN_DIR = 'resources\\bin';

/** The files the app needs at run time, relative to the project root; everything else stays out. */
export const APP_FILES = ['package.json', 'dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist-cli/**/*.mjs', 'dist/renderer/**/*', '!**/*.map', '!node_modules/**/*'];

function publish() {
  if (process.env.FD_UPDATE_URL) return [{ provider: 'generic', url: process.env.FD_UPDATE_URL, channel: 'latest' }];
  const repo = process.env.FD_UPDATE_GITHUB?.split('/');
  if (repo?.length === 2) return [{ provider: 'github', owner: repo[0], repo: repo[1], releaseType: 'release' }];
  return null;
}

function azureSignOptions() {
  const { AZURE_TRUSTED_SIGNING_ENDPOINT: endpoint, AZURE_TRUSTED_SIGNING_ACCOUNT: account, AZURE_TRUSTED_SIGNING_PROFILE: profile, AZURE_TRUSTED_SIGNING_PUBLISHER: publisherName } = process.env;
  if (!endpoint || !account || !profile) return undefined;
  return { endpoint, codeSigningAccountName: account, certificateProfileName: profile, publisherName: publisherName ?? 'Federation Desk' };
}

/**
 * Puts the installed CLI on PATH for MSI installs: a component in the generated WiX project that
 * appends [APPLICATIONFOLDER]resources\bin to the machine PATH and takes it out on uninstall
 * (WiX Environment element, https://wixtoolset.org/docs/v3/xsd/wix/environment/).
 */
export function addCliToMsiPath(wxs) {
  if (wxs.includes('Id="FederationDeskCliOnPath"')) return wxs;
  const component = `
      <Component Id="FederationDeskCliOnPath" Guid="6F0E4C52-7B1A-4C3E-9D55-3A1F2B7C8E91">
        <RegistryValue Root="HKLM" Key="Software\\Federation Desk" Name="CliOnPath" Type="integer" Value="1" KeyPath="yes"/>
        <Environment Id="FederationDeskCliPath" Name="PATH" Value="[APPLICATIONFOLDER]${CLI_BIN_DIR}" Part="last" Action="set" System="yes" Permanent="no"/>
      </Component>
    </ComponentGroup>`;
  const at = wxs.lastIndexOf('</ComponentGroup>');
  if (at < 0) throw new Error('The WiX project has no ComponentGroup to add the CLI to PATH in.');
  return `${wxs.slice(0, at)}${component.trimStart()}${wxs.slice(at + '</ComponentGroup>'.length)}`;
}

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: APP_ID,
  productName: 'Federation Desk',
  copyright: 'Copyright © Federation Desk contributors',
  directories: { output: 'release', buildResources: 'build' },
  files: APP_FILES,
  // The CLI shim (build/cli/federation-desk.cmd) runs the app's own executable in CLI mode.
  extraResources: [{ from: 'build/cli', to: 'bin', filter: ['*.cmd'] }],
  asar: true,
  compression: 'normal',
  electronLanguages: ['en-US'],
  publish: publish(),
  electronFuses: {
    // The installed CLI does not need ELECTRON_RUN_AS_NODE: it runs as the app itself with --cli
    // (electron/main.ts, "installed CLI"), so the app's safeStorage and asar integrity stay in force.
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    // Off in the installer. The Playwright _electron smoke test needs --inspect, so the workflow runs
    // it against the unpacked development app, never against these fused binaries.
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    icon: 'build/icon.ico',
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ],
    // One or the other (electron-builder refuses both): Azure Trusted Signing when configured, else signtool with WIN_CSC_LINK.
    ...(azureSignOptions() ? { azureSignOptions: azureSignOptions() } : { signtoolOptions: { signingHashAlgorithms: ['sha256'] } }),
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: false,
    createStartMenuShortcut: true,
    createDesktopShortcut: false,
    shortcutName: 'Federation Desk',
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
    // Never delete %APPDATA%\Federation Desk on uninstall: profiles and secrets survive an update or a reinstall.
    deleteAppDataOnUninstall: false,
    include: 'build/installer.nsh',
    artifactName: 'Federation-Desk-Setup-${version}-${arch}.${ext}',
  },
  msi: {
    perMachine: true,
    oneClick: true,
    createStartMenuShortcut: true,
    createDesktopShortcut: false,
    shortcutName: 'Federation Desk',
    artifactName: 'Federation-Desk-${version}-${arch}.${ext}',
  },
  msiProjectCreated: async (projectFile) => {
    fs.writeFileSync(projectFile, addCliToMsiPath(fs.readFileSync(projectFile, 'utf8')));
  },
  linux: { target: ['dir'], icon: 'build/icon.png', category: 'Utility' },
  extraMetadata: { main: 'dist-electron/main.cjs' },
};

export default config;
