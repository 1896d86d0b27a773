/**
 * Copy and save for the Diagnose page. The Clipboard API needs a permission the app's session may
 * refuse; the older copy command works from any click, so it is the fallback.
 */
import { useCallback } from 'react';
import { useNotify } from '../../notify';

function copyWithCommand(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  const active = document.activeElement as HTMLElement | null;
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  active?.focus();
  return ok;
}

/** Put text on the clipboard; false when neither way worked. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: fall through to the copy command.
  }
  return copyWithCommand(text);
}

/** Offer text as a file download ("Save…"): the browser or Electron asks where to save it. */
export function saveTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `notify(message, intent)` shows a short toast; `copy(text, what)` copies and says so. */
export function useCopyAndNotify(toasterId: string) {
  const notify = useNotify(toasterId);
  const copy = useCallback(
    async (text: string, what: string) => {
      if (await copyText(text)) notify(`Copied ${what}.`);
      else notify(`Could not copy ${what}: the clipboard is not available. Select the text and press Ctrl+C.`, 'error');
    },
    [notify],
  );
  return { notify, copy };
}
