/**
 * Building blocks of the IPC contract: the error every channel can answer with, the envelope that
 * carries it across the bridge, and the shape of a channel definition.
 */
import { z } from 'zod';
import { PROFILE_FIELDS } from './profile';

export const IPC_ERROR_CODES = [
  /** The request did not match the channel's schema. */
  'invalid-payload',
  /** The request was well-formed, but a rule said no (field issues attached). */
  'validation',
  'not-found',
  'conflict',
  /** The sender is not our own window, or the action is not allowed (e.g. a link to a host off the allow-list). */
  'forbidden',
  /** A dependency is not available here (no encryption, no simulator, no network...). */
  'unavailable',
  'cancelled',
  'timeout',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export const FieldIssueSchema = z.object({
  field: z.enum(PROFILE_FIELDS),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  fix: z.object({ label: z.string(), value: z.string() }).optional(),
});

export const IpcErrorSchema = z.object({
  code: z.enum(IPC_ERROR_CODES),
  message: z.string(),
  issues: z.array(FieldIssueSchema).optional(),
  /** For invalid-payload: the path of each bad field, e.g. "draft.tenantId". */
  paths: z.array(z.string()).optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A request/response channel: both sides are schemas, so either side can validate. */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** One line for humans (shown in docs and error messages). */
  summary: string;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(summary: string, request: Req, response: Res): ChannelDef<Req, Res> {
  return { summary, request, response };
}

/** An error a service throws on purpose; the IPC layer turns it into an envelope with the same code. */
export class DeskError extends Error {
  readonly code: IpcErrorCode;
  readonly issues: z.infer<typeof FieldIssueSchema>[] | undefined;
  constructor(code: IpcErrorCode, message: string, issues?: z.infer<typeof FieldIssueSchema>[]) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.issues = issues;
  }
}

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
