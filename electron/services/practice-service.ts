/**
 * The practice tenant inside the app: starts the Entra simulator on loopback for the scenario a
 * profile names and keeps it running until quit, one simulator per scenario (so a check on one
 * practice profile never loses its tenant because another profile uses another scenario). Its CA is
 * trusted for the simulator's host:port only.
 */
import path from 'node:path';
import { DeskError } from '../../shared/ipc-core';
import type { PracticeScenario } from '../../shared/ipc-simulator';
import { isBuiltInScenario, listBuiltInScenarios, startSimulator, type RunningSimulator } from '../simulator';
import { builtInScenario } from '../simulator/scenarios';
import type { PinnedCa } from './http';
import type { Endpoints } from './check/probe-context';

export interface PracticeTenant {
  scenario: string;
  endpoints: Endpoints;
  pinnedCa: PinnedCa;
  /** The Octopus fields, and each other target's app registration and settings. */
  profile: RunningSimulator['profile'] & { targets: RunningSimulator['targetProfiles'] };
  signInUser: RunningSimulator['signInUser'];
}

export class PracticeService {
  private readonly running = new Map<string, Promise<RunningSimulator>>();

  constructor(private readonly dataDir: string) {}

  /** The built-in scenarios, each with the user to sign in as (read from its definition: nothing is started). */
  scenarios(): PracticeScenario[] {
    return listBuiltInScenarios().map((s) => ({ ...s, signInUser: scenarioSignInUser(s.name) }));
  }

  /** The running practice tenant for `scenario`, started on first use. */
  async ensure(scenario: string): Promise<PracticeTenant> {
    // Profiles name a built-in scenario; a file is only ever run by the user with `simulate --scenario FILE`.
    if (!isBuiltInScenario(scenario))
      throw new DeskError('validation', `"${scenario}" is not a practice scenario. Edit the profile and pick one from the list.`);
    let sim = this.running.get(scenario);
    if (!sim) {
      sim = startSimulator({ scenario, dataDir: path.join(this.dataDir, 'practice-tenant') });
      this.running.set(scenario, sim);
      // A failed start is not cached: the next call tries again.
      sim.catch(() => this.running.delete(scenario));
    }
    const s = await sim;
    return {
      scenario,
      endpoints: { authorityHost: s.authorityHost, graphHost: s.graphHost },
      pinnedCa: { caPem: s.caPem, hosts: [new URL(s.authorityHost).host, new URL(s.graphHost).host] },
      profile: { ...s.profile, targets: s.targetProfiles },
      signInUser: s.signInUser,
    };
  }

  async stop(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.close()));
  }
}

/** The user a built-in scenario signs in as, with the password the practice tenant accepts. */
export function scenarioSignInUser(name: Parameters<typeof builtInScenario>[0]): { username: string; password: string } {
  const scenario = builtInScenario(name, new Date());
  const user = scenario.users.find((u) => u.userPrincipalName.toLowerCase() === scenario.signInUser.toLowerCase());
  return { username: user?.userPrincipalName ?? scenario.signInUser, password: user?.password ?? '' };
}
