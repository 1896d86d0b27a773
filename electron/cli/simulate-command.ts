/**
 * `federation-desk simulate`: run the practice tenant until SIGINT/SIGTERM. The first stdout line is
 * the JSON contract of docs/ARCHITECTURE.md ("Practice tenant") (hosts, CA path, scenario, profile fields, sign-in user);
 * request log lines go to stderr, through redact().
 */
import { z } from 'zod';
import { defaultDataDir } from '../services/data-dir';
import { redact, registerSecret } from '../services/redact';
import { BUILT_IN_SCENARIO_NAMES, isBuiltInScenario, listBuiltInScenarios, parseFailSpec, ScenarioError, startSimulator, type FaultOptions } from '../simulator/index';
import { parseCliArgs, UsageError, writeJson, type CliCommand, type CliIo } from './io';

const HELP = `
Usage: federation-desk simulate [--scenario NAME|FILE] [--port N] [--latency-ms N]
                                [--fail PATH:STATUS] [--stall PATH] [--malformed PATH]
                                [--untrusted-cert] [--data-dir DIR]
       federation-desk simulate --list-scenarios [--json]

Runs the practice tenant: a simulator of Microsoft Entra ID and Microsoft Graph on
https://127.0.0.1, with its own CA, until you press Ctrl+C.

The first line on stdout is one JSON object:
  {"authorityHost","graphHost","caCertPath","scenario",
   "profile":{"tenantId","samlAppId","apiAppId","webUrl","secret"},
   "signInUser":{"username","password"}}
The secret and password are practice values, not real credentials. Request logs go to stderr.

Options:
  --scenario NAME|FILE  A built-in scenario (default healthy) or a scenario .json file.
  --port N              Port to listen on (default 0: any free port).
  --latency-ms N        Delay every response by N milliseconds.
  --fail PATH:STATUS    Answer PATH with STATUS (400-599). Repeatable. PATH is a path glob
                        (* = one segment, ** = anything) or a name: discovery, keys,
                        authorize, token, metadata, graph, me. Example: --fail token:503
  --stall PATH          Never answer PATH (the connection stays open). Repeatable.
  --malformed PATH      Answer PATH with truncated JSON. Repeatable.
  --untrusted-cert      Serve a certificate from a CA no client trusts.
  --data-dir DIR        Where the simulator's CA is kept (default: the app's data folder).
  --list-scenarios      List the built-in scenarios and exit.
  --json                With --list-scenarios: one JSON document.

Exit codes: 0 stopped cleanly, 2 usage error.
`;

const OPTIONS = {
  scenario: { type: 'string' },
  port: { type: 'string' },
  'latency-ms': { type: 'string' },
  fail: { type: 'string', multiple: true },
  stall: { type: 'string', multiple: true },
  malformed: { type: 'string', multiple: true },
  'untrusted-cert': { type: 'boolean' },
  'data-dir': { type: 'string' },
  'list-scenarios': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const IntArg = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `--${name} must be a whole number` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `--${name} must be between ${min} and ${max}` });

function parseInt(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const r = IntArg(name, min, max).safeParse(value);
  if (!r.success) throw new UsageError(`${r.error.issues[0]?.message ?? 'invalid number'}. Run "federation-desk simulate --help".`);
  return r.data;
}

function listScenarios(io: CliIo, json: boolean): number {
  const list = listBuiltInScenarios();
  if (json) writeJson(io, { scenarios: list });
  else {
    const width = Math.max(...list.map((s) => s.name.length));
    io.stdout.write(list.map((s) => `${s.name.padEnd(width)}  ${s.description}\n`).join(''));
  }
  return 0;
}

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'Run the practice tenant (an Entra ID and Graph simulator) on loopback HTTPS',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCliArgs('simulate', argv, OPTIONS);
    if (values['list-scenarios']) return listScenarios(io, values.json ?? false);

    const port = parseInt('port', values.port, 0, 65535) ?? 0;
    const latencyMs = parseInt('latency-ms', values['latency-ms'], 0, 600_000) ?? 0;
    const fail: { path: string; status: number }[] = [];
    for (const spec of values.fail ?? []) {
      const parsed = parseFailSpec(spec);
      if (typeof parsed === 'string') throw new UsageError(`--fail: ${parsed}.`);
      fail.push(parsed);
    }
    const faults: FaultOptions = { fail, stall: values.stall ?? [], malformed: values.malformed ?? [], untrustedCert: values['untrusted-cert'] ?? false };
    const scenarioRef = values.scenario ?? 'healthy';
    if (!isBuiltInScenario(scenarioRef) && !/\.json$|[/\\]/i.test(scenarioRef))
      throw new UsageError(`Unknown scenario "${scenarioRef}". Built-in scenarios: ${BUILT_IN_SCENARIO_NAMES.join(', ')}; or give a path to a .json file.`);

    const log = (line: string) => io.stderr.write(`${redact(line)}\n`);
    let sim;
    try {
      sim = await startSimulator({ scenario: scenarioRef, port, latencyMs, faults, dataDir: values['data-dir'] ?? defaultDataDir(io.env), log });
    } catch (error) {
      if (error instanceof ScenarioError) throw new UsageError(error.message);
      throw error;
    }
    // The contract's first line: the only place the practice secret and password are printed.
    io.stdout.write(
      `${JSON.stringify({
        authorityHost: sim.authorityHost,
        graphHost: sim.graphHost,
        caCertPath: sim.caCertPath,
        scenario: sim.scenario,
        profile: sim.profile,
        signInUser: sim.signInUser,
      })}\n`,
    );
    registerSecret(sim.profile.secret);
    registerSecret(sim.signInUser.password);
    log(`Practice tenant "${sim.scenario}" serving on ${sim.authorityHost} (CA: ${sim.caCertPath}). Press Ctrl+C to stop.`);

    await new Promise<void>((resolve) => {
      if (io.stopSignal.aborted) return resolve();
      io.stopSignal.addEventListener('abort', () => resolve(), { once: true });
    });
    await sim.close();
    log('Practice tenant stopped.');
    return 0;
  },
};
