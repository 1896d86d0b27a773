/**
 * The shapes a diagnosis travels in (docs/ARCHITECTURE.md, "Diagnose"): one finding per error code found in a pasted text,
 * with the IDs to quote to Microsoft, what happened, the ranked causes, the fix and links.
 * The same schemas validate the IPC response and describe the CLI's `--json` output.
 */
import { z } from 'zod';
import { CLIENT_KINDS } from './clients';

/** Where a code comes from: the Entra token service, Microsoft Graph, or .NET IdentityModel (IDX). */
export const FINDING_KINDS = ['aadsts', 'graph', 'identitymodel'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const LinkSchema = z.object({
  label: z.string(),
  url: z.string(),
});
export type Link = z.infer<typeof LinkSchema>;

export const FindingSchema = z.object({
  /** The AADSTS number (50011), or the string code for Graph (Authorization_RequestDenied) and IdentityModel (IDX10205). */
  code: z.union([z.number().int().nonnegative(), z.string()]),
  kind: z.enum(FINDING_KINDS),
  /** Microsoft's identifier for the code (InvalidReplyTo), or ours where Microsoft gives none. */
  name: z.string(),
  /** The code is in our catalog (the compact table at least). */
  known: z.boolean(),
  /** The code has a full entry: causes ranked for this setup, fix steps and deep links. */
  detailed: z.boolean(),
  /** "AADSTS50011: Redirect URI mismatch", in plain words. */
  title: z.string(),
  /** Entra's Trace ID (shown as "Request Id" on the sign-in error page); Graph's request-id. */
  traceId: z.string().nullable(),
  /** Entra's Correlation ID; Graph's client-request-id. */
  correlationId: z.string().nullable(),
  /** As written in the text (Entra: "2024-05-01 10:00:00Z"; Graph: innerError date). */
  timestamp: z.string().nullable(),
  /** The OAuth `error` next to the code (invalid_client, invalid_grant, ...), when the text had one. */
  oauthError: z.string().nullable(),
  /** The error's own message as found in the text (first line, at most 400 characters). */
  message: z.string().nullable(),
  explanation: z.string(),
  causes: z.array(z.string()),
  fix: z.array(z.string()),
  /** Notes tailored to the selected profile (empty without one). */
  context: z.array(z.string()),
  links: z.array(LinkSchema),
  /** The catalog group of the code ("Conditional Access"), or null when not cataloged. */
  group: z.string().nullable(),
  /** Where the detailed entry's facts come from (a Microsoft Learn page), or null without one. */
  source: z.string().nullable(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const RelatedNoteSchema = z.object({
  /** The codes the note is about, the one that sets the context first. */
  codes: z.array(z.number().int().nonnegative()),
  /** The code to act on first. */
  actOn: z.number().int().nonnegative(),
  note: z.string(),
  source: z.string(),
});
export type RelatedNoteView = z.infer<typeof RelatedNoteSchema>;

export const DetectedClientSchema = z.object({
  kind: z.enum(CLIENT_KINDS),
  label: z.string(),
});

export const DiagnosisSchema = z.object({
  findings: z.array(FindingSchema),
  /** The client the text came from, when the text says (Azure CLI, MSAL.NET, Octopus...). */
  client: DetectedClientSchema.nullable(),
  /** Who the causes are ranked for, in words ("the Octopus setup of profile Production"). */
  rankedFor: z.string(),
  /** How codes found together relate, and which to act on first. */
  related: z.array(RelatedNoteSchema),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

/** One catalog entry as the catalog search returns it. */
export const CatalogEntrySchema = z.object({
  code: z.union([z.number().int().nonnegative(), z.string()]),
  kind: z.enum(FINDING_KINDS),
  name: z.string(),
  meaning: z.string(),
  detailed: z.boolean(),
  title: z.string(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
