// Everything the shim needs from outside the page's DOM: the wasm core (shared by all widgets),
// the stylesheet link and the one Trusted Types policy.

// The script's assets, relative to it. The bundle (CMakeLists.txt defines AW_BUNDLE) ships as one
// folder, dist/: article-widget.js (this shim), article-widget-render.js (the JS API and the wasm
// glue, imported only when a widget must render: a server-rendered page never loads it),
// article-widget-core.wasm, article-widget.css and article-widget.light.css (light mode's,
// generated from the first). Written as the literal `new URL('./file', import.meta.url)`, which
// bundlers (Vite, webpack, Parcel) recognise: they copy the file and rewrite the name.
// `article-widget assets --out DIR` does the same in its
/* global AW_INTEGRITY */
// copy, and writes the files' Subresource Integrity into AW_INTEGRITY (web/cli/assets.js). These
// separate modules (web/widget/) use the package's layout. A widget's `stylesheet` / `wasm`
// attributes point elsewhere (resolved against the page; no integrity then).
const CSS_URL = (typeof AW_BUNDLE === 'boolean' ? new URL('./article-widget.css', import.meta.url) : new URL('../article-widget.css', import.meta.url)).href;
const LIGHT_CSS_URL = (typeof AW_BUNDLE === 'boolean' ? new URL('./article-widget.light.css', import.meta.url) : new URL('../dist/article-widget.light.css', import.meta.url)).href;
const WASM_URL = (typeof AW_BUNDLE === 'boolean' ? new URL('./article-widget-core.wasm', import.meta.url) : new URL('../dist/article-widget-core.wasm', import.meta.url)).href;
const INTEGRITY = JSON.parse(typeof AW_INTEGRITY === 'string' ? AW_INTEGRITY : '{}');
const pageUrl = (url) => new URL(url, document.baseURI).href;

export class WidgetError extends Error {
  /** kind: 'network' | 'timeout' | 'http' | 'core' | 'stylesheet' | 'invalid' | 'render' */
  constructor(kind, message, extra = {}) {
    super(message);
    this.name = 'WidgetError';
    this.kind = kind;
    Object.assign(this, extra);
  }
}

const cores = new Map(); // wasm URL ('' = beside the script) → the core loading from it

/** The rendering core, loaded once per wasm URL for every widget on the page; a failure is not
 *  cached, so Retry retries (the wasm, and the render chunk: see importRender). */
export function getCore(wasmUrl = '') {
  const key = wasmUrl ? pageUrl(wasmUrl) : '';
  if (!cores.has(key)) {
    const url = key || WASM_URL;
    // The wasm is fetched and compiled (streaming, as it downloads) while the JS API and the glue
    // load: neither waits for the other.
    const wasmModule = compileWasm(url, key ? '' : INTEGRITY.wasm);
    wasmModule.catch(() => {}); // reported by loadWidget, not as an unhandled rejection
    cores.set(
      key,
      importRender()
        .then(({ loadWidget }) => loadWidget({ wasmUrl: url, wasmModule }))
        .catch((cause) => {
          cores.delete(key);
          throw new WidgetError('core', 'The article renderer could not be loaded.', { cause });
        }),
    );
  }
  return cores.get(key);
}

// loadWidget's own (web/index.js), copied: importing it would load the whole render chunk first.
// Its fetch options are the ones a page's `<link rel="preload" as="fetch" crossorigin>` needs to be used.
async function compileWasm(url, integrity) {
  const response = await fetch(url, { credentials: 'same-origin', ...(integrity ? { integrity } : {}) });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.headers.get('Content-Type')?.startsWith('application/wasm')
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}

// The JS API and the glue: a chunk of their own in the bundle (esbuild splits at this import and
// names it article-widget-render.js). A dynamic import() carries no integrity, so when the script
// is pinned (`article-widget assets`) the chunk is first loaded by a <script type="module"
// integrity> (a file that does not match fails to load: the error state, before anything of it
// runs); import() then gets that same module from the page's module map, without a second fetch.
// (A <link rel="modulepreload" integrity> is not enough: WebKitGTK 2.50 runs a tampered chunk
// after one, and Firefox fails one whose crossorigin differs from a preload in the page's head.)
// A chunk that failed to load (the network, its integrity) stays failed in the page's module map
// under its URL, so Retry asks for it under another: the same file with a query.
async function importRender() {
  const retry = renderFailures ? `?retry=${renderFailures}` : '';
  const href = new URL(RENDER_PATH, import.meta.url).href + retry;
  try {
    if (INTEGRITY.render) await verifiedScript(href, INTEGRITY.render);
    return await (retry ? import(/* @vite-ignore */ href) : import('../index.js'));
  } catch (err) {
    renderFailures++;
    throw err;
  }
}
let renderFailures = 0;

// Not written `new URL('./…', import.meta.url)`: a bundler would copy the file once more as an asset.
const RENDER_PATH = typeof AW_BUNDLE === 'boolean' ? './article-widget-render.js' : '../index.js';
let verified; // the chunk's <script integrity>, loading or loaded
function verifiedScript(href, integrity) {
  if (!verified) {
    const script = document.createElement('script');
    verified = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', () => {
        verified = null;
        script.remove();
        reject(new Error(`${href} did not load, or does not match its integrity`));
      }, { once: true });
    });
    script.type = 'module';
    script.integrity = integrity;
    script.src = trusted('createScriptURL', href);
    document.head.append(script);
  }
  return verified;
}

/** Drops the cached cores (after a trap): the next render loads a fresh one. */
export function forgetCore() {
  cores.clear();
}

// Created on first use and kept private to this module: a pass-through policy must not leak.
// The core's output is already sanitised (escape.cpp); this only lets it past Trusted Types. The
// one script URL it passes is the render chunk's, beside this script.
let policy;
function trusted(kind, value) {
  if (policy === undefined) {
    const renderUrl = new URL(RENDER_PATH, import.meta.url).href;
    policy = globalThis.trustedTypes
      ? globalThis.trustedTypes.createPolicy('article-widget', {
          createHTML: (html) => html,
          createScriptURL: (url) => {
            if (url !== renderUrl && !url.startsWith(`${renderUrl}?retry=`)) throw new TypeError(`article-widget loads no script but ${renderUrl}`);
            return url;
          },
        })
      : null;
  }
  return policy ? policy[kind](value) : value;
}

/** Parses the core's HTML into a fragment, through the Trusted Types policy when there is one. */
export function htmlToFragment(html) {
  const template = document.createElement('template');
  template.innerHTML = trusted('createHTML', html);
  return template.content;
}

/** Makes sure the widget's root (its shadow root, or in light mode the element itself) links the
 *  stylesheet (`href`, or the one beside the script for that mode); resolves once it has loaded
 *  (true) or failed (false). */
export function ensureStylesheet(root, href = '', light = false) {
  const url = href ? pageUrl(href) : light ? LIGHT_CSS_URL : CSS_URL;
  const links = [...root.children].filter((el) => el.matches('link[rel~="stylesheet"]'));
  // Server-rendered markup links its own: without a `stylesheet` attribute, that one is the
  // article's stylesheet (the page chose its URL, perhaps content-hashed), not a second one.
  let link = links.find((l) => l.href === url) ?? (href ? undefined : links[0]);
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    const sri = href ? '' : light ? INTEGRITY.lightCss : INTEGRITY.css;
    if (sri) {
      // Checked by the browser: a changed file fails to load, which is the error state.
      link.integrity = sri;
      link.crossOrigin = 'anonymous';
    }
    link.href = url;
    root.prepend(link);
  }
  if (!linkReady.has(link)) {
    linkReady.set(
      link,
      link.sheet
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            link.addEventListener('load', () => resolve(true), { once: true });
            link.addEventListener('error', () => {
              // Not remembered: the error state offers Retry, which must fetch the stylesheet again.
              linkReady.delete(link);
              link.remove();
              resolve(false);
            }, { once: true });
          }),
    );
  }
  return linkReady.get(link);
}
const linkReady = new WeakMap();
