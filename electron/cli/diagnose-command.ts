/** `federation-desk diagnose [TEXT...]`: explain every AADSTS, Graph and IDX error in any text. */
import { summarize } from '../../shared/aadsts';
import type { ProfileView } from '../../shared/profile';
import { DiagnoseService } from '../services/diagnose-service';
import { cliServices } from './cli-services';
import { UsageError, parseCliArgs, readStdin, writeJson, type CliCommand, type CliIo } from './io';

const HELP = `
Usage: federation-desk diagnose [TEXT...] [options]
       <command that prints an error> | federation-desk diagnose [-]

Finds every AADSTS error code (and Microsoft Graph and IDX token-validation codes) in any text: a
token endpoint's JSON, a browser URL, an MSAL exception, a log file, a sign-in error page. For each
it prints what happened, the likely causes in an Octopus federation setup, the fix with the path in
the Entra admin center, links, and the Trace ID, Correlation ID and timestamp to quote to Microsoft.

Reads the text from the arguments, or from stdin when there are none or the only one is "-".

Options:
  --profile NAME       Tailor the diagnosis to a stored profile (its redirect URI, secret hint,
                       secret expiry, app IDs and tenant).
  --data-dir DIR       Where the profiles are (default: the app's own data folder).
  --json               One JSON document on stdout: {"findings": [...]}.
  --help               This text.

Exit codes: 0 codes found, 1 none found, 2 usage.
`;

async function readText(positionals: string[], io: CliIo): Promise<string> {
  if (positionals.length > 0 && !(positionals.length === 1 && positionals[0] === '-')) {
    if (positionals.includes('-')) throw new UsageError('Use "-" alone to read stdin, or pass the text as arguments, not both.');
    return positionals.join(' ');
  }
  if (io.stdinIsTTY) io.stderr.write('Paste the error text, then press Ctrl+D (Ctrl+Z and Enter on Windows).\n');
  return readStdin(io);
}

function loadProfile(name: string, dataDir: string | undefined, io: CliIo): ProfileView {
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
      { json: { type: 'boolean' }, profile: { type: 'string' }, 'data-dir': { type: 'string' } },
      true,
    );
    if (values['data-dir'] !== undefined && values.profile === undefined) throw new UsageError('--data-dir only matters with --profile NAME.');
    const profile = values.profile !== undefined ? loadProfile(values.profile, values['data-dir'], io) : undefined;
    const text = await readText(positionals, io);
    const service = new DiagnoseService({ getProfile: (id) => (profile && profile.id === id ? profile : undefined) });
    const diagnosis = service.diagnoseText({ text, profileId: profile?.id ?? null });
    if (values.json) writeJson(io, diagnosis);
    else io.stdout.write(summarize(diagnosis));
    return diagnosis.findings.length > 0 ? 0 : 1;
  },
};
