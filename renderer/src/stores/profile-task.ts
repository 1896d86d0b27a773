/**
 * What the check and the audit stores share: a long task per profile with its `running` flag, and
 * one error line for the page. The task's own result arrives by its own way (the audit's return
 * value, the check's progress events).
 */
import { errorMessage } from '../api';

export interface ProfileTaskState {
  running: Record<string, boolean>;
  error: string | null;
}

type Set = (partial: Partial<ProfileTaskState>) => void;
type Get = () => ProfileTaskState;

/** Runs `task` with the profile marked running (cleared however it ends); a failure becomes the page's error. */
export async function runForProfile(set: Set, get: Get, profileId: string, task: () => Promise<void>): Promise<void> {
  set({ running: { ...get().running, [profileId]: true }, error: null });
  try {
    await task();
  } catch (error) {
    set({ error: errorMessage(error) });
  } finally {
    set({ running: { ...get().running, [profileId]: false } });
  }
}

/** Runs `task`; a failure becomes the page's error and the result null. */
export async function orPageError<T>(set: Set, task: () => Promise<T>): Promise<T | null> {
  try {
    return await task();
  } catch (error) {
    set({ error: errorMessage(error) });
    return null;
  }
}
