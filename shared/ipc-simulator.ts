/** Practice tenant (Entra simulator) channels (docs/ARCHITECTURE.md, "Practice tenant"). */
import { z } from 'zod';
import { channel } from './ipc-core';
import { TARGET_IDS } from './targets/target-ids';

/** A built-in scenario, and who signs in to it (known from its definition, without starting it). */
export const PracticeScenarioSchema = z.object({
  name: z.string(),
  /** Sentence-case words for pickers; the name is the stable id a profile stores. */
  title: z.string(),
  description: z.string(),
  /** The targets the scenario means something for. */
  targets: z.array(z.enum(TARGET_IDS)),
  signInUser: z.object({ username: z.string(), password: z.string() }),
});
export type PracticeScenario = z.infer<typeof PracticeScenarioSchema>;

/** secretExpiresAt: the secret's end date in its app registration (YYYY-MM-DD), when the scenario gives the secret one. */
const TargetApp = { apiAppId: z.string(), secret: z.string(), secretExpiresAt: z.string().optional() };
/** Each other target's app registration in the practice tenant, with the settings its redirect URI is registered for. */
export const PracticeTargetProfilesSchema = z.object({
  'the-things-stack': z.object({ ...TargetApp, serverAddress: z.string(), providerId: z.string(), allowedDomains: z.array(z.string()) }).optional(),
  authentik: z.object({ ...TargetApp, fqdn: z.string(), slug: z.string() }).optional(),
  'workspace-sso': z.object({ ...TargetApp, baseDomain: z.string(), workspaces: z.array(z.string()) }).optional(),
});

/** A scenario's ready-made values, from its definition (no tenant needs to run to know them). */
export const PracticeTenantSchema = z.object({
  scenario: z.string(),
  /** The scenario's ready-made fields. The secret is the practice tenant's own, not a real one. */
  profile: z.object({ tenantId: z.string(), samlAppId: z.string(), apiAppId: z.string(), webUrl: z.string(), secret: z.string(), secretExpiresAt: z.string().optional(), targets: PracticeTargetProfilesSchema }),
  signInUser: z.object({ username: z.string(), password: z.string() }),
});
export type PracticeTenantInfo = z.infer<typeof PracticeTenantSchema>;

export const simulatorChannels = {
  'practice:scenarios': channel('The practice tenant’s built-in scenarios', z.object({}).strict(), z.array(PracticeScenarioSchema)),
  'practice:values': channel(
    'A practice scenario’s ready-made profile and sign-in user (starts nothing: a run starts the tenant it needs)',
    z.object({ scenario: z.string().min(1).max(100) }).strict(),
    PracticeTenantSchema,
  ),
} as const;
