/** Practice tenant (Entra simulator) channels (docs/ARCHITECTURE.md, "Practice tenant"). */
import { z } from 'zod';
import { channel } from './ipc-core';

/** A built-in scenario, and who signs in to it (known from its definition, without starting it). */
export const PracticeScenarioSchema = z.object({ name: z.string(), description: z.string(), signInUser: z.object({ username: z.string(), password: z.string() }) });

export const PracticeTenantSchema = z.object({
  scenario: z.string(),
  authorityHost: z.string(),
  /** The scenario's ready-made fields. The secret is the practice tenant's own, not a real one. */
  profile: z.object({ tenantId: z.string(), samlAppId: z.string(), apiAppId: z.string(), webUrl: z.string(), secret: z.string() }),
  signInUser: z.object({ username: z.string(), password: z.string() }),
});
export type PracticeTenantInfo = z.infer<typeof PracticeTenantSchema>;

export const simulatorChannels = {
  'practice:scenarios': channel('The practice tenant’s built-in scenarios', z.object({}).strict(), z.array(PracticeScenarioSchema)),
  'practice:start': channel(
    'Start the practice tenant with a scenario and return its ready-made profile',
    z.object({ scenario: z.string().min(1).max(100) }).strict(),
    PracticeTenantSchema,
  ),
} as const;
