/**
 * Detailed entries for the common codes outside the Octopus setup's own path: the rest of the
 * sign-in, consent, credential, Conditional Access, MFA, federation, B2B, redirect, token and tenant
 * groups (groups.ts). Facts from Microsoft Learn's AADSTS reference unless `source` names another
 * page; causes ranked for any client, the Octopus setup's own placed by diagnose().
 */
import type { FullEntry } from './catalog-full';

export const FULL_MORE: readonly FullEntry[] = [];
