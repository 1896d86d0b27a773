/* global document, getComputedStyle, innerWidth, innerHeight, HTMLSelectElement */
/**
 * Runs in the page (tests/e2e/layout.ts hands its text to page.evaluate, which the page's CSP does
 * not block): the layout problems a person would see, from bounding boxes.
 * @param {string} selector the visible things a person reads or operates
 * @returns {{ kind: 'overlap' | 'clipped' | 'select-value-cut' | 'outside-window', what: string }[]}
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by name from the string tests/e2e/layout.ts evaluates
function layoutProblemsInPage(selector) {
    const problems = [];
    const name = (el) => {
      const text = (el.getAttribute('aria-label') ?? el.innerText ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').filter((c) => c.startsWith('fui-'))[0] ?? ''}` : ''}> "${text}"`;
    };
    const clips = (el) => {
      const style = getComputedStyle(el);
      return style.overflowX !== 'visible' || style.overflowY !== 'visible';
    };
    /** The element's box cut by every ancestor that clips its overflow: the part a person can see. */
    const TEXT_TAGS = new Set(['LABEL', 'P', 'H1', 'H2', 'H3', 'SPAN', 'DIV']);
    /** Controls by their border box; texts by their content box (padding is air, not ink). */
    const ownBox = (el) => {
      const r = el.getBoundingClientRect();
      if (!TEXT_TAGS.has(el.tagName)) return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      const st = getComputedStyle(el);
      return { left: r.left + parseFloat(st.paddingLeft), top: r.top + parseFloat(st.paddingTop), right: r.right - parseFloat(st.paddingRight), bottom: r.bottom - parseFloat(st.paddingBottom) };
    };
    const visibleBox = (el) => {
      let box = ownBox(el);
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (!clips(a)) continue;
        const c = a.getBoundingClientRect();
        box = { left: Math.max(box.left, c.left), top: Math.max(box.top, c.top), right: Math.min(box.right, c.right), bottom: Math.min(box.bottom, c.bottom) };
      }
      box = { left: Math.max(box.left, 0), top: Math.max(box.top, 0), right: Math.min(box.right, innerWidth), bottom: Math.min(box.bottom, innerHeight) };
      return box.right - box.left > 0.5 && box.bottom - box.top > 0.5 ? box : null;
    };
    const shown = (el) => {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      const r = el.getBoundingClientRect();
      // Screen-reader-only text (1x1 px, clipped) is not something a person sees.
      return r.width > 2 && r.height > 2 && !el.closest('[aria-hidden=true]');
    };
    const els = [...document.querySelectorAll(selector)].filter(shown).filter((el) => !el.closest('[data-portal-node], .fui-Portal, [role=tooltip]'));
    const boxes = els.map((el) => ({ el, box: visibleBox(el) })).filter((x) => x.box !== null);

    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i];
      if (!a) continue;
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j];
        if (!b || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        // A label and its own control, or a field's parts, sit together by design only when one holds the other.
        const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (w > 1 && h > 1) problems.push({ kind: 'overlap', what: `${name(a.el)} overlaps ${name(b.el)} (${Math.round(w)}x${Math.round(h)} px)` });
      }
    }

    for (const { el, box } of boxes) {
      const r = ownBox(el);
      // Cut sideways by a pane or the window (vertical cuts are what scrolling is for).
      if (r.left < box.left - 1 || r.right > box.right + 1) {
        if (r.right > innerWidth + 1 || r.left < -1) problems.push({ kind: 'outside-window', what: `${name(el)} reaches past the window (${Math.round(r.left)}..${Math.round(r.right)} of ${innerWidth})` });
        else problems.push({ kind: 'clipped', what: `${name(el)} is cut sideways by a pane` });
      }
      // Text cut by its own box. An element that carries its full text as a tooltip (title) is an intended ellipsis.
      const style = getComputedStyle(el);
      if (el.tagName !== 'INPUT' && el.tagName !== 'SELECT' && el.tagName !== 'TEXTAREA' && style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute('title'))
        problems.push({ kind: 'clipped', what: `${name(el)} shows ${el.clientWidth} of ${el.scrollWidth} px of its text` });
      if (el instanceof HTMLSelectElement) {
        const text = el.selectedOptions[0]?.text ?? '';
        const ctx = document.createElement('canvas').getContext('2d');
        if (ctx) {
          ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const need = ctx.measureText(text).width;
          if (need > room + 1) problems.push({ kind: 'select-value-cut', what: `select "${el.name || el.id}" shows "${text}" in ${Math.round(room)} px; it needs ${Math.round(need)} px` });
        }
      }
    }
    return problems;
}
