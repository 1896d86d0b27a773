/**
 * Entra's error bodies (https://learn.microsoft.com/entra/identity-platform/reference-error-codes) and Graph's, validated and turned into the reference a
 * check result carries: code, trace and correlation IDs, timestamp, and Entra's own message.
 */
import { z } from 'zod';
import type { EntraErrorRef } from '../../../shared/check';

export const EntraErrorBodySchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
  error_codes: z.array(z.union([z.number(), z.string()])).optional(),
  timestamp: z.string().optional(),
  trace_id: z.string().optional(),
  correlation_id: z.string().optional(),
  error_uri: z.string().optional(),
  suberror: z.string().optional(),
});
export type EntraErrorBody = z.infer<typeof EntraErrorBodySchema>;

const GraphErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional(),
    innerError: z.object({ date: z.string().optional(), 'request-id': z.string().optional(), 'client-request-id': z.string().optional() }).partial().optional(),
  }),
});

/** Entra's description without its "Trace ID / Correlation ID / Timestamp" trailer. */
export function descriptionText(description: string | undefined): string | null {
  if (!description) return null;
  return description.split(/\r?\n(?=Trace ID:|Correlation ID:|Timestamp:)/)[0]?.trim() ?? null;
}

/** The AADSTS number of an error body: error_codes[0], else the number in the description. */
export function aadstsCode(body: EntraErrorBody): number | null {
  const first = body.error_codes?.[0];
  if (first !== undefined && Number.isFinite(Number(first))) return Number(first);
  const m = /AADSTS(\d{4,})/.exec(body.error_description ?? '');
  return m ? Number(m[1]) : null;
}

export function errorRefFromBody(body: EntraErrorBody): EntraErrorRef {
  return {
    code: aadstsCode(body) ?? body.error,
    traceId: body.trace_id ?? null,
    correlationId: body.correlation_id ?? null,
    timestamp: body.timestamp ?? null,
    message: descriptionText(body.error_description),
  };
}

/** Parse a response body as an Entra error, or null when it is not one. */
export function parseEntraError(text: string): EntraErrorBody | null {
  try {
    const parsed = EntraErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function parseGraphError(text: string): EntraErrorRef | null {
  try {
    const parsed = GraphErrorSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const e = parsed.data.error;
    return { code: e.code, traceId: e.innerError?.['request-id'] ?? null, correlationId: e.innerError?.['client-request-id'] ?? null, timestamp: e.innerError?.date ?? null, message: e.message ?? null };
  } catch {
    return null;
  }
}
