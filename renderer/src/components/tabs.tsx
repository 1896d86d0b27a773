/**
 * The app's tab lists (the main navigation, Diagnose's views): Fluent UI's own Tab and TabList,
 * built from the "base" hooks @fluentui/react-tabs exports for a custom keyboard behaviour
 * (useTabListBase_unstable, useTabBase_unstable: the state "without design specifics and focus
 * attributes") with Fluent's styles and render functions, so they look, are named and take props
 * exactly like Fluent's <TabList> and <Tab>.
 *
 * Why not Fluent's <TabList>: its arrow keys come from tabster (useArrowNavigationGroup,
 * useTabsterAttributes), about 15 KB gzip, and nothing else on the first screen needs tabster (the
 * dialogs and menus that do are later chunks). Every tab list in the app uses these: one <TabList>
 * anywhere keeps its module, and tabster with it, in the first screen's chunk (a module is not
 * split between chunks), which tests/packaging/renderer-weight.test.ts would catch.
 *
 * The keys are a roving Tab stop, as in the WAI-ARIA Authoring Practices' tabs pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one Tab stop (the selected tab), Up/Down
 * (Left/Right when horizontal) move focus and wrap around, Home and End go to the ends, Enter or
 * Space opens. That is what TabList's tabster settings give (circular, the selected tab as the
 * default, focus not remembered once it leaves the list).
 */
import { makeStyles, mergeClasses, slot, useTabListContext_unstable, type TabListProps, type TabProps } from '@fluentui/react-components';
import {
  renderTabList_unstable,
  renderTab_unstable,
  useTabBase_unstable,
  useTabListBase_unstable,
  useTabListContextValues_unstable,
  useTabListStyles_unstable,
  useTabStyles_unstable,
} from '@fluentui/react-tabs';
import { forwardRef, type FocusEvent, type KeyboardEvent } from 'react';

const tabsOf = (list: HTMLElement) => [...list.querySelectorAll<HTMLElement>('[role="tab"]:not(:disabled)')];

/** The one Tab stop of the list moves to `stop`. */
function setStop(list: HTMLElement, stop: Element | null): void {
  for (const tab of tabsOf(list)) tab.tabIndex = tab === stop ? 0 : -1;
}

function moveFocus(event: KeyboardEvent<HTMLElement>, vertical: boolean): void {
  const tabs = tabsOf(event.currentTarget);
  const at = tabs.indexOf(event.target as HTMLElement);
  if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
  const next: Record<string, number> = vertical ? { ArrowDown: at + 1, ArrowUp: at - 1 } : { ArrowRight: at + 1, ArrowLeft: at - 1 };
  next.Home = 0;
  next.End = tabs.length - 1;
  const to = next[event.key];
  if (to === undefined) return;
  event.preventDefault();
  tabs[(to + tabs.length) % tabs.length]?.focus();
}

export const TabList = forwardRef<HTMLDivElement, TabListProps>(function TabList(props, ref) {
  const base = useTabListBase_unstable(props, ref);
  const { vertical } = base;
  const state = {
    ...base,
    appearance: props.appearance ?? 'transparent',
    reserveSelectedTabSpace: props.reserveSelectedTabSpace ?? true,
    size: props.size ?? 'medium',
    root: {
      ...base.root,
      onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
        props.onKeyDown?.(e);
        if (!e.defaultPrevented) moveFocus(e, vertical);
      },
      // The focused tab holds the Tab stop while focus is in the list, so Tab and Shift+Tab leave
      // it; once focus has left, the selected tab holds it again. Set on the DOM, not in state: a
      // render in the middle of a click (focus comes between mousedown and mouseup) could swap a
      // tab whose Suspense boundary was waiting (the narrow layout's tooltips) and lose the click.
      onFocus: (e: FocusEvent<HTMLDivElement>) => {
        props.onFocus?.(e);
        const tab = (e.target as HTMLElement).closest('[role="tab"]');
        if (tab) setStop(e.currentTarget, tab);
      },
      onBlur: (e: FocusEvent<HTMLDivElement>) => {
        props.onBlur?.(e);
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setStop(e.currentTarget, e.currentTarget.querySelector('[role="tab"][aria-selected="true"]'));
      },
    },
  };
  const contextValues = useTabListContextValues_unstable(state);
  useTabListStyles_unstable(state);
  return renderTabList_unstable(state, contextValues);
});

const useLabelStyles = makeStyles({
  // Fluent centres a tab's label over the bold copy that reserves its selected width: beside the
  // others in a vertical list, each label then starts where its own width puts it (up to 6 px
  // right of its neighbours on the longest one). Labels of a vertical list start at one edge.
  vertical: { textAlign: 'start' },
});

// A ref, so a tooltip (the narrow navigation's) can anchor to the tab.
export const Tab = forwardRef<HTMLButtonElement, TabProps>(function Tab(props, ref) {
  const base = useTabBase_unstable(props, ref);
  const appearance = useTabListContext_unstable((ctx) => ctx.appearance);
  const reserveSelectedTabSpace = useTabListContext_unstable((ctx) => ctx.reserveSelectedTabSpace);
  const size = useTabListContext_unstable((ctx) => ctx.size ?? 'medium');
  const vertical = useTabListContext_unstable((ctx) => ctx.vertical);
  const labelStyles = useLabelStyles();
  // As Fluent's useTab_unstable: the label's bold width is reserved so selecting does not shift it.
  const state = {
    ...base,
    root: { ...base.root, tabIndex: base.selected ? 0 : -1 },
    contentReservedSpace: slot.optional(props.content, {
      renderByDefault: !base.selected && !base.iconOnly && reserveSelectedTabSpace,
      defaultProps: { children: props.children },
      elementType: 'span',
    }),
    components: { ...base.components, contentReservedSpace: 'span' as const },
    appearance,
    size,
  };
  useTabStyles_unstable(state);
  if (vertical) state.content.className = mergeClasses(state.content.className, labelStyles.vertical);
  return renderTab_unstable(state);
});
