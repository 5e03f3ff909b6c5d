// Shared set-up for the browser tests: one static server (tools/serve.js, port 0) and one
// Chromium per test file, a fresh context (own localStorage) per test, and helpers that act the
// way a reader does. Not a test file itself (node --test only runs *.test.js).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.js';
import { CHROMIUM } from '../../tools/screenshot.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Starts the server and the browser for this file; both close after its last test. */
export function useBrowser({ csp = false } = {}) {
  const env = { server: null, browser: null, url: (p = '/') => new URL(p, env.server.url).href };
  before(async () => {
    env.server = await startServer({ port: 0, csp });
    env.browser = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });

  /** A page in a fresh context; collects uncaught page errors (which must stay empty). */
  env.newPage = async (options = {}) => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.pageErrors = [];
    page.consoleErrors = [];
    page.on('pageerror', (err) => page.pageErrors.push(err));
    page.on('console', (msg) => msg.type() === 'error' && page.consoleErrors.push(msg.text()));
    page.close = ((close) => async () => {
      await close();
      await context.close();
    })(page.close.bind(page));
    return page;
  };

  /** A touch phone: 375×667, touch events, mobile viewport. */
  env.newPhone = (options = {}) =>
    env.newPage({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, ...options });

  /** Opens a page and waits until its widgets have rendered; an error state fails the test
   *  with its message unless `allowError` (so a flaky load is reported as what it is). */
  env.open = async (page, path = '/', { allowError = false } = {}) => {
    await page.goto(env.url(path));
    await waitForWidgets(page);
    if (!allowError) {
      const failures = await page.evaluate(() =>
        [...document.querySelectorAll('article-widget, div[data-article-widget]')]
          .map((el) => el.shadowRoot.querySelector('.aw-error')?.innerText)
          .filter(Boolean),
      );
      assert.deepEqual(failures, [], `a widget failed to render; console: ${page.consoleErrors.join(' | ')}`);
    }
  };
  return env;
}

export async function waitForWidgets(page, timeout = 15000) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('article-widget, div[data-article-widget]')].every((el) =>
        el.shadowRoot?.querySelector('.aw-article, .aw-error'),
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

/** Presses Tab until `match(focused)` is true; fails after `limit` presses. Returns the count. */
export async function tabTo(page, match, { limit = 80, key = 'Tab' } = {}) {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f && match(f)) return i;
  }
  assert.fail(`keyboard focus never reached the wanted element in ${limit} presses of ${key}`);
}

/** Runs axe-core on the whole page (it pierces open shadow roots); returns the violations. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
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

/** Text found by the browser's own find (window.find searches open shadow roots in Chromium). */
export function findsText(page, text) {
  return page.evaluate((t) => {
    const [x, y] = [scrollX, scrollY]; // find scrolls to its match: put the page back
    getSelection().removeAllRanges();
    const found = window.find(t, false, false, true);
    getSelection().removeAllRanges();
    scrollTo(x, y);
    return found;
  }, text);
}

/** The widget's part of the accessibility tree, as Playwright's ARIA snapshot (YAML text). */
export function ariaText(page, selector = 'article-widget') {
  return page.locator(selector).first().ariaSnapshot();
}

export function assertNoPageErrors(page) {
  assert.deepEqual(page.pageErrors.map(String), [], 'uncaught errors in the page');
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

/** Chromium's own accessibility tree (what a screen reader gets), via the DevTools protocol. */
export async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
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
