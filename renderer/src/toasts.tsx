/** The toaster and a toast's look: loaded after the first paint (see notify.tsx). */
import { Toast, ToastTitle, Toaster } from '@fluentui/react-components';
import { useEffect } from 'react';
import { toasterMounted } from './notify';

export function AppToaster({ toasterId }: { toasterId: string }) {
  // Effects run child first: Fluent's Toaster listens for toasts by the time this one runs.
  useEffect(() => toasterMounted(), []);
  return <Toaster toasterId={toasterId} position="bottom-end" />;
}

export function ToastMessage({ message }: { message: string }) {
  return (
    <Toast>
      <ToastTitle>{message}</ToastTitle>
    </Toast>
  );
}
