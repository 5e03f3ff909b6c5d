// One mount = one AbortController. Every listener, timer and frame callback of a mounted article
// goes through this context, so aborting it (element removed, or re-rendered) releases them all.

/** Runs fn; an exception is logged, never thrown into the host page. */
function guarded(fn, ...args) {
  try {
    fn(...args);
  } catch (err) {
    console.error('article-widget: internal error', err);
  }
}

/** root: the widget's shadow root, or in light mode its element. */
export function createContext({ host, root, signal, prefix }) {
  const timers = new Set();
  const frames = new Set();
  signal.addEventListener('abort', () => {
    for (const id of timers) clearTimeout(id);
    for (const id of frames) cancelAnimationFrame(id);
    timers.clear();
    frames.clear();
  });

  const ctx = {
    host,
    root,
    signal,
    prefix,
    article: null,
    articleId: '',
    labels: {},
    spoilers: null, // the spoiler state (state.js), set when the article is wired

    on(target, type, handler, options = {}) {
      target.addEventListener(type, (event) => guarded(handler, event), { ...options, signal });
    },

    later(fn, ms) {
      if (signal.aborted) return 0;
      const id = setTimeout(() => {
        timers.delete(id);
        guarded(fn);
      }, ms);
      timers.add(id);
      return id;
    },

    cancel(id) {
      if (!id) return;
      clearTimeout(id);
      timers.delete(id);
    },

    /** requestAnimationFrame, cancelled with the mount. */
    frame(fn) {
      if (signal.aborted) return 0;
      const id = requestAnimationFrame(() => {
        frames.delete(id);
        guarded(fn);
      });
      frames.add(id);
      return id;
    },

    /** Namespaced, bubbling, composed: host pages can listen on the element or on document. */
    emit(name, detail) {
      if (signal.aborted) return;
      host.dispatchEvent(new CustomEvent(`article-widget:${name}`, { bubbles: true, composed: true, detail }));
    },

    /** One of the words the core sends for the shim to write (meta.labels / data-aw-labels). */
    label(key) {
      const value = ctx.labels?.[key];
      return typeof value === 'string' ? value : '';
    },

    /** Element by id inside this widget; accepts the id with or without this widget's prefix. */
    byId(id) {
      if (!id) return null;
      return root.querySelector(`#${CSS.escape(id.startsWith(prefix) ? id : prefix + id)}`);
    },

    /** The focused element, as far as this widget's tree tells (null: focus is elsewhere). */
    activeElement() {
      return 'activeElement' in root ? root.activeElement : root.getRootNode().activeElement;
    },
  };
  return ctx;
}

/** Elements focused by the widget itself (not by the reader): a citation focused this way must
 *  not pop its source open, the reader did not ask for it. */
export const quietFocus = new WeakSet();

/** Focus without scrolling; makes non-interactive targets focusable just for this. */
export function focusElement(node) {
  if (!node.matches('a[href], button, input, select, textarea, summary, [tabindex]')) {
    node.setAttribute('tabindex', '-1');
  }
  quietFocus.add(node);
  node.focus({ preventScroll: true });
  quietFocus.delete(node);
}

/** Runs `change`, then scrolls so that what the reader looked at (`before`, or its replacement
 *  `after`) is where it was on screen: revealing text must not move the page under the reader. */
export function keepInPlace(before, change, after = before) {
  const top = before.getBoundingClientRect().top;
  change();
  if (!after.isConnected) return;
  const delta = after.getBoundingClientRect().top - top;
  if (Math.abs(delta) >= 1) scrollParent(after).scrollBy({ top: delta, behavior: 'instant' });
}

/** The nearest scrolling ancestor, crossing shadow boundaries; the page scroller by default. */
function scrollParent(node) {
  for (let n = node.parentElement ?? node.getRootNode().host; n; n = n.parentElement ?? n.getRootNode().host) {
    const { overflowY } = getComputedStyle(n);
    if ((overflowY === 'auto' || overflowY === 'scroll') && n.scrollHeight > n.clientHeight) return n;
  }
  return document.scrollingElement || document.documentElement;
}
