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

export type Preloadable<P> = LazyExoticComponent<ComponentType<P>> & {
  preload(): Promise<unknown>;
  /** Whether the chunk has arrived: rendering the component now does not suspend. */
  loaded(): boolean;
};
type PropsOf<C> = C extends ComponentType<infer P> ? P : never;
type Loaded<P> = { default: ComponentType<P> };

/**
 * React.lazy for a named export, loaded once however often it is asked for (render, prefetch).
 * Once the chunk is here (prefetched while idle, or rendered before), the lazy component hands it
 * over at once, through a thenable that calls back synchronously: React's lazy initializer reads a
 * module resolved during `then` without suspending (packages/react/src/ReactLazy.js), whereas any
 * Promise, even a settled one, resolves a microtask later. Suspending would show the boundary's
 * fallback, and React then holds the content back until 300 ms after that fallback appeared
 * (FALLBACK_THROTTLE_MS in packages/react-reconciler/src/ReactFiberWorkLoop.js): a page that was
 * already fetched would still open a third of a second late.
 */
export function lazyNamed<M, K extends keyof M>(load: Loader<M>, name: K): Preloadable<PropsOf<M[K]>> {
  let loading: Promise<M> | undefined;
  let module: M | undefined;
  const once = () =>
    (loading ??= load().then((m) => {
      module = m;
      return m;
    }));
  const pick = (m: M): Loaded<PropsOf<M[K]>> => ({ default: m[name] as ComponentType<PropsOf<M[K]>> });
  const component = lazy<ComponentType<PropsOf<M[K]>>>(() => {
    const ready = module;
    if (ready === undefined) return once().then(pick);
    // Not a Promise, only what React uses of one: `then`, which calls back at once (see above).
    const now = { then: (resolve: (loaded: Loaded<PropsOf<M[K]>>) => void) => resolve(pick(ready)) };
    return now as unknown as Promise<Loaded<PropsOf<M[K]>>>;
  });
  return Object.assign(component, { preload: once, loaded: () => module !== undefined });
}

/**
 * Runs `fn` once the frame now being prepared has been painted: requestAnimationFrame runs just
 * before the paint, and a task queued from it runs after (https://html.spec.whatwg.org/multipage/webappapis.html#event-loop-processing-model).
 */
export function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/**
 * Whether the chunks of a part that renders after the first paint have arrived: loading starts
 * once the frame without them is painted, and the part is rendered only when they are here, so it
 * never suspends (no fallback, and no 300 ms hold-back of the reveal: see lazyNamed). A chunk that
 * fails to load is reported as the error, for the part's place on the screen.
 */
export function useLoadedAfterPaint(...parts: Pick<Preloadable<never>, 'preload' | 'loaded'>[]): { loaded: boolean; error: string | null } {
  const [state, setState] = useState(() => ({ loaded: parts.every((p) => p.loaded()), error: null as string | null }));
  useEffect(() => {
    if (state.loaded) return;
    let live = true;
    afterPaint(() => {
      Promise.all(parts.map((p) => p.preload())).then(
        () => live && setState({ loaded: true, error: null }),
        (error: unknown) => live && setState({ loaded: false, error: error instanceof Error ? error.message : String(error) }),
      );
    });
    return () => {
      live = false;
    };
    // The parts are module-level constants; the load starts once, after the first paint.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
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
  afterPaint(() => idle(drain));
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
