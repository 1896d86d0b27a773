/** Support summary channel (docs/ARCHITECTURE.md, "Secrets"): one text to attach to a ticket, secrets and tokens removed. */
import { z } from 'zod';
import { channel } from './ipc-core';

export const SupportSummaryRequestSchema = z
  .object({
    /** The profile to describe (fields, secret hint, last check run); null for none. */
    profileId: z.string().min(1).max(100).nullable(),
  })
  .strict();
export type SupportSummaryRequest = z.infer<typeof SupportSummaryRequestSchema>;

export const SupportSummarySchema = z.object({
  /** Plain text: app version, OS, the profile, the last check results and recent log lines, redacted. */
  text: z.string(),
  /** A suggested file name for "Save support summary…" (federation-desk-support-20250314-0930.txt). */
  fileName: z.string(),
});
export type SupportSummary = z.infer<typeof SupportSummarySchema>;

export const supportChannels = {
  'support:summary': channel('A support summary (version, OS, profile without its secret, last check, recent log), redacted', SupportSummaryRequestSchema, SupportSummarySchema),
} as const;
