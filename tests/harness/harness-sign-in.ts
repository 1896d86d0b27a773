/**
 * The harness's sign-in driver: where the app would open its sign-in window, the harness publishes
 * the pending sign-in; the E2E test opens it in a Playwright page, signs in as a person would, catches
 * the redirect to the Octopus Web URL, and posts back what arrived there (or Entra's error page).
 */
import { randomUUID } from 'node:crypto';
import type { SignInDriver, SignInOutcome } from '../../electron/services/check/sign-in-driver';

export interface PendingSignIn {
  id: string;
  authorizeUrl: string;
  redirectUri: string;
}

export class HarnessSignIn {
  private readonly pending = new Map<string, { request: PendingSignIn; resolve: (o: SignInOutcome) => void }>();

  driver(): SignInDriver {
    return {
      name: 'Chromium page (E2E)',
      signIn: ({ authorizeUrl, redirectUri, signal }) =>
        new Promise<SignInOutcome>((resolve) => {
          const id = randomUUID();
          this.pending.set(id, { request: { id, authorizeUrl, redirectUri }, resolve });
          signal.addEventListener('abort', () => {
            if (this.pending.delete(id)) resolve({ kind: 'cancelled', reason: 'Cancelled.' });
          });
        }),
    };
  }

  list(): PendingSignIn[] {
    return [...this.pending.values()].map((p) => p.request);
  }

  /** The harness closes: every sign-in still waiting ends as the user closing the window would end it. */
  cancelAll(): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve({ kind: 'cancelled', reason: 'The harness closed.' });
    }
  }

  /** Deliver what the test's page reached; false when no such sign-in is waiting. */
  complete(id: string, outcome: SignInOutcome): boolean {
    const p = this.pending.get(id);
    if (!p) return false;
    this.pending.delete(id);
    p.resolve(outcome);
    return true;
  }
}
