/** What went wrong, where it went wrong: a red message bar with an optional title; nothing without a message. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function ErrorBar({ message, title }: { message: string | null | undefined; title?: string }) {
  if (!message) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
