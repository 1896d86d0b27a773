/**
 * Toasts without Fluent's toast components in the first screen: useToastController only sends an
 * event, and the Toaster and the toast's look are a chunk loaded after the first paint.
 *
 * Fluent's Toaster hears a toast only while it is mounted (the dispatch is a DOM event, nothing
 * queues it), so a toast asked for before the chunk arrived would be lost: every toast asks for
 * the toaster first and is dispatched once the toaster has mounted.
 */
import { useToastController } from '@fluentui/react-components';
import { Suspense, useCallback, useSyncExternalStore } from 'react';
import { lazyNamed } from './lazy';

export const LazyToaster = lazyNamed(() => import('./toasts'), 'AppToaster');
const ToastMessage = lazyNamed(() => import('./toasts'), 'ToastMessage');

let wanted = false;
const subscribers = new Set<() => void>();
let markMounted: () => void = () => undefined;
const mounted = new Promise<void>((resolve) => {
  markMounted = resolve;
});

/** Ask for the toaster to be mounted (idempotent): at idle time, or by the first toast. */
export function mountToaster(): void {
  if (wanted) return;
  wanted = true;
  for (const notifySubscriber of subscribers) notifySubscriber();
}

/** Whether the app should render the toaster now. */
export function useToasterWanted(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      subscribers.add(onChange);
      return () => subscribers.delete(onChange);
    },
    () => wanted,
  );
}

/** Called by the toaster once it is mounted, so toasts held back until then are dispatched. */
export function toasterMounted(): void {
  markMounted();
}

export type ToastIntent = 'success' | 'info' | 'warning' | 'error';

/** Show a short message in the app's toaster (errors stay longer: they ask the user to act). */
export function useNotify(toasterId: string): (message: string, intent?: ToastIntent) => void {
  const { dispatchToast } = useToastController(toasterId);
  return useCallback(
    (message, intent = 'success') => {
      mountToaster();
      void mounted.then(() =>
        dispatchToast(
          <Suspense fallback={null}>
            <ToastMessage message={message} />
          </Suspense>,
          { intent, timeout: intent === 'error' ? 6000 : 3000 },
        ),
      );
    },
    [dispatchToast],
  );
}
