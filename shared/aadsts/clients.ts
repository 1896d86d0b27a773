/**
 * Which client produced a pasted error text: the Octopus setup itself, Azure CLI, a PowerShell module,
 * one of the MSAL libraries, a browser's sign-in error page, or a sign-in log. Causes are ranked for
 * that client: the same AADSTS code has another likely cause in `az login` than in Octopus.
 *
 * Every signal is a literal the client prints: its command or cmdlet names, its exception type names,
 * its package names, or its well-known first-party application ID (Microsoft Learn, "Application IDs
 * of commonly used Microsoft applications").
 */

export const CLIENT_KINDS = [
  'octopus',
  'azure-cli',
  'powershell',
  'azure-identity',
  'msal-browser',
  'msal-node',
  'msal-net',
  'msal-python',
  'msal-java',
  'msal-apple',
  'msal-android',
  'browser-page',
  'sign-in-log',
] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

/**
 * What kind of app the client is, as far as causes go: a command-line tool, an app without a secret
 * (desktop, mobile, console), a single-page app, a server app with a secret or certificate.
 */
export const CLIENT_FAMILIES = ['cli', 'public-client', 'spa', 'confidential'] as const;
export type ClientFamily = (typeof CLIENT_FAMILIES)[number];

export interface DetectedClient {
  kind: ClientKind;
  /** "Azure CLI", "MSAL for iOS and macOS", in words. */
  label: string;
  /** Families whose causes apply, most specific first. */
  families: readonly ClientFamily[];
}

const AZURE_CLI_APP = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const AZURE_POWERSHELL_APP = '1950a258-227b-4e31-a9cf-717495945fc2';
const GRAPH_POWERSHELL_APP = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

interface Rule {
  kind: ClientKind;
  label: string;
  test: RegExp;
  families: readonly ClientFamily[] | ((text: string) => readonly ClientFamily[]);
}

/** MSAL .NET, Java and Node print the class the app was built on, which says whether it has a secret. */
function byAppClass(text: string): readonly ClientFamily[] {
  if (/\bConfidentialClientApplication\b|\bClientSecretCredential\b|\bClientCertificateCredential\b|\bacquire_?token_?for_?client\b|\bAcquireTokenForClient\b/i.test(text)) return ['confidential'];
  if (/\bPublicClientApplication\b|\bAcquireTokenInteractive\b|\bacquire_token_interactive\b|\bDeviceCodeCredential\b|\bInteractiveBrowserCredential\b/i.test(text)) return ['public-client'];
  return [];
}

// Order matters: the most specific signal first (an Octopus log that quotes MSAL is still Octopus's).
const RULES: readonly Rule[] = [
  { kind: 'octopus', label: 'Octopus', test: /\bOctopus\b/i, families: [] },
  {
    kind: 'azure-cli',
    label: 'Azure CLI',
    test: new RegExp(`\\baz (?:login|account|ad|rest)\\b|\\bAzure CLI\\b|\\bAzureCliCredential\\b|${AZURE_CLI_APP}`, 'i'),
    families: ['cli', 'public-client'],
  },
  {
    kind: 'powershell',
    label: 'PowerShell',
    test: new RegExp(
      `\\bConnect-(?:AzAccount|MgGraph|ExchangeOnline|IPPSSession|MicrosoftTeams|PnPOnline|AzureAD|MsolService|SPOService)\\b|\\bAz\\.Accounts\\b|\\bMicrosoft\\.Graph\\.Authentication\\b|${AZURE_POWERSHELL_APP}|${GRAPH_POWERSHELL_APP}`,
      'i',
    ),
    families: ['cli', 'public-client'],
  },
  { kind: 'msal-apple', label: 'MSAL for iOS and macOS', test: /\bMSALErrorDomain\b|\bMSAL(?:ErrorDescription|OAuthError|InternalErrorCode)Key\b/, families: ['public-client'] },
  { kind: 'msal-android', label: 'MSAL for Android', test: /\bcom\.microsoft\.identity\.client\b/, families: ['public-client'] },
  { kind: 'msal-java', label: 'MSAL for Java', test: /\bmsal4j\b/i, families: byAppClass },
  { kind: 'msal-browser', label: 'MSAL.js in a browser (single-page app)', test: /@azure\/msal-(?:browser|react|angular)\b|\bBrowserAuthError\b|\bInteractionRequiredAuthError\b|\bacquireTokenSilent\b/, families: ['spa'] },
  {
    kind: 'azure-identity',
    label: 'Azure Identity SDK',
    test: /\bazure\.identity\b|@azure\/identity\b|\bAzure\.Identity\b|\b(?:DefaultAzureCredential|ClientSecretCredential|ClientCertificateCredential|ManagedIdentityCredential)\b|\bClientAuthenticationError\b|\bCredentialUnavailableError\b/,
    families: (text) => byAppClass(text),
  },
  { kind: 'msal-node', label: 'MSAL Node', test: /@azure\/msal-node\b/, families: byAppClass },
  { kind: 'msal-net', label: 'MSAL.NET', test: /\bMicrosoft\.Identity\.Client\b|\bMsal(?:Service|UiRequired|Client|Claims)Exception\b/, families: byAppClass },
  { kind: 'msal-python', label: 'MSAL Python', test: /\bimport msal\b|\bmsal\.(?:Public|Confidential)ClientApplication\b|\bacquire_token_(?:interactive|silent|by_|for_client|on_behalf_of)\w*/, families: byAppClass },
  {
    kind: 'browser-page',
    label: "a browser's sign-in error page",
    test: /having trouble signing you in|\bTroubleshooting details\b|\bFlag sign-in errors for review\b|\bMore details\b[\s\S]{0,200}\bRequest Id:/i,
    families: [],
  },
  { kind: 'sign-in-log', label: 'an Entra sign-in log', test: /\bSign-in error code\b|\bFailure reason\b|"failureReason"\s*:|"appDisplayName"\s*:/i, families: [] },
];

/** Clients that are certainly not the Octopus setup: their paste must not get Octopus causes first. */
export const NEUTRAL_CLIENTS: ReadonlySet<ClientKind> = new Set(['browser-page', 'sign-in-log']);

/** The client that produced `text`, or null when the text does not say. Reads at most the first 200 kB. */
export function detectClient(text: string): DetectedClient | null {
  const t = typeof text === 'string' ? text.slice(0, 200_000) : '';
  for (const rule of RULES) {
    if (!rule.test.test(t)) continue;
    const families = typeof rule.families === 'function' ? rule.families(t) : rule.families;
    return { kind: rule.kind, label: rule.label, families };
  }
  return null;
}
