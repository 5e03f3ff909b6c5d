// Footnote popovers. Each citation link (`a.aw-cite-ref`, docs/HTML.md "Citations") becomes a
// button that opens a non-modal dialog holding a copy of its endnote. The endnote list itself
// stays for print, no-JS and screen-reader readers. Pattern: WAI-ARIA APG disclosure + non-modal
// dialog; behaviour after littlefoot, plus what it lacks (focus returns on close, keyboard open).
//
// The popover is a `popover="manual"` element placed right after the citation: the top layer
// keeps it above and outside any host-page stacking or overflow clipping, and the DOM position
// keeps the Tab order natural (trigger → links in the popover → rest of the paragraph).
import { placePopover } from './position.js';
import { quietFocus } from './context.js';
import { createFootnotes } from './state.js';

export function wireFootnotes(ctx) {
  const { article } = ctx;
  const popovers = new Map(); // trigger → popover
  for (const trigger of article.querySelectorAll('a.aw-cite-ref')) {
    const pop = buildPopover(ctx, trigger);
    if (!pop) continue; // no endnote to show: it stays a plain link to nowhere useful, but harmless
    popovers.set(trigger, pop);
    trigger.setAttribute('role', 'button');
    trigger.setAttribute('aria-haspopup', 'dialog');
    trigger.setAttribute('aria-expanded', 'false');
    trigger.setAttribute('aria-controls', pop.id);
    (trigger.parentElement?.matches('sup') ? trigger.parentElement : trigger).after(pop);
  }
  if (!popovers.size) return { close() {} };

  // The behaviour is state.js's createFootnotes; this carries out its effects.
  const machine = createFootnotes();
  const timers = { open: 0, close: 0 };
  const effects = {
    show({ trigger }) {
      popovers.get(trigger).showPopover();
      trigger.setAttribute('aria-expanded', 'true');
      position();
    },
    hide({ trigger }) {
      const pop = popovers.get(trigger);
      if (pop.matches(':popover-open')) pop.hidePopover();
      trigger.setAttribute('aria-expanded', 'false');
    },
    focus: ({ trigger }) => trigger.isConnected && trigger.focus({ preventScroll: true }),
    start: ({ timer, ms }) => (timers[timer] = ctx.later(() => send({ type: 'timer', timer }), ms)),
    cancel: ({ timer }) => ctx.cancel(timers[timer]),
    opened: ({ trigger }) =>
      ctx.emit('footnote-open', {
        articleId: ctx.articleId,
        source: trigger.dataset.awSource ?? '',
        number: Number.parseInt(trigger.textContent, 10) || 0,
      }),
    consume: () => {},
  };
  /** Sends one event; true when the machine handled a key (the caller then consumes it). */
  function send(event) {
    const fx = machine.dispatch(event);
    for (const effect of fx) effects[effect.type](effect);
    return fx.some((e) => e.type === 'consume');
  }

  function position() {
    const trigger = machine.open?.trigger;
    if (!trigger) return;
    const pop = popovers.get(trigger);
    pop.style.removeProperty('max-height');
    const ref = trigger.getBoundingClientRect();
    const box = pop.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };
    const place = placePopover({ ref, pop: { width: box.width, height: box.height }, viewport });
    // Absolute in the top layer = page coordinates: it scrolls with the page, no jitter.
    pop.style.setProperty('top', `${place.top + window.scrollY}px`);
    pop.style.setProperty('left', `${place.left + window.scrollX}px`);
    if (place.maxHeight !== null) pop.style.setProperty('max-height', `${place.maxHeight}px`);
    pop.dataset.awPlacement = place.placement;
  }

  const triggerOf = (node) => {
    const t = node?.closest?.('a.aw-cite-ref');
    return t && popovers.has(t) ? t : null;
  };
  const within = (node) => {
    const trigger = machine.open?.trigger;
    return Boolean(trigger && node && (node === trigger || popovers.get(trigger).contains(node)));
  };

  ctx.on(article, 'click', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger) {
      event.preventDefault();
      send({ type: 'activate', trigger });
    } else if (event.target.closest('.aw-popover-close')) send({ type: 'closeButton' });
  });

  ctx.on(article, 'keydown', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger && (event.key === ' ' || event.key === 'Spacebar')) {
      event.preventDefault(); // a role=button link must answer Space like a button (and not scroll)
      send({ type: 'activate', trigger });
    } else if (event.key === 'Escape' && send({ type: 'escape', focusInside: within(ctx.activeElement()) })) {
      event.preventDefault();
      event.stopPropagation(); // the innermost layer consumes Escape, not a host page dialog around us
    }
  });

  ctx.on(article, 'focusin', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger) send({ type: 'focus', trigger, keyboard: trigger.matches(':focus-visible'), quiet: quietFocus.has(trigger) });
  });
  ctx.on(article, 'focusout', (event) => {
    const to = event.relatedTarget;
    send({ type: 'focusLeave', from: event.target, fromOpen: within(event.target), to: to === null ? 'nowhere' : within(to) ? 'popover' : 'elsewhere' });
  });

  for (const [trigger, pop] of popovers) {
    const mouse = (type, extra) => (e) => e.pointerType === 'mouse' && send({ type, ...extra });
    ctx.on(trigger, 'pointerenter', mouse('hoverEnter', { trigger }));
    ctx.on(trigger, 'pointerleave', mouse('hoverLeave'));
    ctx.on(pop, 'pointerenter', mouse('popoverEnter'));
    ctx.on(pop, 'pointerleave', mouse('hoverLeave'));
  }

  // A press anywhere else closes (including another widget: each widget has its own popover).
  ctx.on(
    document,
    'pointerdown',
    (event) => {
      const trigger = machine.open?.trigger;
      if (!trigger) return;
      const path = event.composedPath();
      if (!path.includes(popovers.get(trigger)) && !path.includes(trigger)) send({ type: 'close' });
    },
    { capture: true },
  );
  // Escape while the reader's focus is outside the widget (a hover-opened popover).
  ctx.on(document, 'keydown', (event) => {
    if (event.key === 'Escape' && !event.composedPath().includes(ctx.host)) send({ type: 'escape', focusInside: false });
  });

  let pending = 0;
  const reposition = () => {
    if (machine.open && !pending) pending = ctx.frame(() => ((pending = 0), position()));
  };
  ctx.on(window, 'resize', reposition);
  ctx.on(document, 'scroll', reposition, { capture: true, passive: true });
  // A FAQ answer folding away takes its citations with it.
  ctx.on(article, 'toggle', () => machine.open && !machine.open.trigger.checkVisibility() && send({ type: 'close' }), { capture: true });

  return { close: () => send({ type: 'close' }) };
}

/** The popover for one citation: a labelled non-modal dialog holding a copy of the endnote. */
function buildPopover(ctx, trigger) {
  const href = trigger.getAttribute('href') ?? '';
  const endnote = href.startsWith('#') ? ctx.byId(href.slice(1)) : null;
  if (!endnote) return null;

  const id = `${trigger.id || `${ctx.prefix}_cite_${Math.random().toString(36).slice(2)}`}_popover`;
  const pop = document.createElement('span');
  pop.className = 'aw-popover';
  pop.id = id;
  pop.setAttribute('popover', 'manual');
  pop.setAttribute('role', 'dialog');
  pop.setAttribute('aria-labelledby', `${id}_title`);

  const title = document.createElement('span');
  title.className = 'aw-popover-title';
  title.id = `${id}_title`;
  title.textContent = trigger.getAttribute('aria-label') ?? ''; // "Source 3", from the core

  const body = document.createElement('span');
  body.className = 'aw-popover-body';
  const text = endnote.querySelector('.aw-endnote-text');
  if (text) body.append(...text.cloneNode(true).childNodes);
  else body.append(...endnote.cloneNode(true).childNodes);
  for (const node of body.querySelectorAll('.aw-backref')) node.remove();
  for (const node of body.querySelectorAll('[id]')) node.removeAttribute('id'); // ids stay unique

  const closeButton = document.createElement('button');
  closeButton.type = 'button';
  closeButton.className = 'aw-popover-close';
  closeButton.setAttribute('aria-label', ctx.label('close'));
  const cross = document.createElement('span');
  cross.setAttribute('aria-hidden', 'true');
  cross.textContent = '×';
  closeButton.append(cross);

  // Close last in the DOM: Tab from the citation lands on the source's link first.
  pop.append(title, body, closeButton);
  return pop;
}
