// What the widget does, as state machines with no DOM: events in, effects out. footnotes.js,
// spoilers.js and navigate.js are thin adapters that turn DOM events into these events and carry
// out the effects, so the behaviour and its interplay (a popover open while its part is hidden
// again, Escape that closes one layer at a time, a deep link into a gated part) are tested in Node
// (tests/node/widget-state.test.js). Triggers and parts are opaque keys: elements in the browser,
// strings in the tests.

export const HOVER_OPEN_MS = 300;
export const HOVER_CLOSE_MS = 300;

/**
 * Footnote popovers: at most one open per widget; opened by click/tap, Space, keyboard focus or
 * hover (after a delay); a click pins a hover-opened one. Effects:
 *   { type: 'show' | 'hide', trigger }, { type: 'focus', trigger } (focus goes back to it),
 *   { type: 'start', timer: 'open' | 'close', ms }, { type: 'cancel', timer },
 *   { type: 'opened', trigger } (the footnote-open event), { type: 'consume' } (the key is handled:
 *   no one outside sees it).
 */
export function createFootnotes() {
  let current = null; // { trigger, via: 'click' | 'hover' | 'focus' }
  let hoverTarget = null; // the trigger the open timer will open
  let suppressed = null; // the reader just closed its popover: focus coming back must not reopen it
  let fx = [];

  const cancelTimers = () => fx.push({ type: 'cancel', timer: 'open' }, { type: 'cancel', timer: 'close' });
  function open(trigger, via) {
    cancelTimers();
    if (current?.trigger === trigger) return;
    close(false);
    current = { trigger, via };
    fx.push({ type: 'show', trigger }, { type: 'opened', trigger });
  }
  function close(returnFocus) {
    cancelTimers();
    if (!current) return false;
    const { trigger } = current;
    current = null;
    fx.push({ type: 'hide', trigger });
    if (returnFocus) {
      suppressed = trigger;
      fx.push({ type: 'focus', trigger });
    }
    return true;
  }

  const handlers = {
    // Click, tap or Space on a citation: toggles; on a hover-opened popover, pins it.
    activate({ trigger }) {
      if (current?.trigger !== trigger) return open(trigger, 'click');
      if (current.via === 'hover') current.via = 'click';
      else close(false);
    },
    closeButton: () => close(true),
    // Escape closes the innermost layer only: consumed when it closed something, else it is the
    // host page's (a dialog around the widget).
    escape({ focusInside }) {
      if (close(focusInside)) fx.push({ type: 'consume' });
    },
    // Keyboard focus opens (mouse and touch focus do not: their click decides); not when the
    // widget moved focus itself (quiet) or the reader just closed this one.
    focus({ trigger, keyboard, quiet }) {
      if (keyboard && !quiet && suppressed !== trigger) open(trigger, 'focus');
    },
    // Focus leaving both the trigger and its popover closes it; to nowhere (window blur, a click
    // on nothing) it stays: a press outside decides.
    focusLeave({ from, fromOpen, to }) {
      if (from === suppressed) suppressed = null;
      if (current && fromOpen && to === 'elsewhere') close(false);
    },
    hoverEnter({ trigger }) {
      fx.push({ type: 'cancel', timer: 'close' });
      if (current?.trigger === trigger) return;
      hoverTarget = trigger;
      fx.push({ type: 'cancel', timer: 'open' }, { type: 'start', timer: 'open', ms: HOVER_OPEN_MS });
    },
    hoverLeave() {
      fx.push({ type: 'cancel', timer: 'open' });
      if (current?.via === 'hover') fx.push({ type: 'start', timer: 'close', ms: HOVER_CLOSE_MS });
    },
    popoverEnter: () => fx.push({ type: 'cancel', timer: 'close' }),
    timer({ timer }) {
      if (timer === 'open' && hoverTarget) open(hoverTarget, 'hover');
      else if (timer === 'close') close(false);
    },
    // A press elsewhere, the trigger folded or hidden away, the page navigating: it closes.
    close: () => close(false),
  };

  return {
    /** → the effects of one event ({ type, …facts }). */
    dispatch(event) {
      fx = [];
      handlers[event.type]?.(event);
      return fx;
    },
    get open() {
      return current ? { ...current } : null;
    },
  };
}

/**
 * Spoiler gating for the parts of one article. Effects:
 *   { type: 'reveal' | 'conceal', parts, anchor: 'part' | 'all' } (what must not move on screen:
 *   the part's own place, or the "Show all" button), { type: 'focus', part },
 *   { type: 'revealed', part } (the spoiler-reveal event; part 'all' for all),
 *   { type: 'announce', label } ('spoilersShown' | 'spoilersHidden'), { type: 'beforeHide' } (close popovers, stop videos),
 *   { type: 'save', choice: { all, parts } }, { type: 'sync', allShown }.
 */
export function createSpoilers(parts) {
  const revealed = new Set();
  let fx = [];
  const allShown = () => parts.every((p) => revealed.has(p));
  const settle = () => fx.push({ type: 'save', choice: allShown() ? { all: true, parts: [] } : { all: false, parts: parts.filter((p) => revealed.has(p)) } }, { type: 'sync', allShown: allShown() });

  function hideAll() {
    fx.push({ type: 'beforeHide' }); // no popover or playing video may stay over text that is hidden again
    for (const p of parts) revealed.delete(p);
    fx.push({ type: 'conceal', parts: [...parts], anchor: 'all' });
  }

  const handlers = {
    // A returning reader's choice, applied before the article is first seen (nothing announced).
    restore({ all, parts: chosen }) {
      const show = parts.filter((p) => all || chosen.includes(p));
      for (const p of show) revealed.add(p);
      if (show.length) fx.push({ type: 'reveal', parts: show, anchor: 'none' });
      fx.push({ type: 'sync', allShown: allShown() });
    },
    reveal({ part }) {
      if (!parts.includes(part) || revealed.has(part)) return;
      revealed.add(part);
      // The reader asked for this part: reading (and Tab) starts at its beginning.
      fx.push({ type: 'reveal', parts: [part], anchor: 'part' }, { type: 'focus', part }, { type: 'revealed', part });
      settle();
    },
    toggleAll() {
      if (allShown()) {
        hideAll();
        fx.push({ type: 'announce', label: 'spoilersHidden' });
      } else {
        const show = parts.filter((p) => !revealed.has(p));
        for (const p of show) revealed.add(p);
        fx.push({ type: 'reveal', parts: show, anchor: 'all' }, { type: 'revealed', part: 'all' }, { type: 'announce', label: 'spoilersShown' });
      }
      settle();
    },
    hideAll() {
      hideAll();
      settle();
    },
  };

  return {
    dispatch(event) {
      fx = [];
      handlers[event.type]?.(event);
      return fx;
    },
    isRevealed: (part) => revealed.has(part),
    get allShown() {
      return allShown();
    },
  };
}

/**
 * Where a link to an anchor goes. `gates` are the gated parts around the target, outermost
 * first; a hidden one is not opened by a link (the reader did not choose to see it): the link goes
 * to its gate and reveal button instead. → { to: 'target' } or { to: 'gate', part }, plus
 * openFaq when the target is (in) a FAQ item to open on the way.
 */
export function navigation(spoilers, { gates = [], inFaq = false }) {
  const hidden = gates.find((part) => !spoilers.isRevealed(part));
  return { ...(hidden ? { to: 'gate', part: hidden } : { to: 'target' }), openFaq: inFaq };
}
