/**
 * Toasts without Fluent's toast components in the first screen: useToastController only sends an
 * event, and the Toaster and the toast's look are a chunk loaded after the first paint (a toast
 * follows an action, by which time it is there).
 */
import { useToastController } from '@fluentui/react-components';
import { Suspense, useCallback } from 'react';
import { lazyNamed } from './lazy';

export const LazyToaster = lazyNamed(() => import('./toasts'), 'AppToaster');
const ToastMessage = lazyNamed(() => import('./toasts'), 'ToastMessage');

/** Show a short success message (or another intent) in the app's toaster. */
export function useNotify(toasterId: string): (message: string, intent?: 'success' | 'info' | 'warning' | 'error') => void {
  const { dispatchToast } = useToastController(toasterId);
  return useCallback(
    (message, intent = 'success') =>
      dispatchToast(
        <Suspense fallback={null}>
          <ToastMessage message={message} />
        </Suspense>,
        { intent, timeout: 3000 },
      ),
    [dispatchToast],
  );
}
