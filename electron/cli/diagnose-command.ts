/**
 * `federation-desk diagnose [TEXT...]`: explain every AADSTS, Graph and IDX error in any text;
 * `diagnose --explain CODE` (or `diagnose CODE`): what one code means, from the catalog.
 */
import { lookupCode, summarize } from '../../shared/aadsts';
import type { ProfileView } from '../../shared/profile';
import { DiagnoseService } from '../services/diagnose-service';
import { UsageError, parseCliArgs, readStdin, writeJson, type CliCommand, type CliIo } from './io';

const HELP = `
Usage: federation-desk diagnose [TEXT...] [options]
       <command that prints an error> | federation-desk diagnose [-]
       federation-desk diagnose --explain CODE [options]
       federation-desk diagnose CODE [options]

Finds every AADSTS error code (and Microsoft Graph and IDX token-validation codes) in any text: a
token endpoint's JSON, a browser URL, an MSAL exception, a log file, a sign-in error page. For each
it prints what happened, the likely causes in an Octopus federation setup, the fix with the path in
the Entra admin center, links, and the Trace ID, Correlation ID and timestamp to quote to Microsoft.

Reads the text from the arguments, or from stdin when there are none or the only one is "-".
Likely causes are ranked for the client the text comes from (Azure CLI, PowerShell, an MSAL app,
Octopus); the Octopus setup's causes come first only with --profile or when the text is Octopus's.
Codes found together (a silent sign-in's 50058 next to the real failure) get a note on which to
act on first.

--explain CODE, or a bare code as the only argument (50011, AADSTS50011, Authorization_RequestDenied,
IDX10205), prints the catalog's entry for that code: meaning, causes, fix, links and the source.

Options:
  --explain CODE       Explain one code from the catalog instead of reading a text.
  --profile NAME       Tailor the diagnosis to a stored profile (its redirect URI, secret hint,
                       secret expiry, app IDs and tenant).
  --data-dir DIR       Where the profiles are (default: the app's own data folder).
  --json               One JSON document on stdout: {"findings": [...], "client", "rankedFor",
                       "related": [...]}.
  --help               This text.

Exit codes: 0 codes found, 1 none found, 2 usage. With --explain: 0 the code is in the catalog,
1 it is not (Microsoft's lookup page is linked), 2 usage.
`;

/** A code as typed on its own: 50011, AADSTS50011, or a Graph or IDX code the catalog holds. */
const BARE_CODE_RE = /^(?:AADSTS)?\d{5,7}$/i;

function isBareCode(arg: string): boolean {
  const t = arg.trim();
  return BARE_CODE_RE.test(t) || (/^[A-Za-z_]+\d*$/.test(t) && lookupCode(t) !== undefined);
}

/** The text that makes diagnose() explain one code (the parser needs the AADSTS prefix on numbers). */
function explainText(code: string): string {
  const t = code.trim();
  if (BARE_CODE_RE.test(t)) return `AADSTS${t.replace(/^AADSTS/i, '')}`;
  if (lookupCode(t)) return t;
  throw new UsageError(`"${code}" is not an error code. Give an AADSTS number (50011 or AADSTS50011), a Microsoft Graph code (Authorization_RequestDenied) or an IDX code (IDX10205).`);
}

async function readText(positionals: string[], io: CliIo): Promise<string> {
  if (positionals.length > 0 && !(positionals.length === 1 && positionals[0] === '-')) {
    if (positionals.includes('-')) throw new UsageError('Use "-" alone to read stdin, or pass the text as arguments, not both.');
    return positionals.join(' ');
  }
  if (io.stdinIsTTY) io.stderr.write('Paste the error text, then press Ctrl+D (Ctrl+Z and Enter on Windows).\n');
  return readStdin(io);
}

/** Only with --profile: the services (stores, HTTP, MSAL) load then, so a plain diagnose starts fast (bench/cold-start.bench.ts). */
async function loadProfile(name: string, dataDir: string | undefined, io: CliIo): Promise<ProfileView> {
  const { cliServices } = await import('./cli-services');
  const services = cliServices({ ...(dataDir ? { dataDir } : {}), stderr: io.stderr });
  const list = services.profiles.list();
  for (const n of services.store.takeNotices()) io.stderr.write(`${n.title}: ${n.message}\n`);
  const wanted = name.trim().toLowerCase();
  const found = list.profiles.find((p) => p.name.toLowerCase() === wanted);
  if (!found) {
    const names = list.profiles.map((p) => `"${p.name}"`).join(', ');
    throw new UsageError(`No profile named "${name}". ${names ? `Profiles here: ${names}.` : `There are no profiles in ${services.ports.dataDir}.`}`);
  }
  return found;
}

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  summary: 'Explain every AADSTS error in pasted text (arguments or stdin)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(
      'diagnose',
      argv,
      { json: { type: 'boolean' }, profile: { type: 'string' }, 'data-dir': { type: 'string' }, explain: { type: 'string' } },
      true,
    );
    if (values['data-dir'] !== undefined && values.profile === undefined) throw new UsageError('--data-dir only matters with --profile NAME.');
    if (values.explain !== undefined && positionals.length > 0) throw new UsageError('Give either --explain CODE or a text to diagnose, not both.');
    const explain = values.explain ?? (positionals.length === 1 && isBareCode(positionals[0] ?? '') ? positionals[0] : undefined);
    // Checked before the profile is loaded: a mistyped code should not wait on the profile store.
    const explained = explain !== undefined ? explainText(explain) : undefined;
    const profile = values.profile !== undefined ? await loadProfile(values.profile, values['data-dir'], io) : undefined;
    const text = explained ?? (await readText(positionals, io));
    const service = new DiagnoseService({ getProfile: (id) => (profile && profile.id === id ? profile : undefined) });
    const found = service.diagnoseText({ text, profileId: profile?.id ?? null });
    // Explaining a code quotes no error text: the "message" would only repeat the code.
    const diagnosis = explained === undefined ? found : { ...found, findings: found.findings.map((f) => ({ ...f, message: null })) };
    if (values.json) writeJson(io, diagnosis);
    else io.stdout.write(summarize(diagnosis));
    if (explained !== undefined) return diagnosis.findings[0]?.known ? 0 : 1;
    return diagnosis.findings.length > 0 ? 0 : 1;
  },
};
