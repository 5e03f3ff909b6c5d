// article-widget browser shim. One module script tag (the build bundles this file, its modules, the
// JS API and the wasm glue into web/dist/article-widget.js, the file a page loads):
//   <script type="module" src="/path/to/web/dist/article-widget.js"></script>
// turns every <article-widget src="…"> and <div data-article-widget data-src="…"> — present now or
// added later — into a rendered, interactive article inside an open shadow root.
// Docs: events `article-widget:*`, attributes `src` / `theme` / `persist-spoilers` / `dom` (and
// their `data-` forms on the div), property `article` (an object or JSON text) on both forms.
// `dom="light"` renders into the element itself instead of a shadow root (docs/HTML.md "Light DOM").
import { Mount } from './widget/mount.js';

const LOADED = Symbol.for('article-widget.loaded');
if (!globalThis[LOADED]) {
  // A second copy of this script (another URL) must not define things twice.
  globalThis[LOADED] = true;
  start();
}

function start() {
  const mounts = new WeakMap();

  /** `article` property on a host: set from JS, also when set before this script ran. */
  function defineArticleProperty(target, mount) {
    Object.defineProperty(target, 'article', {
      configurable: true,
      get: () => mount.article,
      set: (value) => {
        mount.setArticle(value);
      },
    });
  }
  function adoptEarlyArticle(host, mount) {
    if (Object.hasOwn(host, 'article')) {
      const value = host.article;
      delete host.article;
      mount.article = value;
    }
  }

  if (!customElements.get('article-widget')) {
    class ArticleWidgetElement extends HTMLElement {
      static observedAttributes = ['src'];
      #mount = new Mount(this, (name) => this.getAttribute(name));
      constructor() {
        super();
        mounts.set(this, this.#mount);
        adoptEarlyArticle(this, this.#mount);
      }
      get article() {
        return this.#mount.article;
      }
      set article(value) {
        this.#mount.setArticle(value);
      }
      connectedCallback() {
        this.#mount.connect();
      }
      disconnectedCallback() {
        // A move (remove + insert in the same task) keeps the mounted article.
        queueMicrotask(() => this.isConnected || this.#mount.disconnect());
      }
      attributeChangedCallback() {
        // Also when set to the same URL: that is how a page asks for a fresh copy, or goes back
        // from an `article` set in JS to the `src` one.
        this.#mount.sourceChanged();
      }
    }
    customElements.define('article-widget', ArticleWidgetElement);
  }

  // The <div data-article-widget> form: found at start and by a MutationObserver afterwards.
  const SELECTOR = 'div[data-article-widget]';
  function connectDiv(div) {
    let mount = mounts.get(div);
    if (!mount) {
      mount = new Mount(div, (name) => div.getAttribute(`data-${name}`));
      mounts.set(div, mount);
      adoptEarlyArticle(div, mount);
      defineArticleProperty(div, mount);
    }
    mount.connect();
  }
  const each = (node, fn) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(SELECTOR)) fn(node);
    for (const div of node.querySelectorAll(SELECTOR)) fn(div);
  };
  each(document.documentElement, connectDiv);

  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        const div = record.target;
        if (!div.matches(SELECTOR) || !div.isConnected) continue;
        const mount = mounts.get(div);
        if (!mount) connectDiv(div); // data-article-widget added to an existing div
        else if (record.attributeName === 'data-src') mount.sourceChanged();
        continue;
      }
      for (const node of record.removedNodes) {
        each(node, (div) => div.isConnected || mounts.get(div)?.disconnect());
      }
      for (const node of record.addedNodes) {
        each(node, (div) => div.isConnected && connectDiv(div));
      }
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-src', 'data-article-widget'],
  });
}
