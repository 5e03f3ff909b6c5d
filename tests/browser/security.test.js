// The security corpus (tests/security/vectors.json) in each engine, through the browser shim:
// every vector's article is given to an <article-widget> (its `article` property) in a host page,
// every element of the rendered shadow tree gets the events that would fire injected handlers,
// and then:
//   - nothing executed: alert/confirm/prompt/print/open are traps on window, and none was called;
//   - no request left for another origin (a report-only policy of 'self' reports every attempt,
//     in every engine), and the page never navigated;
//   - every link's protocol (as the engine parsed it) is http/https/mailto, every image same-origin,
//     no script-capable element or on* attribute exists in the shadow tree;
//   - rejected vectors show the error state, the others render;
//   - the host page still works: its globals are not clobbered, a normal widget added afterwards
//     renders and its spoiler button works.
// Once without CSP (so a sanitiser failure would really execute) and once under the strict policy
// of docs/SECURITY.md (zero securitypolicyviolation events: nothing even tried).
import { test } from 'node:test';
import { forEachEngine, waitForWidgets, assert, assertNoPageErrors } from './harness.js';
import { buildVectorArticles } from '../security/vectors.js';

const items = buildVectorArticles().filter(({ vector }) => vector.target !== 'options'); // page-level options are the shim's
const BATCH = 40;

// Enforces nothing (a sanitiser failure still executes), reports any load from another origin.
const REPORT_FOREIGN = "default-src 'self' data: blob:; script-src 'self' 'wasm-unsafe-eval'";

async function preparePage(env) {
  const page = await env.newPage();
  page.addInitScript(() => {
    window.__trapped = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
      window[name] = (...args) => window.__trapped.push(`${name}(${args.join(',')})`);
    }
    window.__violations = [];
    window.__foreign = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (e.disposition === 'report' ? window.__foreign : window.__violations).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    window.__sameDocument = true; // gone if the page navigates
  });
  page.route('**/tests/browser/pages/blank.html', () => ({ path: 'tests/browser/pages/blank.html', headers: { 'content-security-policy-report-only': REPORT_FOREIGN } }));
  page.foreignRequests = () => page.evaluate(() => window.__foreign);
  page.navigated = () => page.evaluate(() => !window.__sameDocument);
  await env.open(page, '/tests/browser/pages/blank.html');
  return page;
}

async function renderBatch(page, batch) {
  await page.evaluate((list) => {
    const main = document.querySelector('main');
    for (const old of main.querySelectorAll('article-widget.vector')) old.remove();
    for (const { id, articleJson } of list) {
      const el = document.createElement('article-widget');
      el.className = 'vector';
      el.dataset.vector = id;
      el.article = articleJson;
      main.append(el);
    }
  }, batch.map(({ id, articleJson }) => ({ id, articleJson })));
  await waitForWidgets(page);
  return page.evaluate(() => {
    const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'STYLE', 'META', 'BASE', 'FORM', 'TEMPLATE', 'NOSCRIPT']);
    const LINK = new Set(['http:', 'https:', 'mailto:']);
    return [...document.querySelectorAll('article-widget.vector')].map((host) => {
      const root = host.shadowRoot;
      const problems = [];
      for (const el of root.querySelectorAll('*')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'error', 'load', 'toggle', 'animationstart', 'pointerenter', 'transitionend'])
          el.dispatchEvent(new Event(type));
        if (FORBIDDEN.has(el.tagName.toUpperCase())) problems.push(`<${el.tagName.toLowerCase()}>`);
        for (const a of el.attributes) if (/^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc') problems.push(`${a.name}= on <${el.tagName.toLowerCase()}>`);
      }
      // link elements are the widget's own stylesheet (same origin); anything else is not ours
      for (const l of root.querySelectorAll('link')) if (new URL(l.href).origin !== location.origin) problems.push(`link ${l.href}`);
      for (const a of root.querySelectorAll('a[href]')) if (!LINK.has(a.protocol)) problems.push(`a href with ${a.protocol}`);
      for (const img of root.querySelectorAll('img')) if (new URL(img.src).origin !== location.origin) problems.push(`img from ${img.src}`);
      const state = root.querySelector('.aw-article') ? 'rendered' : root.querySelector('.aw-error') ? 'error' : 'none';
      return { id: host.dataset.vector, state, problems };
    });
  });
}

async function runCorpus(env) {
  const page = await preparePage(env);
  const expected = new Map(items.map(({ id, vector }) => [id, vector.expect === 'rejected' ? 'error' : 'rendered']));
  for (let i = 0; i < items.length; i += BATCH) {
    for (const r of await renderBatch(page, items.slice(i, i + BATCH))) {
      assert.deepEqual(r.problems, [], `${r.id}: unsafe DOM`);
      assert.equal(r.state, expected.get(r.id), `${r.id}: expected ${expected.get(r.id)}`);
    }
    assert.deepEqual(await page.evaluate(() => window.__trapped), [], `something executed (after vector ${i + BATCH})`);
  }
  // Give anything asynchronous (a timer, an image error) the chance to fire.
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__trapped), [], 'something executed');
  assert.deepEqual(await page.foreignRequests(), [], 'a request left for another origin');
  assert.equal(await page.navigated(), false, 'the page navigated');

  // The host page still works: nothing clobbered, a normal widget renders and responds.
  const host = await page.evaluate(() => ({
    location: window.location instanceof Location,
    cookie: typeof document.cookie === 'string',
    getElementById: typeof document.getElementById === 'function',
    clobbered: document.querySelectorAll('[id="location"], [name="cookie"], [id="document"], [name="alert"]').length,
    alert: typeof window.alert,
  }));
  assert.deepEqual(host, { location: true, cookie: true, getElementById: true, clobbered: 0, alert: 'function' });
  await page.evaluate(() => {
    for (const old of document.querySelectorAll('article-widget.vector')) old.remove();
    const el = document.createElement('article-widget');
    el.setAttribute('src', '/examples/la-la-land.json');
    document.querySelector('main').append(el);
  });
  await waitForWidgets(page);
  await page.getByRole('button', { name: 'Show all spoilers' }).click();
  assert.equal(await page.getByText('five-year-later epilogue').isVisible(), true);
  await assertNoPageErrors(page);
  return page;
}

forEachEngine((plain) => {
  test(`${items.length} vectors without CSP: nothing executes, nothing leaves the origin, the page still works`, async () => {
    const page = await runCorpus(plain);
    await page.close();
  });

  test('the traps work: markup that does execute is caught (so a pass means something)', async () => {
    const page = await preparePage(plain);
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.innerHTML = '<img src="/nothing.png" onerror="alert(1)"><img src="http://tracker.invalid/p.gif">';
      document.body.append(probe);
    });
    await page.waitForFunction(() => window.__trapped.length > 0 && window.__foreign.length > 0);
    assert.deepEqual(await page.evaluate(() => window.__trapped), ['alert(1)']);
    assert.ok((await page.foreignRequests()).some((u) => u.includes('tracker.invalid')));
    await page.close();
  });
});

forEachEngine((strict) => {
  test(`${items.length} vectors under the strict CSP + Trusted Types: and not one securitypolicyviolation`, async () => {
    const page = await runCorpus(strict);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await page.close();
  });
}, { csp: true });
