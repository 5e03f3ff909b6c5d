// The loading and error states, built with DOM calls (no HTML strings: nothing for Trusted Types).
import { describeFailure } from './failure.js';

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

/** The error state; `onRetry` is wired by the caller (with its AbortSignal) when a retry makes sense. */
export function errorView(error) {
  const info = describeFailure(error);
  const view = el('div', 'aw-state aw-error');
  view.setAttribute('role', 'alert');
  const icon = el('span', 'aw-error-icon', '!');
  icon.setAttribute('aria-hidden', 'true');
  const body = el('div', 'aw-error-body');
  body.append(el('p', 'aw-error-title', info.title), el('p', 'aw-error-message', info.message));
  if (info.items.length) {
    const list = el('ul', 'aw-error-list');
    for (const item of info.items) {
      const li = el('li');
      if (item.where) li.append(el('code', 'aw-error-where', item.where), ' ');
      li.append(el('span', 'aw-error-text', item.message));
      list.append(li);
    }
    body.append(list);
  }
  if (info.more) {
    body.append(el('p', 'aw-error-more', `…and ${info.more} more (the browser console lists them all).`));
  }
  let retryButton = null;
  if (info.retry) {
    retryButton = el('button', 'aw-button aw-error-retry', 'Try again');
    retryButton.type = 'button';
    body.append(el('p', 'aw-error-actions'));
    body.lastChild.append(retryButton);
  }
  view.append(icon, body);
  return { view, retryButton };
}
