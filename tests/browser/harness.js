// Shared set-up for the browser tests. `forEachEngine` runs a file's tests once in each engine
// (Chromium, Firefox ESR, WebKitGTK; AW_ENGINES picks) — and with `{ dom: true }` once per
// rendering mode too, the shadow root and the light DOM (AW_DOMS picks) —, through one page API (page.js), with one
// static server (tools/serve.js, port 0) per engine, a fresh context (own localStorage) per page,
// and helpers that act the way a reader does. Not a test file itself (node --test only runs
// *.test.js).
import { after, afterEach, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from '../../tools/serve.js';
import { PHONE, createEngine, selectedEngines } from './page.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ENGINE_LABELS = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK (Safari\'s engine)' };

// Run first in every page from the test server: uncaught errors and console.error calls, kept in
// the page (WebKitWebDriver has no log endpoint, so every engine records them the same way).
function recordErrors() {
  if (window.__awErrors) return;
  window.__awErrors = [];
  window.__awConsole = [];
  addEventListener('error', (e) => window.__awErrors.push(String(e.error ?? e.message)));
  addEventListener('unhandledrejection', (e) => window.__awErrors.push(String(e.reason)));
  const jsonable = (a) => {
    if (a instanceof Error) return String(a);
    try {
      return JSON.parse(JSON.stringify(a)) ?? null;
    } catch {
      return String(a);
    }
  };
  const original = console.error;
  console.error = function (...args) {
    window.__awConsole.push(args.map(jsonable));
    return original.apply(this, args);
  };
}
const INIT_PATH = '/__aw/init.js';

// Light mode for a whole test: every widget of every page gets dom="light" (data-dom on the div
// form) before it connects: parsed ones through a MutationObserver (it runs before module
// scripts), ones made with document.createElement at once.
function lightDom() {
  const mark = (el) => {
    if (el.localName === 'article-widget') el.setAttribute('dom', 'light');
    else if (el.matches?.('div[data-article-widget]')) el.setAttribute('data-dom', 'light');
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') mark(r.target);
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        mark(n);
        n.querySelectorAll('article-widget, div[data-article-widget]').forEach(mark);
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-article-widget'] });
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (name, ...rest) {
    const el = create.call(this, name, ...rest);
    if (String(name).toLowerCase() === 'article-widget') el.setAttribute('dom', 'light');
    return el;
  };
}
const DOMS = ['shadow', 'light'];
/** The rendering modes to run (AW_DOMS=shadow,light; both by default). */
function selectedDoms() {
  const names = (process.env.AW_DOMS ?? DOMS.join(',')).split(',').map((d) => d.trim()).filter(Boolean);
  for (const d of names) if (!DOMS.includes(d)) throw new Error(`AW_DOMS: unknown mode ${d} (known: ${DOMS.join(', ')})`);
  return names;
}

/**
 * Runs body(env) once per selected engine, each in its own `describe` named after the engine.
 * env.newPage / newPhone / open / url as below; env.lacks(...capabilities) is false or the reason
 * this engine cannot run a test (give it as the test's `skip`).
 */
export function forEachEngine(body, { csp = false, dom = false, root } = {}) {
  for (const name of selectedEngines()) {
    for (const mode of dom ? selectedDoms() : ['shadow']) describeEngine(name, mode, dom, body, { csp, root });
  }
}

function describeEngine(name, mode, named, body, { csp, root }) {
  describe(named ? `${ENGINE_LABELS[name]}, ${mode} DOM` : ENGINE_LABELS[name], () => {
    const engine = createEngine(name);
    const env = {
      engine,
      name,
      dom: mode,
      server: null,
      pages: new Set(),
      requests: [],
      responses: [],
      url: (p = '/') => new URL(p, env.server.url).href,
      lacks: (...needs) => engine.lacks(...needs),
      is: (...names) => names.includes(name),
    };
    const hooks = {
      async respond(req, path) {
        env.requests.push(path);
        const pages = [...env.pages];
        if (path === INIT_PATH) {
          const scripts = [`(${recordErrors})();`, ...pages.flatMap((p) => p.initScripts)];
          return { body: scripts.join('\n'), headers: { 'content-type': 'text/javascript; charset=utf-8' } };
        }
        for (const page of pages) {
          for (const { re, handler } of page.routes) {
            if (!re.test(path)) continue;
            const r = await handler(req);
            if (r === undefined) continue;
            if (r === 'abort') return r;
            const headers = { ...r.headers };
            if (r.contentType) headers['content-type'] = r.contentType;
            return { status: r.status, body: r.body, file: r.path, headers };
          }
        }
        return undefined;
      },
      served: (path, status) => env.responses.push({ path, status }),
      html: (text) => {
        const tag = `<script src="${INIT_PATH}"></script>`;
        const head = text.match(/<head[^>]*>/i);
        if (head) return text.replace(head[0], head[0] + tag);
        const doctype = text.match(/^\s*<!doctype[^>]*>/i);
        return doctype ? text.replace(doctype[0], doctype[0] + tag) : tag + text;
      },
    };
    before(async () => {
      env.server = await startServer({ port: 0, csp, root, hooks });
    });
    /** Another server (another origin) on `folder`, with this one's recorder and routes. */
    env.serve = (folder) => startServer({ port: 0, csp, root: folder, hooks });
    // A failed test leaves its page open; WebKitWebDriver allows one session at a time.
    afterEach(async () => {
      for (const page of env.pages) await page.close().catch(() => {});
    });
    after(async () => {
      await engine.close();
      await env.server?.close();
    });

    /** A page in a fresh context (options: viewport, colorScheme, reducedMotion, hasTouch,
     *  javaScriptEnabled, scrollbars, textSize, tabsToLinks — the last four need a relaunch). */
    env.newPage = async (options = {}) => {
      const page = await engine.newPage(options, env);
      if (mode === 'light') page.addInitScript(lightDom);
      return page;
    };
    /** A phone: 375×667, touch where the engine has it. */
    env.newPhone = (options = {}) => env.newPage({ viewport: PHONE, hasTouch: !engine.lacks('touch'), ...options });
    /** Opens a page and waits until its widgets have rendered; an error state fails the test
     *  with its message unless `allowError`. */
    env.open = async (page, path = '/', { allowError = false } = {}) => {
      const open = () => openWidgets(page, env.url(path), allowError, async () => JSON.stringify(await page.consoleErrors()));
      // A browser that went away under the page (a WebKitGTK MiniBrowser, in fresh-clone runs
      // under load, never alone; twice in a row on the same driver once): the page again on a
      // fresh display, driver and browser, up to twice, each time with what its driver printed.
      // A third loss fails the test, with that output.
      for (let attempt = 1; ; attempt++) {
        const err = await open().then(() => null, (e) => e);
        if (!err) break;
        if (!page.lost(err)) throw err;
        const said = `${ENGINE_LABELS[name]}: the browser went away while ${path} opened (${err.name}, attempt ${attempt}). Its driver's last output: ${page.engine.driverLog?.() || '(none)'}`;
        if (attempt === 3) throw new Error(said, { cause: err });
        console.warn(`${said}\nOpening it again on a fresh display, driver and browser.`);
        await page.reopen();
      }
      if (!named) return; // the page decides
      const shadows = await page.evaluate(() => [...document.querySelectorAll('article-widget, div[data-article-widget]')].map((el) => Boolean(el.shadowRoot)));
      assert.ok(shadows.every((s) => s === (mode === 'shadow')), `not every widget is in ${mode} DOM: ${shadows}`);
    };
    body(env);
  });
}

async function openWidgets(page, url, allowError, consoleText) {
  await page.goto(url);
  await waitForWidgets(page);
  if (allowError) return;
  const failures = await page.evaluate(() =>
    [...document.querySelectorAll('article-widget, div[data-article-widget]')]
      .map((el) => (el.shadowRoot ?? el).querySelector('.aw-error')?.innerText)
      .filter(Boolean),
  );
  assert.deepEqual(failures, [], `a widget failed to render; console: ${await consoleText()}`);
}

export async function waitForWidgets(page, timeout = 15000) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('article-widget, div[data-article-widget]')].every((el) =>
        (el.shadowRoot ?? el).querySelector('.aw-article, .aw-error'),
      ),
    null,
    { timeout },
  );
}

/** Records the widget's CustomEvents as the host page would see them (on document). */
export async function recordEvents(page) {
  await page.evaluate(() => {
    window.__awEvents = [];
    for (const name of ['spoiler-reveal', 'faq-toggle', 'footnote-open', 'render', 'error']) {
      document.addEventListener(`article-widget:${name}`, (e) =>
        window.__awEvents.push({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail)), composed: e.composed, bubbles: e.bubbles }),
      );
    }
  });
  return () => page.evaluate(() => window.__awEvents);
}

/** The element that has keyboard focus, followed through shadow roots: a short description. */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const describedBy = el.getAttribute('aria-describedby');
    return {
      description: describedBy ? el.getRootNode().getElementById(describedBy)?.textContent.trim() ?? '' : '',
      inDialog: Boolean(el.closest('[role="dialog"]')),
      tag: el.tagName.toLowerCase(),
      id: el.id,
      role: el.getAttribute('role'),
      label: el.getAttribute('aria-label'),
      text: el.textContent.trim().slice(0, 80),
      gated: el.hasAttribute('data-aw-gated'),
    };
  });
}

/** Presses Tab until `match(focused)` is true; fails after `limit` presses, or once focus leaves
 *  the page (Firefox then tabs into its own toolbar, and back to the page's last stop: walk
 *  backwards, with key 'Shift+Tab', to reach what is above). Returns the count. */
export async function tabTo(page, match, { limit = 80, key = 'Tab' } = {}) {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f && match(f)) return i;
    if (!f && !(await page.evaluate(() => document.hasFocus()))) assert.fail(`keyboard focus left the page after ${i} presses of ${key}`);
  }
  assert.fail(`keyboard focus never reached the wanted element in ${limit} presses of ${key}`);
}

/** Runs axe-core on the whole page (it pierces open shadow roots); returns the violations. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScript(AXE_SOURCE);
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).slice(0, 5),
    }));
  });
  return violations;
}

export function assertNoViolations(violations, state) {
  assert.deepEqual(violations, [], `axe violations (${state}):\n${JSON.stringify(violations, null, 2)}`);
}

/** Whether find-in-page finds the text. Where window.find searches open shadow roots (Chromium,
 *  Firefox) it is the browser's own find; in WebKit it does not, so there the answer is whether
 *  the text is in a rendered text node outside `hidden`, display: none and content-visibility:
 *  hidden, the mechanism find bars honour (checked against window.find in Chromium by
 *  spoilers.test.js). */
export function findsText(page, text) {
  if (page.engine.lacks('windowFind')) return page.evaluate((t) => __aw.findable(t), text);
  return page.evaluate((t) => {
    const [x, y] = [scrollX, scrollY]; // find scrolls to its match: put the page back
    getSelection().removeAllRanges();
    const found = window.find(t, false, false, true);
    getSelection().removeAllRanges();
    scrollTo(x, y);
    return found;
  }, text);
}

/** What went wrong in a page: uncaught errors, console errors and responses of 400 or more. */
export async function problems(page) {
  return [
    ...(await page.pageErrors()).map((e) => `page error: ${e}`),
    ...(await page.consoleErrors()).map((args) => `console: ${args.join(' ')}`),
    ...page.responses().filter((r) => r.status >= 400).map((r) => `${r.status} ${r.path}`),
  ];
}

/** No uncaught error in the page (await it with an engine-neutral page). */
export function assertNoPageErrors(page) {
  return page.pageErrors().then((errors) => assert.deepEqual(errors, [], 'uncaught errors in the page'));
}

export { assert };

/** Whether the page enforces Trusted Types: a raw string into innerHTML is refused (and reported). */
export function trustedTypesEnforced(page) {
  return page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch (err) {
      return err instanceof TypeError;
    }
  });
}

/** The accessibility tree (what a screen reader gets): Chromium's own, via the DevTools protocol;
 *  in the other engines, which give none over WebDriver, as computed from the DOM (in-page.js). */
export async function axNodes(page) {
  if (page.engine.name !== 'chromium') return page.evaluate(() => __aw.axNodes());
  const raw = page.raw;
  const cdp = await raw.context().newCDPSession(raw);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({
        role: n.role?.value ?? '',
        name: n.name?.value ?? '',
        description: n.description?.value ?? '',
        expanded: n.properties?.find((p) => p.name === 'expanded')?.value.value,
      }));
  } finally {
    await cdp.detach();
  }
}

/** Whether any node of the accessibility tree carries this text in its name. */
export async function axHasText(page, text) {
  return (await axNodes(page)).some((n) => n.name.includes(text));
}
