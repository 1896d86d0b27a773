/**
 * The renderer's side of the contract: `call` unwraps the envelope from window.api and throws an
 * ApiError (with the field issues main found) when main says no.
 */
import type { ChannelName, DeskApi, Envelope, EventName, EventOf, IpcError, RequestOf, ResponseOf } from '../../shared/ipc';

/** Answers asked for before the app's chunk ran, by "channel request-JSON" (renderer/public/ask-early.js). */
export type EarlyAnswers = Map<`${ChannelName} ${string}`, Promise<Envelope<unknown>>>;

declare global {
  interface Window {
    api: DeskApi;
    earlyAnswers?: EarlyAnswers;
  }
}

/** The answer to this very question if ask-early.js asked it already; each is handed out once. */
function earlyAnswer<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>> | undefined {
  const question = `${channel} ${JSON.stringify(request)}` as const;
  const answer = window.earlyAnswers?.get(question);
  window.earlyAnswers?.delete(question);
  return answer as Promise<Envelope<ResponseOf<C>>> | undefined;
}

export class ApiError extends Error {
  readonly code: IpcError['code'];
  readonly issues: NonNullable<IpcError['issues']>;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  if (!window.api) throw new ApiError({ code: 'unavailable', message: 'Federation Desk could not reach its main process (window.api is missing).' });
  const envelope = await (earlyAnswer(channel, request) ?? window.api.invoke(channel, request));
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void {
  return window.api?.subscribe(event, listener) ?? (() => {});
}

/** A message for any error, for showing to the user. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Open an https link on a Microsoft host in the system browser (main checks the host again). */
export async function openExternal(url: string): Promise<void> {
  await call('shell:open-external', { url });
}
