/** The toaster and a toast's look: loaded after the first paint (see notify.tsx). */
import { Toast, ToastTitle, Toaster } from '@fluentui/react-components';

export function AppToaster({ toasterId }: { toasterId: string }) {
  return <Toaster toasterId={toasterId} position="bottom-end" />;
}

export function ToastMessage({ message }: { message: string }) {
  return (
    <Toast>
      <ToastTitle>{message}</ToastTitle>
    </Toast>
  );
}
