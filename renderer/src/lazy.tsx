/**
 * Lazy-loading boundaries: what the first screen does not show at start (other pages, dialogs,
 * menus, toasts) is a separate chunk, loaded when it is first needed and fetched while the app is
 * idle once the first screen is complete, so opening it later does not wait either. The profile
 * form is a chunk too (it comes with the profile rules and their schemas), asked for as soon as the
 * list or the welcome is painted (screens/profiles/profiles-screen.tsx).
 * bench/renderer-weight.bench.ts measures what is left in the first screen.
 */
import { Spinner, makeStyles } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

type Loader<M> = () => Promise<M>;

export type Preloadable<P> = LazyExoticComponent<ComponentType<P>> & { preload(): Promise<unknown> };
type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

/** React.lazy for a named export, loaded once however often it is asked for (render, prefetch). */
export function lazyNamed<M, K extends keyof M>(load: Loader<M>, name: K): Preloadable<PropsOf<M[K]>> {
  let loading: Promise<M> | undefined;
  const once = () => (loading ??= load());
  const component = lazy(async () => ({ default: (await once())[name] as ComponentType<PropsOf<M[K]>> }));
  return Object.assign(component, { preload: once });
}

const queue: (() => Promise<unknown>)[] = [];
let scheduled = false;

function idle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 1);
}

function drain(): void {
  const next = queue.shift();
  if (!next) {
    scheduled = false;
    return;
  }
  // One chunk per idle period, so a click in between is never queued behind all of them.
  void next()
    .catch(() => undefined)
    .finally(() => idle(drain));
}

let firstScreenDone = false;

function start(): void {
  if (scheduled || !firstScreenDone || queue.length === 0) return;
  scheduled = true;
  // Two animation frames: what was just rendered has been painted.
  requestAnimationFrame(() => requestAnimationFrame(() => idle(drain)));
}

/**
 * Fetch these chunks once the first screen is complete and the browser is idle (a failure is
 * ignored here: the boundary that renders the chunk shows it).
 */
export function prefetchWhenIdle(...loaders: (() => Promise<unknown>)[]): void {
  queue.push(...loaders);
  start();
}

/** Rendered last on the first screen: from here on, chunks queued for later are fetched. */
export function FirstScreenShown() {
  useEffect(() => {
    firstScreenDone = true;
    start();
  }, []);
  return null;
}

const useStyles = makeStyles({
  // The spinner appears only when loading takes long enough to notice, so a quick load does not
  // flash it; the status text is there for screen readers from the start.
  loading: {
    opacity: 0,
    animationName: { to: { opacity: 1 } },
    animationDuration: '1ms',
    animationDelay: '400ms',
    animationFillMode: 'forwards',
    padding: '8px 0',
  },
});

/** An accessible loading state for a lazy part: a polite status, a spinner after a moment. */
export function Loading({ label, minHeight }: { label: string; minHeight?: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" style={minHeight ? { minHeight } : undefined}>
      <Spinner className={styles.loading} size="small" label={label} labelPosition="after" />
    </div>
  );
}

/**
 * Renders a lazy dialog only once it was first opened, then keeps it mounted so it can play its
 * closing transition and give focus back the way Fluent's Dialog does.
 */
export function WhenOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
