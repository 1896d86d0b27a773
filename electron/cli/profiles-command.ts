/**
 * `federation-desk profiles list|show NAME|create|import FILE|export NAME`: script profiles and move
 * them between machines.
 */
import fs from 'node:fs';
import { DeskError } from '../../shared/ipc-core';
import { ProfileExportSchema, draftFromExport, exportProfile } from '../../shared/profile-export';
import { cloudLabel } from '../../shared/clouds';
import { EMPTY_DRAFT, type ProfileDraft, type ProfileField, type ProfileView } from '../../shared/profile';
import { TARGETS, entraValues, integrationTarget } from '../../shared/targets/registry';
import { cliText } from '../../shared/targets/common-rules';
import { DEFAULT_TARGET, TARGET_IDS, type TargetId } from '../../shared/targets/target-ids';
import { CLOUD_IDS, type CloudId } from '../../shared/clouds';
import { cliServices } from './cli-services';
import { UsageError, parseCliArgs, writeJson, type CliCommand } from './io';

/** Each target's own options, under its label (from its module in shared/targets/<id>/). */
const TARGET_OPTIONS_HELP = TARGET_IDS.map((id) => {
  const t = TARGETS[id];
  const lines = t.cli.options.map((o) => `  ${`--${o.name}${o.arg ? ` ${o.arg}` : ''}`.padEnd(20)} ${o.help}`);
  return ` ${t.label}:\n${lines.join('\n')}\n`;
}).join('');

const HELP = `
Usage: federation-desk profiles <list|show NAME|create|export NAME|import FILE> [options]

  list                 Every profile in the data folder.
  show NAME            One profile's settings (the secret as its 3-character hint only).
  create               Add a profile from the field options below (alias: add), checked by the
                       same rules as the app's form. The secret is not one of them: add it in the
                       app, or pass it to each command with --secret-stdin/--secret-env.
  export NAME          The profile as a JSON file for another machine. Never includes the secret.
  import FILE          Add a profile from an exported file (use - for stdin). The secret is not part
                       of it: add it in the app afterwards.

Fields (with create):
  --target ID          octopus (default), the-things-stack, authentik or workspace-sso.
  --name NAME          The profile's name (required).
  --tenant ID          Directory (tenant) ID: a GUID or a verified domain.
  --client-id ID       Application (client) ID of the app registration whose secret is used
                       (for Octopus the API app; --api-app is the same option).
  --cloud CLOUD        global (default), usgov or china.
  --allowed-domains D  Comma-separated e-mail domains allowed to sign in (default: any).
  --secret-expires D   The client secret's expiry date, yyyy-mm-dd (for the expiry watch).
${TARGET_OPTIONS_HELP}
Options:
  --data-dir DIR       The data folder (default: the app's own, so you see the app's profiles).
                       It must exist, except for create and import.
  --out FILE           With export: write to FILE instead of stdout.
  --name NAME          With import: store under this name (when the original name is taken).
  --json               One JSON document on stdout.
  --help               This text.

Exit codes: 0 ok, 1 not found (or refused), 2 usage.
`;

function describe(p: ProfileView): string {
  const secret = p.secret.present
    ? `${p.secret.hint}… (${p.secret.length} characters, ${p.secret.storage === 'encrypted' ? 'encrypted' : 'this session only'})`
    : p.secret.storage === 'session'
      ? 'not available (it was kept for an earlier session only)'
      : 'none stored';
  const target = integrationTarget(p);
  const e = entraValues(p);
  const label = (l: string) => `${l}:`.padEnd(22);
  return [
    `${label('Name')}${p.name}`,
    `${label('Target')}${target.label}`,
    `${label('Cloud')}${cloudLabel(p.cloud)}`,
    `${label('Directory (tenant)')}${p.tenantId}`,
    ...(e.samlAppId !== null ? [`${label('SAML-OpenID app')}${e.samlAppId}`] : []),
    `${label(target.nouns.appLabel.replace(/^./, (c) => c.toUpperCase()))}${e.clientId}`,
    `${label('Client secret')}${secret}`,
    `${label('Secret expires')}${p.secretExpiresAt ?? 'not recorded'}`,
    ...e.redirectUris.map((uri, i) => `${i === 0 ? label(target.form.redirectUriLabel) : ' '.repeat(22)}${uri}`),
    `${label('Allowed domains')}${e.allowedDomains.join(', ') || '(any in the tenant)'}`,
  ].join('\n');
}

/** The field options of `profiles create`, named as wherever a command takes the fields directly. */
const COMMON_FIELD_OPTIONS = {
  target: { type: 'string' },
  tenant: { type: 'string' },
  'client-id': { type: 'string' },
  'api-app': { type: 'string' },
  cloud: { type: 'string' },
  'allowed-domains': { type: 'string' },
  'secret-expires': { type: 'string' },
} as const;

const TARGET_CLI_OPTIONS = TARGET_IDS.flatMap((id) => TARGETS[id].cli.options);

/** The field options of `profiles create`: the common ones and every target's own. */
const FIELD_OPTIONS: Record<string, { type: 'string' | 'boolean' }> = {
  ...COMMON_FIELD_OPTIONS,
  ...Object.fromEntries(TARGET_CLI_OPTIONS.map((o) => [o.name, { type: o.boolean ? ('boolean' as const) : ('string' as const) }])),
};

const FLAG_OF_FIELD: Partial<Record<ProfileField, string>> = {
  ...Object.fromEntries(TARGET_CLI_OPTIONS.map((o) => [o.field, `--${o.name}`])),
  name: '--name',
  target: '--target',
  tenantId: '--tenant',
  clientId: '--client-id',
  cloud: '--cloud',
  allowedDomains: '--allowed-domains',
  secretExpiresAt: '--secret-expires',
};

/** The form's draft from the options, as typed: the profile rules then check and normalise it. */
function draftFromOptions(values: Record<string, string | boolean | undefined>): ProfileDraft {
  const text = (k: string) => cliText(values[k]);
  const cloud = text('cloud') || 'global';
  const clouds = CLOUD_IDS.filter((c) => c !== 'practice');
  if (!(clouds as readonly string[]).includes(cloud)) throw new UsageError(`--cloud must be one of ${clouds.join(', ')}, not "${cloud}".`);
  const target = text('target') || DEFAULT_TARGET;
  if (!(TARGET_IDS as readonly string[]).includes(target)) throw new UsageError(`--target must be one of ${TARGET_IDS.join(', ')}, not "${target}".`);
  // --api-app is Octopus's name for the client ID; scripts written before --client-id keep working.
  if (values['client-id'] !== undefined && values['api-app'] !== undefined) throw new UsageError('Give the client ID once: --client-id or --api-app (the same option).');
  return {
    ...EMPTY_DRAFT,
    name: text('name'),
    cloud: cloud as CloudId,
    tenantId: text('tenant'),
    clientId: text('client-id') || text('api-app'),
    allowedDomains: text('allowed-domains'),
    secretExpiresAt: text('secret-expires'),
    ...(target !== DEFAULT_TARGET ? { target: target as TargetId } : {}),
    ...TARGETS[target as TargetId].cli.toDraft((name) => values[name]),
  };
}

export const profilesCommand: CliCommand = {
  name: 'profiles',
  summary: 'List, show, create, export and import federation profiles (never the secret)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(
      'profiles',
      argv,
      { 'data-dir': { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' }, ...FIELD_OPTIONS },
      true,
    );
    const [action, arg, ...extra] = positionals;
    if (!action) throw new UsageError('Say what to do: list, show NAME, create, export NAME or import FILE. Run "federation-desk profiles --help".');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}". Quote a NAME that has spaces.`);
    const creating = action === 'create' || action === 'add';
    // Every target's options are declared above (parseArgs refuses any other), so reading them by name is safe.
    const fieldValues = values as Record<string, string | boolean | undefined>;
    const fieldFlag = Object.keys(FIELD_OPTIONS).find((k) => fieldValues[k] !== undefined);
    if (fieldFlag && !creating) throw new UsageError(`--${fieldFlag} goes with "profiles create".`);
    const services = cliServices({ ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}), stderr: io.stderr, creates: creating || action === 'import' });
    const list = services.profiles.list();
    for (const n of services.store.takeNotices()) io.stderr.write(`${n.title}: ${n.message}\n`);
    const find = (name: string | undefined, verb: string): ProfileView | undefined => {
      if (!name) throw new UsageError(`Name the profile to ${verb}: federation-desk profiles ${verb} NAME.`);
      const found = list.profiles.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
      if (!found) {
        const names = list.profiles.map((p) => `"${p.name}"`).join(', ');
        io.stderr.write(`No profile named "${name}". ${names ? `Profiles here: ${names}.` : `There are no profiles in ${services.ports.dataDir}.`}\n`);
      }
      return found;
    };

    switch (action) {
      case 'list': {
        if (arg) throw new UsageError('"profiles list" takes no name.');
        if (values.json) writeJson(io, { dataDir: services.ports.dataDir, profiles: list.profiles });
        else if (list.profiles.length === 0) io.stdout.write(`No profiles in ${services.ports.dataDir}.\n`);
        else for (const p of list.profiles) io.stdout.write(`${p.name}\t${p.tenantId}\t${cloudLabel(p.cloud).split(' (')[0]}\n`);
        return 0;
      }
      case 'show': {
        const p = find(arg, 'show');
        if (!p) return 1;
        if (values.json) writeJson(io, p);
        else io.stdout.write(`${describe(p)}\n`);
        return 0;
      }
      case 'export': {
        const p = find(arg, 'export');
        if (!p) return 1;
        const text = `${JSON.stringify(exportProfile(p, services.ports.clock.now()), null, 2)}\n`;
        if (values.out) {
          fs.writeFileSync(values.out, text, { mode: 0o600 });
          io.stderr.write(`Exported "${p.name}" to ${values.out} (without its client secret).\n`);
          if (values.json) writeJson(io, { exported: p.name, file: values.out });
        } else io.stdout.write(text);
        return 0;
      }
      case 'import': {
        if (!arg) throw new UsageError('Name the file to import: federation-desk profiles import FILE (or - for stdin).');
        let raw: string;
        try {
          raw = arg === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(arg, 'utf8');
        } catch (error) {
          io.stderr.write(`Cannot read ${arg}: ${error instanceof Error ? error.message : String(error)}\n`);
          return 1;
        }
        let json: unknown;
        try {
          json = JSON.parse(raw.replace(/^\uFEFF/, ''));
        } catch {
          io.stderr.write(`${arg} is not JSON. Export a profile with "federation-desk profiles export NAME" and import that file.\n`);
          return 1;
        }
        const parsed = ProfileExportSchema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          io.stderr.write(`${arg} is not a Federation Desk profile export (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unexpected format'}).\n`);
          return 1;
        }
        try {
          const saved = await services.profiles.save({ draft: draftFromExport(parsed.data, values.name), secret: { action: 'keep' } });
          if (values.json) writeJson(io, { imported: saved });
          else io.stdout.write(`Imported "${saved.name}". Add its client secret in Federation Desk before running the checks.\n`);
          return 0;
        } catch (error) {
          if (error instanceof DeskError && error.code === 'validation') {
            io.stderr.write(`Not imported: ${error.message}${error.issues?.some((i) => i.field === 'name') ? ' Use --name to import it under another name.' : ''}\n`);
            return 1;
          }
          throw error;
        }
      }
      case 'create':
      case 'add': {
        if (arg) throw new UsageError(`"profiles ${action}" takes the name as --name, not "${arg}".`);
        if (!values.name) throw new UsageError('Give the new profile a name: --name NAME.');
        const draft = draftFromOptions(fieldValues);
        try {
          const saved = await services.profiles.save({ draft, secret: { action: 'keep' } });
          if (values.json) writeJson(io, { created: saved });
          else io.stdout.write(`Created "${saved.name}" in ${services.ports.dataDir}. Add its client secret in Federation Desk, or pass it to check with --secret-stdin.\n`);
          return 0;
        } catch (error) {
          if (error instanceof DeskError && error.code === 'validation') {
            // An issue is named by the option the user gave; for Octopus the client ID is --api-app unless --client-id was used.
            const apiApp = fieldValues['api-app'] !== undefined || (fieldValues['client-id'] === undefined && (draft.target ?? DEFAULT_TARGET) === 'octopus');
            const flagOf = (field: ProfileField) => (field === 'clientId' && apiApp ? '--api-app' : (FLAG_OF_FIELD[field] ?? field));
            const lines = (error.issues ?? []).map((i) => `  ${flagOf(i.field)}: ${i.message}`);
            throw new UsageError(`The profile was not created:\n${lines.join('\n') || error.message}`);
          }
          throw error;
        }
      }
      default:
        throw new UsageError(`Unknown action "${action}". Use list, show, create, export or import.`);
    }
  },
};
