/* global window, document, HTMLLIElement */
/**
 * Runs in the page before its scripts (tests/e2e/render-scope.spec.ts installs it with
 * page.addInitScript): stands where React DevTools stands, `__REACT_DEVTOOLS_GLOBAL_HOOK__`, which
 * react-dom calls after every commit. For each commit it logs, in `window.__rowCommits`, the check
 * rows whose component rendered, and of those the ones whose markup came out the same as after the
 * previous commit (a wasted render: the row re-rendered though nothing it shows changed).
 */
(() => {
  // React's fiber tags (react-reconciler/src/ReactWorkTags.js) and the PerformedWork flag
  // (ReactFiberFlags.js): the two facts React DevTools reads to tell a render from a bail-out.
  const COMPONENT_TAGS = new Set([0, 11, 14, 15]); // FunctionComponent, ForwardRef, MemoComponent, SimpleMemoComponent
  const HOST_COMPONENT = 5;
  const PERFORMED_WORK = 1;
  const seen = new Map();
  window.__rowCommits = [];
  const rowTitle = (node) => {
    if (!(node instanceof HTMLLIElement) || node.parentElement?.getAttribute('aria-label') !== 'Checks') return null;
    return (node.getAttribute('aria-label') ?? '').split(':')[0];
  };
  const hostOf = (fiber) => {
    let f = fiber.child;
    while (f && f.tag !== HOST_COMPONENT) f = f.child;
    return f ? f.stateNode : null;
  };
  // As DevTools walks a commit: a subtree whose child list is the previous one's did not render.
  const visit = (next, prev, out) => {
    if (COMPONENT_TAGS.has(next.tag) && (prev === null || (next.flags & PERFORMED_WORK) === PERFORMED_WORK)) {
      const title = rowTitle(hostOf(next));
      if (title) out.add(title);
    }
    if (prev !== null && next.child === prev.child) return;
    for (let c = next.child; c; c = c.sibling) visit(c, c.alternate, out);
  };
  let id = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject: () => ++id,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: (_renderer, root) => {
      const rendered = new Set();
      visit(root.current, root.current.alternate, rendered);
      const items = Array.from(document.querySelectorAll('ul[aria-label="Checks"] > li'));
      const wasted = [...rendered].filter((title) => {
        const li = items.find((el) => rowTitle(el) === title);
        return li !== undefined && seen.get(title) === li.outerHTML;
      });
      for (const li of items) seen.set(rowTitle(li), li.outerHTML);
      if (rendered.size > 0) window.__rowCommits.push({ rendered: [...rendered], wasted, rows: items.length });
    },
  };
})();
