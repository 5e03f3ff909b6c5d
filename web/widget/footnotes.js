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

const HOVER_OPEN_MS = 300;
const HOVER_CLOSE_MS = 300;

export function wireFootnotes(ctx) {
  const { article, shadow } = ctx;
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

  let current = null; // { trigger, pop, via: 'click' | 'hover' | 'focus' }
  let openTimer = 0;
  let closeTimer = 0;
  let suppressed = null; // a trigger whose popover the reader just closed: focus must not reopen it

  function open(trigger, via) {
    ctx.cancel(openTimer);
    ctx.cancel(closeTimer);
    if (current?.trigger === trigger) return;
    close(false);
    const pop = popovers.get(trigger);
    pop.showPopover();
    trigger.setAttribute('aria-expanded', 'true');
    current = { trigger, pop, via };
    position();
    ctx.emit('footnote-open', {
      articleId: ctx.articleId,
      source: trigger.dataset.awSource ?? '',
      number: Number.parseInt(trigger.textContent, 10) || 0,
    });
  }

  function close(returnFocus) {
    ctx.cancel(openTimer);
    ctx.cancel(closeTimer);
    if (!current) return;
    const { trigger, pop } = current;
    current = null;
    if (pop.matches(':popover-open')) pop.hidePopover();
    trigger.setAttribute('aria-expanded', 'false');
    if (returnFocus && trigger.isConnected) {
      suppressed = trigger;
      trigger.focus({ preventScroll: true });
    }
  }

  function position() {
    if (!current) return;
    const { trigger, pop } = current;
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
  const within = (node) => current && node && (node === current.trigger || current.pop.contains(node));

  // Click / tap toggles; a click on a popover opened by hovering keeps it open ("pins" it).
  function toggle(trigger) {
    if (current?.trigger === trigger) {
      if (current.via === 'hover') current.via = 'click';
      else close(false);
    } else open(trigger, 'click');
  }

  ctx.on(article, 'click', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger) {
      event.preventDefault();
      toggle(trigger);
      return;
    }
    if (event.target.closest('.aw-popover-close')) close(true);
  });

  ctx.on(article, 'keydown', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger && (event.key === ' ' || event.key === 'Spacebar')) {
      event.preventDefault(); // a role=button link must answer Space like a button (and not scroll)
      toggle(trigger);
    } else if (event.key === 'Escape' && current) {
      event.preventDefault();
      event.stopPropagation(); // the innermost layer consumes Escape, not a host page dialog around us
      close(within(shadow.activeElement));
    }
  });

  // Keyboard focus opens (not mouse/touch focus: their click decides).
  ctx.on(article, 'focusin', (event) => {
    const trigger = triggerOf(event.target);
    if (!trigger || quietFocus.has(trigger) || suppressed === trigger) return;
    if (trigger.matches(':focus-visible')) open(trigger, 'focus');
  });

  // Focus leaving both the trigger and its popover closes it (Tab past the last link).
  ctx.on(article, 'focusout', (event) => {
    if (event.target === suppressed) suppressed = null;
    if (!current || !within(event.target)) return;
    const to = event.relatedTarget;
    if (to === null || within(to)) return; // window blur or a click on nothing: outside click decides
    close(false);
  });

  // Hover: open after a short delay, close after leaving both trigger and popover (grace delay).
  const hoverIn = (trigger) => {
    ctx.cancel(closeTimer);
    if (current?.trigger === trigger) return;
    ctx.cancel(openTimer);
    openTimer = ctx.later(() => open(trigger, 'hover'), HOVER_OPEN_MS);
  };
  const hoverOut = () => {
    ctx.cancel(openTimer);
    if (current?.via === 'hover') closeTimer = ctx.later(() => close(false), HOVER_CLOSE_MS);
  };
  for (const [trigger, pop] of popovers) {
    ctx.on(trigger, 'pointerenter', (e) => e.pointerType === 'mouse' && hoverIn(trigger));
    ctx.on(trigger, 'pointerleave', (e) => e.pointerType === 'mouse' && hoverOut());
    ctx.on(pop, 'pointerenter', (e) => e.pointerType === 'mouse' && ctx.cancel(closeTimer));
    ctx.on(pop, 'pointerleave', (e) => e.pointerType === 'mouse' && hoverOut());
  }

  // A press anywhere else closes (including another widget: each widget has its own popover).
  ctx.on(
    document,
    'pointerdown',
    (event) => {
      if (!current) return;
      const path = event.composedPath();
      if (path.includes(current.pop) || path.includes(current.trigger)) return;
      close(false);
    },
    { capture: true },
  );
  // Escape while the reader's focus is outside the widget (a hover-opened popover).
  ctx.on(document, 'keydown', (event) => {
    if (event.key === 'Escape' && current && !event.composedPath().includes(ctx.host)) close(false);
  });

  let pending = 0;
  const reposition = () => {
    if (current && !pending) pending = ctx.frame(() => ((pending = 0), position()));
  };
  ctx.on(window, 'resize', reposition);
  ctx.on(document, 'scroll', reposition, { capture: true, passive: true });
  // A FAQ answer folding away takes its citations with it.
  ctx.on(article, 'toggle', () => current && !current.trigger.checkVisibility() && close(false), { capture: true });

  return { close: () => close(false) };
}

/** The popover for one citation: a labelled non-modal dialog holding a copy of the endnote. */
function buildPopover(ctx, trigger) {
  const href = trigger.getAttribute('href') ?? '';
  const endnote = href.startsWith('#') ? ctx.shadow.getElementById(href.slice(1)) : null;
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
  title.textContent =
    trigger.getAttribute('aria-label') || ctx.label('sourceN', 'Source {n}').replace('{n}', trigger.textContent.trim());

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
  closeButton.setAttribute('aria-label', ctx.label('close', 'Close'));
  const cross = document.createElement('span');
  cross.setAttribute('aria-hidden', 'true');
  cross.textContent = '×';
  closeButton.append(cross);

  // Close last in the DOM: Tab from the citation lands on the source's link first.
  pop.append(title, body, closeButton);
  return pop;
}
