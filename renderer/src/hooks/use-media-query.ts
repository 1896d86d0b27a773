/**
 * CSS media queries as React state, for the parts of the layout CSS alone cannot change (a list that
 * becomes a picker, navigation that becomes icons). Widths are CSS pixels, so 150 % display scaling
 * of a 1366 px screen is 911 px here, exactly as Chromium lays the page out.
 */
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Below about 1000 px the navigation shows icons, the profile list is a picker and forms take one column. */
export const NARROW_QUERY = '(max-width: 999.98px)';
/** For makeStyles: the same breakpoint as NARROW_QUERY. */
export const NARROW_MEDIA = '@media (max-width: 999.98px)';

export function useNarrow(): boolean {
  return useMediaQuery(NARROW_QUERY);
}
