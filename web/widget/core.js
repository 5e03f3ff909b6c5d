// Everything the shim needs from outside the page's DOM: the wasm core (shared by all widgets),
// the stylesheet link and the one Trusted Types policy.
import { loadWidget } from '../index.js';

// Relative to this file, which sits one folder below web/ — as does the bundle, web/dist/.
const CSS_URL = new URL('../article-widget.css', import.meta.url).href;

export class WidgetError extends Error {
  /** kind: 'network' | 'timeout' | 'http' | 'core' | 'invalid' | 'render' */
  constructor(kind, message, extra = {}) {
    super(message);
    this.name = 'WidgetError';
    this.kind = kind;
    Object.assign(this, extra);
  }
}

let corePromise = null;

/** The rendering core, loaded once for every widget on the page; a failure is not cached, so Retry retries. */
export function getCore() {
  if (!corePromise) {
    corePromise = loadWidget().catch((cause) => {
      corePromise = null;
      throw new WidgetError('core', 'The article renderer could not be loaded.', { cause });
    });
  }
  return corePromise;
}

/** Drops the cached core (after a trap): the next render loads a fresh one. */
export function forgetCore() {
  corePromise = null;
}

// Created on first use and kept private to this module: a pass-through policy must not leak.
// The core's output is already sanitised (escape.cpp); this only lets it past Trusted Types.
let policy;
function htmlPolicy() {
  if (policy === undefined) {
    policy = globalThis.trustedTypes
      ? globalThis.trustedTypes.createPolicy('article-widget', { createHTML: (html) => html })
      : null;
  }
  return policy;
}

/** Parses the core's HTML into a fragment, through the Trusted Types policy when there is one. */
export function htmlToFragment(html) {
  const template = document.createElement('template');
  const p = htmlPolicy();
  template.innerHTML = p ? p.createHTML(html) : html;
  return template.content;
}

/** Makes sure the shadow root links the stylesheet; resolves once it has loaded (or failed). */
export function ensureStylesheet(shadow) {
  // A server-rendered shadow root may already link it.
  let link = [...shadow.querySelectorAll('link[rel~="stylesheet"]')].find((l) => l.href === CSS_URL);
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS_URL;
    shadow.prepend(link);
  }
  if (!linkReady.has(link)) {
    linkReady.set(
      link,
      link.sheet
        ? Promise.resolve()
        : new Promise((resolve) => {
            link.addEventListener('load', resolve, { once: true });
            link.addEventListener('error', resolve, { once: true });
          }),
    );
  }
  return linkReady.get(link);
}
const linkReady = new WeakMap();
