// Embedding: both element forms, several widgets, late additions, JS-set articles, removal,
// isolation from the host page's CSS, theme attribute.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { forEachEngine, waitForWidgets, recordEvents, assert, assertNoPageErrors } from './harness.js';

forEachEngine((env) => {
  const LA_LA = 'La La Land: the twist, final scene, and what the ending means.';

  // Listeners on window and document, counted by wrapping addEventListener before anything else
  // runs (removeEventListener and an aborted signal take them off again), the same in every engine.
  function countListeners() {
    const live = new Map([[window, new Set()], [document, new Set()]]);
    const keyOf = (type, listener, options) => `${type}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
    const ids = new WeakMap();
    let next = 0;
    const idOf = (f) => (ids.has(f) ? ids.get(f) : (ids.set(f, ++next), next));
    const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      const set = live.get(this);
      if (set && listener && !options?.signal?.aborted) {
        const key = `${keyOf(type, listener, options)}|${idOf(listener)}`;
        set.add(key);
        options?.signal?.addEventListener('abort', () => set.delete(key));
      }
      return add.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (type, listener, options) {
      live.get(this)?.delete(`${keyOf(type, listener, options)}|${idOf(listener)}`);
      return remove.call(this, type, listener, options);
    };
    window.__awListeners = () => ({ window: live.get(window).size, document: live.get(document).size });
  }
  const listenerCounts = (page) => page.evaluate(() => window.__awListeners());

  test('two widgets on one page: unique ids, independent spoilers and popovers', async () => {
    const page = await env.newPage();
    await env.open(page, '/tests/browser/pages/two.html');
    const ids = await page.evaluate(() =>
      ['#first', '#second'].map((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('[id]')].map((e) => e.id)),
    );
    assert.ok(ids[0].length > 20 && ids[1].length > 10);
    assert.deepEqual(ids[0].filter((id) => ids[1].includes(id)), [], 'an id is used by both widgets');
    assert.ok(ids[0].every((id) => id.startsWith('aw1-')) && ids[1].every((id) => id.startsWith('aw2-')));

    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    assert.equal(await page.getByRole('button', { name: 'Mostrar todos los spoilers' }).isVisible(), true, 'the other widget stayed gated');
    await page.getByRole('button', { name: 'Mostrar todos los spoilers' }).click();

    // A popover opened by click in one widget stays open while one opens by hover in the other.
    await page.getByRole('button', { name: 'Source 1', exact: true }).first().click();
    const other = page.locator('#second').getByRole('button', { name: 'Fuente 1', exact: true }).first();
    await other.scrollIntoViewIfNeeded();
    const box = await other.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(600);
    assert.equal(await page.getByRole('dialog', { name: 'Source 1' }).isVisible(), true);
    assert.equal(await page.getByRole('dialog', { name: 'Fuente 1' }).isVisible(), true);
    await page.getByRole('heading', { name: 'Two widgets on one page' }).click({ force: true });
    assert.equal(await page.getByRole('dialog').count(), 0, 'a click outside closes both');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('widgets added after load render (element and div forms), and report it', async () => {
    const page = await env.newPage();
    await env.open(page, '/tests/browser/pages/blank.html');
    const events = await recordEvents(page);
    await page.evaluate(() => {
      const wrapper = document.createElement('section');
      wrapper.innerHTML =
        '<article-widget src="/examples/la-la-land.json"></article-widget>' +
        '<div data-article-widget data-src="/examples/he-rtl.json"></div>';
      document.querySelector('main').append(wrapper);
    });
    await waitForWidgets(page);
    assert.equal(await page.getByRole('heading', { level: 1, name: LA_LA }).isVisible(), true);
    const rtl = page.locator('div[data-article-widget]').locator('article');
    assert.equal(await rtl.getAttribute('dir'), 'rtl');
    assert.equal(await rtl.getAttribute('lang'), 'he');
    await page.waitForFunction(() => window.__awEvents.filter((e) => e.type === 'article-widget:render').length === 2);
    const renders = (await events()).filter((e) => e.type === 'article-widget:render').map((e) => e.detail);
    assert.deepEqual(renders.map((d) => d.ok), [true, true]);
    assert.ok(renders.some((d) => d.articleId === 'la-la-land-ending-explained'));
    assert.ok(renders.every((e) => e.articleId));
    await assertNoPageErrors(page);
    await page.close();
  });

  test('el.article = {...} renders an object; setting src (or data-src) renders the new URL', async () => {
    const page = await env.newPage();
    await env.open(page, '/tests/browser/pages/two.html');
    await page.evaluate(async () => {
      const article = await (await fetch('/examples/he-rtl.json')).json();
      document.querySelector('#first').article = article;
      document.querySelector('#second').article = { ...article, title: 'A title set from JavaScript' };
    });
    await page.waitForFunction(() =>
      ['#first', '#second'].every((s) => document.querySelector(s).shadowRoot.querySelector('article[lang="he"]')),
    );
    assert.equal(await page.getByRole('heading', { level: 1, name: 'A title set from JavaScript' }).isVisible(), true);

    await page.evaluate(() => {
      document.querySelector('#first').setAttribute('src', '/examples/la-la-land.json');
      document.querySelector('#second').dataset.src = '/examples/long-read.json';
    });
    await page.waitForFunction(() =>
      document.querySelector('#first').shadowRoot.querySelector('article[data-aw-article="la-la-land-ending-explained"]') &&
      document.querySelector('#second').shadowRoot.querySelector('article[data-aw-article^="frankenstein"]'),
    );
    assert.equal(await page.getByRole('heading', { level: 1, name: LA_LA }).isVisible(), true);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('an article set on the element before the script loads is rendered once the script arrives', async () => {
    const page = await env.newPage();
    await page.goto(env.url('/tests/browser/pages/no-script.html'));
    await page.evaluate(async () => {
      const el = document.createElement('article-widget');
      el.article = await (await fetch('/examples/la-la-land.json')).json();
      document.querySelector('main').append(el);
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/web/dist/article-widget.js';
      document.head.append(script);
    });
    await waitForWidgets(page);
    assert.equal(await page.getByRole('heading', { level: 1, name: LA_LA }).isVisible(), true);
    await page.close();
  });

  test('removing a widget releases its listeners and timers; moving one keeps it', async () => {
    const page = await env.newPage();
    page.addInitScript(countListeners);
    await env.open(page, '/tests/browser/pages/blank.html');
    const events = await recordEvents(page);
    const baseline = await listenerCounts(page);
    await page.evaluate(() => {
      const el = document.createElement('article-widget');
      el.id = 'w';
      el.setAttribute('src', '/examples/la-la-land.json');
      document.querySelector('main').append(el);
    });
    await waitForWidgets(page);
    const mounted = await listenerCounts(page);
    assert.ok(mounted.document > baseline.document && mounted.window > baseline.window, 'the widget listens on the page');

    // Moving the element (remove + insert in one task) keeps the article and its wiring.
    await page.evaluate(() => (window.__awEvents.length = 0));
    await page.evaluate(() => document.body.prepend(document.querySelector('#w')));
    await page.waitForTimeout(200);
    assert.equal((await events()).filter((e) => e.type === 'article-widget:render').length, 0, 'moving re-rendered');
    assert.deepEqual(await listenerCounts(page), mounted);

    // A hover timer pending at removal must never fire.
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    const cite = page.getByRole('button', { name: 'Source 1', exact: true }).first();
    await cite.scrollIntoViewIfNeeded();
    const box = await cite.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(() => document.querySelector('#w').remove());
    await page.waitForTimeout(600);
    assert.deepEqual((await events()).filter((e) => e.type === 'article-widget:footnote-open'), []);
    assert.deepEqual(await listenerCounts(page), baseline, 'listeners left behind after removal');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('the host page\'s CSS does not reach in, and the widget\'s CSS does not leak out', async () => {
    const page = await env.newPage();
    await env.open(page); // the demo page sets html { font-size: 62.5% } and p { letter-spacing; margins }
    const inside = await page.getByText('struggling jazz pianist').evaluate((p) => {
      const s = getComputedStyle(p);
      return { letterSpacing: s.letterSpacing, fontSize: parseFloat(s.fontSize), marginBottom: s.marginBottom };
    });
    assert.equal(inside.letterSpacing, 'normal');
    assert.ok(inside.fontSize >= 18, `body text is ${inside.fontSize}px`);
    assert.equal(inside.marginBottom, '0px');
    const outside = await page.evaluate(() => {
      const b = document.createElement('button');
      b.className = 'aw-button';
      b.textContent = 'host';
      document.body.append(b);
      return getComputedStyle(b).borderRadius;
    });
    assert.notEqual(outside, '999px');
    await page.close();
  });

  test('theme="dark" / theme="light" override the reader\'s colour scheme', async () => {
    const background = (page) =>
      page.locator('article-widget').evaluate((el) => getComputedStyle(el).backgroundColor);
    const page = await env.newPage({ colorScheme: 'light' });
    await env.open(page);
    assert.equal(await background(page), 'rgb(255, 255, 255)');
    await page.locator('article-widget').evaluate((el) => el.setAttribute('theme', 'dark'));
    assert.equal(await background(page), 'rgb(20, 20, 20)');
    await page.close();
    // (a new page: only Chromium can change the colour scheme of an open one)
    const dark = await env.newPage({ colorScheme: 'dark' });
    await env.open(dark);
    assert.equal(await background(dark), 'rgb(20, 20, 20)', 'prefers-color-scheme: dark');
    await dark.locator('article-widget').evaluate((el) => el.setAttribute('theme', 'light'));
    assert.equal(await background(dark), 'rgb(255, 255, 255)');
    await dark.close();
  });

  test('a second copy of the script on the page changes nothing', async () => {
    const page = await env.newPage();
    await env.open(page);
    await page.evaluate(async () => {
      await import('/web/dist/article-widget.js?copy=2');
    });
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('client rendering: with the README\'s reserved height, the text below the widget does not shift (CLS ≤ 0.1); without it, it does', { skip: env.lacks('layoutShift') }, async () => {
    const cls = async (reserve) => {
      const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
      page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(env.url('/tests/browser/pages/blank.html'));
      await page.evaluate((reserve) => {
        const style = document.createElement('style');
        if (reserve) style.textContent = reserve;
        document.head.append(style);
        const el = document.createElement('article-widget');
        el.setAttribute('src', '/examples/la-la-land.json');
        // The publisher's own page below the widget: comments, a footer, more stories.
        const below = document.createElement('div');
        for (let i = 0; i < 30; i++) below.append(Object.assign(document.createElement('p'), { textContent: `The publisher's own text below the widget, line ${i + 1}.` }));
        document.querySelector('main').append(el, below);
      }, reserve);
      await waitForWidgets(page);
      await page.waitForTimeout(300);
      const value = await page.evaluate(() => window.__cls);
      assert.equal(await page.locator('article-widget').getAttribute('aria-busy'), null, 'aria-busy stays after rendering');
      await page.close();
      return value;
    };
    // The README's rule, read from the README: the test and the docs cannot drift apart.
    const rule = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').match(/`(article-widget:not\(:defined\)[^`]*\})`/)[1];
    const reserved = await cls(rule);
    assert.ok(reserved <= 0.1, `CLS ${reserved} with the reserved height`);
    const unreserved = await cls('');
    assert.ok(unreserved > 0.1, `CLS only ${unreserved} without it: the measurement cannot tell`);
  });
});
