/**
 * Remembers the main window's size, position and maximised state between runs, and never restores
 * it off-screen (a monitor may have been unplugged since).
 */
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';
import type { JsonDocumentFile } from '../services/ports';

const StateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof StateSchema>;

export const DEFAULT_SIZE = { width: 1200, height: 820 };

/** The saved bounds when they are valid and overlap a connected display; otherwise the defaults. */
export function restoreBounds(file: JsonDocumentFile): Partial<Rectangle> & { maximized: boolean } {
  let saved: WindowState | undefined;
  try {
    const parsed = StateSchema.safeParse(file.read());
    if (parsed.success) saved = parsed.data;
  } catch {
    saved = undefined;
  }
  if (!saved) return { ...DEFAULT_SIZE, maximized: false };
  const visible = screen.getAllDisplays().some(({ workArea: a }) => saved.x < a.x + a.width - 50 && saved.x + saved.width > a.x + 50 && saved.y >= a.y - 10 && saved.y < a.y + a.height - 50);
  return visible ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height, maximized: saved.maximized } : { width: saved.width, height: saved.height, maximized: saved.maximized };
}

export function trackWindowState(win: BrowserWindow, file: JsonDocumentFile): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    try {
      file.write({ ...bounds, maximized: win.isMaximized() });
    } catch {
      // Losing the window position is not worth interrupting the user for.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
