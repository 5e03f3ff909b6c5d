// In-widget fragment links. Inside a shadow root the browser cannot follow `#id` (it searches the
// document), so the shim does: scroll to the target and move focus there. It also follows a page
// URL hash that names a widget anchor, with or without the widget's id prefix.
import { focusElement } from './context.js';
import { navigation } from './state.js';

/** The element an id names in this widget, with or without the widget's prefix; `faq-x` is
 *  also accepted for FAQ item `x` (a natural way to write a deep link to a question). */
export function findTarget(ctx, rawId) {
  const id = rawId.startsWith(ctx.prefix) ? rawId.slice(ctx.prefix.length) : rawId;
  if (!id) return null;
  const found = ctx.byId(id);
  if (found) return found;
  const item = id.startsWith('faq-') ? ctx.byId(id.slice(4)) : null;
  return item?.matches('details') ? item : null;
}

/** Scrolls to and focuses what `rawId` names; false when this widget has no such anchor. */
export function goTo(ctx, rawId) {
  let target = findTarget(ctx, rawId);
  if (!target) return false;

  // The gated parts around the target, outermost first: state.js decides where the link goes.
  const gates = [];
  for (let n = target; n; n = n.parentElement) if (n.hasAttribute('data-aw-gated')) gates.unshift(n.dataset.awGated);
  const details = target.closest('details');
  const where = navigation(ctx.spoilers, { gates, inFaq: Boolean(details) });
  if (where.openFaq && !details.open) details.open = true; // a FAQ item is opened on the way

  let focusTarget = target;
  if (where.to === 'gate') {
    // Gated text stays gated: go to its gate (and its reveal button) instead.
    const gated = ctx.article.querySelector(`[data-aw-gated="${CSS.escape(where.part)}"]`);
    target = ctx.article.querySelector(`[data-aw-gate="${CSS.escape(where.part)}"]`) ?? gated.parentElement;
    focusTarget = target.querySelector('button:not([hidden])') ?? target;
  } else if (target.matches('section')) {
    focusTarget = target.querySelector(':scope > :is(h2, h3, h4, h5, h6)') ?? target;
  } else if (target.matches('details')) {
    focusTarget = target.querySelector(':scope > summary') ?? target;
  }

  for (const old of ctx.article.querySelectorAll('[data-aw-target]')) old.removeAttribute('data-aw-target');
  target.setAttribute('data-aw-target', '');
  target.scrollIntoView({ block: 'start', behavior: 'instant' });
  focusElement(focusTarget);
  return true;
}

export function wireNavigation(ctx) {
  ctx.on(ctx.article, 'click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // new tab/window
    const link = event.target.closest('a[href^="#"]');
    if (!link || link.getAttribute('role') === 'button') return;
    let id;
    try {
      id = decodeURIComponent(link.getAttribute('href').slice(1));
    } catch {
      return;
    }
    if (goTo(ctx, id)) event.preventDefault();
  });
  // The highlight of a followed link fades when the reader moves on.
  ctx.on(ctx.article, 'focusout', (event) => {
    const marked = event.target.closest?.('[data-aw-target]');
    if (marked && !marked.contains(event.relatedTarget)) marked.removeAttribute('data-aw-target');
  });
}
