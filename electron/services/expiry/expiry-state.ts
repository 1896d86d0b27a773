/**
 * What expiry watch keeps per profile, in the profile's 'expiry' extension: the policy (when set),
 * the notifications already sent per credential, and the rotation in progress. Never a secret value.
 * Read tolerantly: a damaged or older record falls back to empty rather than breaking the profile.
 */
import { z } from 'zod';
import { ExpiryPolicySchema } from '../../../shared/expiry';
import { RotationSchema } from '../../../shared/ipc-expiry';
import type { ProfileService } from '../profile-service';
import type { StoredProfile } from '../profile-store';

export const EXPIRY_EXTENSION = 'expiry';

export const NotifiedEntrySchema = z.object({
  /** The credential's expiry when the notifications were sent (entries long past are pruned). */
  expiresAt: z.string(),
  /** Thresholds (days) already notified; 0 = "has expired". */
  sent: z.array(z.number().int().min(0)),
});

export const ExpiryExtensionSchema = z.object({
  policy: ExpiryPolicySchema.optional(),
  /** By credentialId. */
  notified: z.record(z.string(), NotifiedEntrySchema).default({}),
  rotation: RotationSchema.nullable().default(null),
  /** The rotation's overlap reminder was shown (once per rotation). */
  overlapReminded: z.boolean().optional(),
  lastRotation: z.object({ completedAt: z.string(), hint: z.string().nullable() }).optional(),
});
export type ExpiryExtension = z.infer<typeof ExpiryExtensionSchema>;

const EMPTY: ExpiryExtension = { notified: {}, rotation: null };

/** The profile's expiry state, or the empty state when none (or unreadable) is stored. */
export function readExpiryState(profile: StoredProfile): ExpiryExtension {
  const parsed = ExpiryExtensionSchema.safeParse(profile.extensions?.[EXPIRY_EXTENSION] ?? {});
  return parsed.success ? parsed.data : { ...EMPTY };
}

/** Read, change and write back the profile's expiry state in one store transaction. */
export function updateExpiryState(profiles: ProfileService, profileId: string, update: (current: ExpiryExtension) => ExpiryExtension): ExpiryExtension {
  let next: ExpiryExtension = { ...EMPTY };
  profiles.updateExtension(profileId, EXPIRY_EXTENSION, (raw) => {
    const parsed = ExpiryExtensionSchema.safeParse(raw ?? {});
    next = update(parsed.success ? parsed.data : { ...EMPTY });
    return next;
  });
  return next;
}
