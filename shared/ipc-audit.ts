/** Registration audit channels (docs/ARCHITECTURE.md, "Registration audit"). */
import { z } from 'zod';
import { AuditReportSchema } from './audit';
import { Ok, channel } from './ipc-core';

const ProfileId = z.object({ profileId: z.string().min(1).max(100) }).strict();

export const AuditStateSchema = z.object({
  /** The last audit of the profile (kept with it); null when never audited. */
  report: AuditReportSchema.nullable(),
  running: z.boolean(),
});
export type AuditStateView = z.infer<typeof AuditStateSchema>;

export const auditChannels = {
  'audit:run': channel('Sign in to Microsoft Graph and audit the profile’s app registrations against the setup guide', ProfileId, AuditReportSchema),
  'audit:cancel': channel('Cancel the running audit of a profile (and its pending Graph sign-in)', ProfileId, Ok),
  'audit:state': channel('The last audit report of a profile and whether one is running', ProfileId, AuditStateSchema),
} as const;
