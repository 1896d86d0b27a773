/**
 * The practice tenant inside the app: starts the Entra simulator on loopback for the scenario a
 * profile names, reuses it while the scenario stays the same, and stops it on quit. Its CA is
 * trusted for the simulator's host:port only.
 */
import path from 'node:path';
import { listBuiltInScenarios, startSimulator, type RunningSimulator } from '../simulator';
import type { PinnedCa } from './http';
import type { Endpoints } from './check/probe-context';

export interface PracticeTenant {
  scenario: string;
  endpoints: Endpoints;
  pinnedCa: PinnedCa;
  profile: RunningSimulator['profile'];
  signInUser: RunningSimulator['signInUser'];
}

export class PracticeService {
  private running: { scenario: string; sim: Promise<RunningSimulator> } | undefined;

  constructor(private readonly dataDir: string) {}

  scenarios(): { name: string; description: string }[] {
    return listBuiltInScenarios();
  }

  /** The running practice tenant for `scenario`, started (or restarted with that scenario) if needed. */
  async ensure(scenario: string): Promise<PracticeTenant> {
    if (this.running?.scenario !== scenario) {
      const previous = this.running;
      this.running = { scenario, sim: (async () => {
        if (previous) await (await previous.sim.catch(() => undefined))?.close();
        return startSimulator({ scenario, dataDir: path.join(this.dataDir, 'practice-tenant') });
      })() };
      this.running.sim.catch(() => {
        this.running = undefined;
      });
    }
    const sim = await this.running.sim;
    return {
      scenario,
      endpoints: { authorityHost: sim.authorityHost, graphHost: sim.graphHost },
      pinnedCa: { caPem: sim.caPem, hosts: [new URL(sim.authorityHost).host, new URL(sim.graphHost).host] },
      profile: sim.profile,
      signInUser: sim.signInUser,
    };
  }

  async stop(): Promise<void> {
    const current = this.running;
    this.running = undefined;
    await (await current?.sim.catch(() => undefined))?.close();
  }
}
