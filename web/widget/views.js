// The loading and error states, built with DOM calls (no HTML strings: nothing for Trusted Types).
import { where } from './failure.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A skeleton shaped like the article, announced once as "Loading article…". */
export function loadingView() {
  const view = el('div', 'aw-state aw-loading');
  view.setAttribute('role', 'status');
  view.append(el('span', 'aw-visually-hidden', 'Loading article…'));
  const skeleton = el('div', 'aw-skeleton');
  skeleton.setAttribute('aria-hidden', 'true');
  for (const kind of ['kicker', 'title', 'title short', 'dek', 'dek', 'meta', 'box', 'line', 'line', 'line short']) {
    skeleton.append(el('span', `aw-skeleton-bar aw-skeleton-${kind.replace(' ', ' aw-skeleton-')}`));
  }
  view.append(skeleton);
  return view;
}

/** The error state, as the core worded it (`text`: aw::call_failure_text), listing the first
 *  `text.shown` of `errors`; `onRetry` is wired by the caller when a retry makes sense. */
export function errorView(text, errors) {
  const view = el('div', 'aw-state aw-error');
  view.setAttribute('role', 'alert');
  const icon = el('span', 'aw-error-icon', '!');
  icon.setAttribute('aria-hidden', 'true');
  const body = el('div', 'aw-error-body');
  body.append(el('p', 'aw-error-title', text.title), el('p', 'aw-error-message', text.message));
  const shown = errors.filter((e) => e.severity !== 'warning').slice(0, text.shown);
  if (shown.length) {
    const list = el('ul', 'aw-error-list');
    for (const e of shown) {
      const li = el('li');
      if (where(e)) li.append(el('code', 'aw-error-where', where(e)), ' ');
      li.append(el('span', 'aw-error-text', e.message || e.code));
      list.append(li);
    }
    body.append(list);
  }
  if (text.more) body.append(el('p', 'aw-error-more', text.more));
  let retryButton = null;
  if (text.retry) {
    retryButton = el('button', 'aw-button aw-error-retry', text.retryLabel);
    retryButton.type = 'button';
    body.append(el('p', 'aw-error-actions'));
    body.lastChild.append(retryButton);
  }
  view.append(icon, body);
  return { view, retryButton };
}
