// One widget instance: an open shadow root on the host element (or, in light mode, `dom="light"`,
// the element itself: docs/HTML.md "Light DOM"), the article rendered into it by the wasm core,
// and the interactions wired to it. Each render gets its own AbortController;
// aborting it (re-render, element removed) removes every listener and timer it set up.
import { WidgetError, getCore, forgetCore, htmlToFragment, ensureStylesheet } from './core.js';
import { createContext, focusElement } from './context.js';
import { NO_CORE_TEXT, failureErrors, failureFacts } from './failure.js';
import { loadingView, errorView } from './views.js';
import { wireSpoilers } from './spoilers.js';
import { wireFaq } from './faq.js';
import { wireFootnotes } from './footnotes.js';
import { wireVideos } from './video.js';
import { wireNavigation, findTarget, goTo } from './navigate.js';

const FETCH_TIMEOUT_MS = 20000;
let instances = 0;
const live = new Set(); // mounts with a wired article, for page-hash ownership

export class Mount {
  /** @param attr (name) => string|null — reads `src` / `data-src` style attributes of the host */
  constructor(host, attr) {
    this.host = host;
    this.attr = attr;
    this.prefix = `aw${++instances}-`; // unique per element, kept across re-renders
    this.article = undefined; // an object or JSON text given from JS; wins over src until src changes
    this.connected = false;
    this.controller = null;
    this.ctx = null;
    this.followedInitialHash = false;
    this.started = false;
  }

  connect() {
    if (this.connected) return;
    this.connected = true;
    this.load();
  }

  disconnect() {
    if (!this.connected) return;
    this.connected = false;
    this.stop();
  }

  setArticle(value) {
    this.article = value;
    if (this.connected) this.load();
  }

  sourceChanged() {
    this.article = undefined;
    if (this.connected) this.load();
  }

  stop() {
    this.controller?.abort();
    this.controller = null;
    live.delete(this);
    this.ctx = null;
  }

  emit(signal, name, detail) {
    if (!signal.aborted) {
      this.host.dispatchEvent(new CustomEvent(`article-widget:${name}`, { bubbles: true, composed: true, detail }));
    }
  }

  async load({ focusResult = false } = {}) {
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    try {
      // Read when the element connects: a shadow root, once attached, cannot be taken back.
      const light = this.attr('dom') === 'light' && !this.host.shadowRoot;
      const root = light ? this.host : this.host.shadowRoot ?? this.host.attachShadow({ mode: 'open' });
      this.root = root;
      const styled = ensureStylesheet(root, this.attr('stylesheet') ?? '', light);
      let frame = [...root.children].find((child) => child.classList.contains('aw-root'));

      // Server-rendered (into a declarative shadow root, or the light DOM): hydrate in place, no
      // second render.
      const first = !this.started;
      this.started = true;
      const prerendered = first && this.article === undefined && root.querySelector('article.aw-article');
      if (prerendered) {
        await styled; // already linked by the server's markup: resolves at once or on load
        if (signal.aborted) return;
        this.wire(prerendered, null, signal);
        this.emit(signal, 'render', { articleId: prerendered.dataset.awArticle ?? '', ok: true });
        return;
      }
      if (!frame) {
        frame = document.createElement('div');
        frame.className = 'aw-root';
        root.append(frame);
      }
      // A server-rendered article that is being replaced (new src or article) goes, and in light
      // mode whatever the page put inside the element (a fallback link, say).
      for (const old of [...root.childNodes]) {
        if (old !== frame && !(old instanceof Element && old.matches('link[rel~="stylesheet"], style'))) old.remove();
      }

      const src = this.attr('src');
      if (this.article === undefined && !src) {
        frame.replaceChildren(); // nothing to show yet (e.g. `.article` will be set from JS)
        return;
      }
      frame.replaceChildren(loadingView());
      // aria-busy on the host while loading: for assistive technology, and for the publisher's
      // reserved height (README "Reserve its height"), which it ends.
      this.host.setAttribute('aria-busy', 'true');
      signal.addEventListener('abort', () => this.host.removeAttribute('aria-busy'), { once: true });
      frame.hidden = true; // unstyled skeleton would flash: show it once the stylesheet is in
      styled.then(() => signal.aborted || (frame.hidden = false));

      try {
        const [core, text] = await Promise.all([getCore(this.attr('wasm') ?? ''), this.readSource(src, signal)]);
        if (signal.aborted) return;
        let result;
        try {
          result = core.render(text, { idPrefix: this.prefix, revealSpoilers: false, mount: true });
        } catch (cause) {
          forgetCore(); // a trapped module must be recreated before the next render
          throw new WidgetError('render', 'The renderer failed on this article.', { cause });
        }
        if (!result?.ok) {
          throw new WidgetError('invalid', 'The article is not valid.', { errors: result?.errors ?? [], lang: result?.meta?.lang });
        }
        if (result.warnings?.length) console.warn('article-widget: article warnings', result.warnings);
        const fragment = htmlToFragment(result.html);
        // Never a silent unstyled success: a stylesheet that did not load is the error state.
        if (!(await styled)) {
          throw new WidgetError('stylesheet', 'The article\'s stylesheet could not be loaded.', {
            url: root.querySelector('link[rel~="stylesheet"]')?.href,
          });
        }
        if (signal.aborted) return;
        const article = fragment.querySelector('article.aw-article');
        if (!article) throw new WidgetError('render', 'The renderer returned no article.');
        frame.replaceChildren(fragment);
        frame.hidden = false;
        this.host.removeAttribute('aria-busy');
        this.wire(article, result.meta, signal);
        // After "Try again", keyboard focus would be lost with the button: start at the title.
        if (focusResult) focusElement(article.querySelector('h1') ?? article);
        this.emit(signal, 'render', { articleId: this.ctx?.articleId ?? '', ok: true });
      } catch (error) {
        if (signal.aborted) return;
        await this.fail(error, frame, signal, focusResult);
      }
    } catch (error) {
      // Last line of defence: nothing escapes into the host page.
      console.error('article-widget: could not mount', error);
    }
  }

  async readSource(src, signal) {
    if (this.article !== undefined) {
      if (typeof this.article === 'string') return this.article;
      try {
        return JSON.stringify(this.article, null, 2);
      } catch (cause) {
        throw new WidgetError('invalid', 'The article object cannot be turned into JSON.', {
          errors: [{ code: 'article-not-serializable', path: '', line: 0, column: 0, message: String(cause.message), severity: 'error' }],
        });
      }
    }
    const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
    const both = AbortSignal.any ? AbortSignal.any([signal, timeout]) : signal;
    let response;
    let text;
    try {
      response = await fetch(new URL(src, document.baseURI), {
        signal: both,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) {
        throw new WidgetError('http', `HTTP ${response.status} while downloading ${src}.`, { status: response.status });
      }
      text = await response.text();
    } catch (cause) {
      if (cause instanceof WidgetError || signal.aborted) throw cause;
      if (timeout.aborted) throw new WidgetError('timeout', `Timed out downloading ${src}.`, { cause });
      throw new WidgetError('network', `Could not download ${src}.`, { cause });
    }
    return text;
  }

  async fail(error, frame, signal, focusRetry) {
    const errors = failureErrors(error);
    console.error(`article-widget: ${error?.message ?? error}`, errors, error?.cause ?? '');
    // The core words the error state in the reader's language; only when it is the core that
    // failed to load is there no one to ask.
    const core = error?.kind === 'core' ? null : await getCore(this.attr('wasm') ?? '').catch(() => null);
    if (signal.aborted) return;
    let text = NO_CORE_TEXT;
    if (core) {
      const pageLang = this.host.closest('[lang]')?.lang || document.documentElement.lang;
      text = core.failureText(failureFacts(error, [error?.lang, pageLang])) ?? NO_CORE_TEXT;
    }
    const { view, retryButton } = errorView(text, errors);
    frame.replaceChildren(view);
    frame.hidden = false;
    this.host.removeAttribute('aria-busy');
    if (retryButton) {
      retryButton.addEventListener('click', () => this.load({ focusResult: true }), { signal });
      if (focusRetry) retryButton.focus();
    }
    this.emit(signal, 'error', { kind: error?.kind ?? 'unexpected', errors });
    this.emit(signal, 'render', { articleId: '', ok: false });
  }

  wire(article, meta, signal) {
    // A server-rendered article brings its own id prefix.
    const prefix = article.dataset.awPrefix || this.prefix;
    const ctx = createContext({ host: this.host, root: this.root, signal, prefix });
    ctx.article = article;
    ctx.articleId = meta?.id ?? article.dataset.awArticle ?? '';
    ctx.labels = meta?.labels ?? parseLabels(article.dataset.awLabels);
    const persist = this.attr('persist-spoilers') !== 'false';
    // remember-spoilers="subject": "show all" holds for every article of the same subject.
    const subject = this.attr('remember-spoilers') === 'subject' ? article.dataset.awSubject ?? '' : '';
    const footnotes = wireFootnotes(ctx);
    const videos = wireVideos(ctx);
    ctx.spoilers = wireSpoilers(ctx, { persist, subject, onHide: () => (footnotes.close(), videos.stopAll()) }).state;
    wireFaq(ctx);
    wireNavigation(ctx);
    this.ctx = ctx;
    live.add(this);
    ctx.on(window, 'hashchange', () => this.followHash());
    if (!this.followedInitialHash) {
      this.followedInitialHash = true;
      this.followHash();
    }
  }

  /** Follows the page's URL hash when it names an anchor that this widget owns. */
  followHash() {
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    const anchor = id && document.getElementById(id);
    if (!id || !this.ctx || (anchor && !this.host.contains(anchor))) return; // the host page's own anchor
    if (hashOwner(id) === this) goTo(this.ctx, id);
  }
}

/** The interface words a server-rendered article carries (`data-aw-labels`, JSON). */
function parseLabels(text) {
  try {
    const labels = JSON.parse(text ?? '{}');
    return labels && typeof labels === 'object' ? labels : {};
  } catch {
    return {};
  }
}

/** A prefixed id belongs to its widget; an unprefixed one to the first widget (in page order) having it. */
function hashOwner(id) {
  const mounts = [...live].sort((a, b) =>
    a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  const prefixed = mounts.find((m) => id.startsWith(m.ctx.prefix));
  if (prefixed) return findTarget(prefixed.ctx, id) ? prefixed : null;
  return mounts.find((m) => findTarget(m.ctx, id)) ?? null;
}
