/** AADSTS diagnostics channels (docs/ARCHITECTURE.md, "Diagnose"). */
import { z } from 'zod';
import { channel } from './ipc-core';
import { CatalogEntrySchema, DiagnosisSchema } from './aadsts/schema';

export { CatalogEntrySchema, DiagnosisSchema, FindingSchema, LinkSchema } from './aadsts/schema';
export type { CatalogEntry, Diagnosis, Finding, Link } from './aadsts/schema';

/** Largest paste the Diagnose page accepts (a big log file still fits). */
export const DIAGNOSE_TEXT_MAX = 2 * 1024 * 1024;

export const DiagnoseTextRequestSchema = z
  .object({
    text: z.string().max(DIAGNOSE_TEXT_MAX),
    /** Tailor the diagnosis to this profile; null or absent for none. */
    profileId: z.string().min(1).max(100).nullable().optional(),
  })
  .strict();
export type DiagnoseTextRequest = z.infer<typeof DiagnoseTextRequestSchema>;

export const CatalogSearchRequestSchema = z
  .object({
    /** A code or its start ("AADSTS500"), a name, or words; empty lists the whole catalog. */
    query: z.string().max(200),
  })
  .strict();
export type CatalogSearchRequest = z.infer<typeof CatalogSearchRequestSchema>;

export const CatalogSearchResponseSchema = z.object({
  entries: z.array(CatalogEntrySchema),
  /** Codes in the whole catalog (compact) and with a full entry. */
  size: z.object({ compact: z.number().int(), full: z.number().int() }),
});
export type CatalogSearchResponse = z.infer<typeof CatalogSearchResponseSchema>;

export const diagnoseChannels = {
  'diagnose:text': channel('Explain every AADSTS, Graph and IDX error in a pasted text, tailored to a profile', DiagnoseTextRequestSchema, DiagnosisSchema),
  'diagnose:catalog': channel('Search the AADSTS catalog by code, name or words', CatalogSearchRequestSchema, CatalogSearchResponseSchema),
} as const;
