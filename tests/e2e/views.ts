/**
 * The window sizes and themes a first-time admin may work in: 1024x640, and 150 % display scaling of
 * 1366x768 (911x512 CSS px); light, dark and forced colors (Windows contrast themes).
 */
export const WORK_SIZES = [
  { name: '1024x640', width: 1024, height: 640 },
  { name: '150pct', width: 911, height: 512 },
] as const;

export const THEMES = [
  { name: 'light', media: { colorScheme: 'light', forcedColors: 'none' } },
  { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' } },
  { name: 'forced-colors', media: { colorScheme: 'dark', forcedColors: 'active' } },
] as const;
