/** Expiry watch and the client-secret rotation guide (docs/ARCHITECTURE.md, "Expiry watch"): channels and their shapes. */
import { z } from 'zod';
import { EXPIRY_STATES, ExpiryPolicySchema, ProfileExpirySchema } from './expiry';
import { FieldIssueSchema, channel } from './ipc-core';

const Id = z.string().min(1).max(100);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use yyyy-mm-dd');

export const ROTATION_STAGES = [
  /** Started: the admin creates the new secret in Entra and pastes its Value. Nothing changed here yet. */
  'create',
  /** The new secret was proven and now is the profile's secret; the old one is kept until the admin deleted it in Entra. */
  'overlap',
] as const;
export type RotationStage = (typeof ROTATION_STAGES)[number];

/** The client-secret rotation of one profile, as the guide shows it. Never holds a secret value. */
export const RotationSchema = z.object({
  stage: z.enum(ROTATION_STAGES),
  startedAt: z.string(),
  /** Entra admin center > the API app > Certificates & secrets; null for the practice tenant. */
  credentialsUrl: z.string().nullable(),
  /** The secret being replaced (kept stored until the rotation completes). */
  previous: z.object({ hint: z.string().nullable(), expiresAt: z.string().nullable() }).nullable(),
  /** The proven new secret. */
  next: z.object({ hint: z.string(), expiresAt: z.string(), provenAt: z.string() }).nullable(),
  /** After this the guide reminds the admin to delete the old secret in Entra. */
  overlapUntil: z.string().nullable(),
  /** The last attempt to prove a pasted secret. */
  lastProof: z
    .object({ at: z.string(), status: z.enum(['passed', 'warning', 'failed']), summary: z.string(), fix: z.array(z.string()) })
    .nullable(),
});
export type Rotation = z.infer<typeof RotationSchema>;

export const ProfileExpiryReportSchema = ProfileExpirySchema.extend({
  rotation: RotationSchema.nullable(),
  /** The policy was set for this profile (false: the defaults). */
  customPolicy: z.boolean(),
});
export type ProfileExpiryReport = z.infer<typeof ProfileExpiryReportSchema>;

export const ExpiryStatusSchema = z.object({
  profiles: z.array(ProfileExpiryReportSchema),
  worst: z.enum(EXPIRY_STATES),
  checkedAt: z.string(),
});
export type ExpiryStatus = z.infer<typeof ExpiryStatusSchema>;

export const ProveResultSchema = z.object({
  /** True when the new secret works: it is now the profile's secret, the old one kept as previous. */
  proven: z.boolean(),
  status: z.enum(['passed', 'warning', 'failed']),
  summary: z.string(),
  fix: z.array(z.string()),
  issues: z.array(FieldIssueSchema),
  rotation: RotationSchema.nullable(),
});
export type ProveResult = z.infer<typeof ProveResultSchema>;

const RotationResponse = z.object({ rotation: RotationSchema.nullable() });

export const expiryChannels = {
  'expiry:status': channel(
    'Expiry of the client secret and SAML signing certificates: one profile, or every profile when profileId is left out',
    z.object({ profileId: Id.optional(), refresh: z.boolean().optional() }).strict(),
    ExpiryStatusSchema,
  ),
  'expiry:set-policy': channel(
    "Set a profile's thresholds and warning/critical days (null: back to the defaults)",
    z.object({ profileId: Id, policy: ExpiryPolicySchema.nullable() }).strict(),
    ProfileExpiryReportSchema,
  ),
  'rotation:start': channel('Start rotating a profile’s client secret (or return the rotation in progress)', z.object({ profileId: Id }).strict(), RotationResponse),
  'rotation:prove': channel(
    'Prove a new secret value with the secret probe; only a proven secret replaces the stored one (the old one is kept)',
    z.object({ profileId: Id, secret: z.string().min(1).max(10_000), expiresAt: IsoDay }).strict(),
    ProveResultSchema,
  ),
  'rotation:complete': channel('The old secret was deleted in Entra: forget it here too', z.object({ profileId: Id }).strict(), RotationResponse),
  'rotation:abandon': channel(
    'Give up the rotation: before proof nothing changed; after proof the old secret is put back',
    z.object({ profileId: Id }).strict(),
    RotationResponse.extend({ restored: z.boolean() }),
  ),
} as const;
