import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * A form's editable copy of values saved in main. The copy follows the saved values as they arrive
 * or change (the first load, an event from another window) only while the user has not edited it:
 * an answer that arrives late never takes back what the user typed or chose. A new `key` (another
 * profile) starts again from that key's saved values. `adopt` makes the copy what was just saved.
 */
export function useFormCopy<S, F>(saved: S | null | undefined, toForm: (s: S) => F, empty: F, key?: unknown): [F, Dispatch<SetStateAction<F>>, (s: S) => void] {
  const [form, setForm] = useState<F>(() => (saved ? toForm(saved) : empty));
  // The form as the saved values last made it, as JSON (the forms hold plain data).
  const synced = useRef(JSON.stringify(form));
  const syncedKey = useRef(key);

  useEffect(() => {
    if (syncedKey.current !== key) {
      syncedKey.current = key;
      const next = saved ? toForm(saved) : empty;
      synced.current = JSON.stringify(next);
      setForm(next);
      return;
    }
    if (!saved) return;
    const next = toForm(saved);
    const before = synced.current;
    synced.current = JSON.stringify(next);
    setForm((current) => (JSON.stringify(current) === before ? next : current));
    // toForm and empty are the caller's constants; the saved values and the key decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved, key]);

  const adopt = useCallback(
    (s: S) => {
      const next = toForm(s);
      synced.current = JSON.stringify(next);
      setForm(next);
    },
    [toForm],
  );
  return [form, setForm, adopt];
}
