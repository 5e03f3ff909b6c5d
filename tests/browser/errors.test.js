// Failure states: every way an article can fail to show gives a styled, clear message in the
// widget (with Retry where a retry can help), the full list in the console, events for the host,
// and never an exception in the host page. Requests are answered by the test server (page.route).
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { forEachEngine, waitForWidgets, recordEvents, focused, assert, assertNoPageErrors } from './harness.js';

forEachEngine((env) => {
  const GOOD = readFileSync(new URL('../../examples/la-la-land.json', import.meta.url), 'utf8');
  const TITLE = 'La La Land: the twist, final scene, and what the ending means.';

  async function pageWith(src, { phone = false } = {}) {
    const page = phone ? await env.newPhone() : await env.newPage();
    await env.open(page, '/tests/browser/pages/blank.html');
    page.events = await recordEvents(page);
    page.add = (url = src) =>
      page.evaluate((u) => {
        const el = document.createElement('article-widget');
        el.setAttribute('src', u);
        document.querySelector('main').append(el);
      }, url);
    return page;
  }
  const alert = (page) => page.getByRole('alert');
  const retry = (page) => page.getByRole('button', { name: 'Try again' });

  async function errorEvents(page) {
    return (await page.events()).filter((e) => e.type === 'article-widget:error' || (e.type === 'article-widget:render' && !e.detail.ok));
  }

  test('HTTP 404: "not found", no retry, events and console, host page unharmed', async () => {
    const page = await pageWith('/articles/missing.json');
    page.route('**/articles/missing.json', () => ({ status: 404, body: 'nope' }));
    await page.add();
    await waitForWidgets(page);
    const text = await alert(page).innerText();
    assert.match(text, /This article could not be displayed/);
    assert.match(text, /not found \(HTTP 404\)/);
    assert.equal(await retry(page).count(), 0, 'retrying a 404 does not help');
    const events = await errorEvents(page);
    assert.equal(events[0].type, 'article-widget:error');
    assert.equal(events[0].detail.kind, 'http');
    assert.equal(events[0].detail.errors[0].code, 'http-status');
    assert.deepEqual(events[1].detail, { articleId: '', ok: false });
    assert.ok((await page.consoleErrors()).some((args) => String(args[0]).startsWith('article-widget:')));
    await assertNoPageErrors(page);
    assert.equal(await page.getByRole('heading', { name: 'Test host page' }).isVisible(), true);
    await page.close();
  });

  test('HTTP 500: a retry that works once the server recovers', async () => {
    const page = await pageWith('/articles/flaky.json');
    let fail = true;
    page.route('**/articles/flaky.json', () =>
      fail ? { status: 500, body: 'oops' } : { status: 200, contentType: 'application/json', body: GOOD },
    );
    await page.add();
    await waitForWidgets(page);
    assert.match(await alert(page).innerText(), /could not send the article \(HTTP 500\)/);
    fail = false;
    await retry(page).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.equal(await alert(page).count(), 0);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('network failure: a clear message; Retry (keyboard) keeps focus on the error if it fails, then on the title', async () => {
    const page = await pageWith('/articles/offline.json');
    let online = false;
    page.route('**/articles/offline.json', () => (online ? { status: 200, contentType: 'application/json', body: GOOD } : 'abort'));
    await page.add();
    await waitForWidgets(page);
    assert.match(await alert(page).innerText(), /could not be downloaded/);
    await retry(page).focus();
    await page.keyboard.press('Enter');
    await retry(page).waitFor();
    assert.equal((await focused(page)).text, 'Try again', 'focus is lost after a failed retry');
    online = true;
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.equal((await focused(page)).tag, 'h1', 'after a successful retry, focus starts at the title');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('bad JSON: says so, with the line and column', async () => {
    const page = await pageWith('/articles/bad.json');
    page.route('**/articles/bad.json', () => ({ status: 200, contentType: 'application/json', body: '{\n  "id": "x",\n  "title": \n}' }));
    await page.add();
    await waitForWidgets(page);
    const text = await alert(page).innerText();
    assert.match(text, /not valid JSON/);
    assert.match(text, /line 4, column 1/);
    assert.equal(await retry(page).count(), 0);
    const [error] = await errorEvents(page);
    assert.equal(error.detail.kind, 'invalid');
    assert.equal(error.detail.errors[0].code, 'json-syntax');
    await page.close();
  });

  test('schema errors: the first three with their JSON paths on screen, all of them in the console', async () => {
    const page = await pageWith('/articles/incomplete.json');
    page.route('**/articles/incomplete.json', () => ({ status: 200, contentType: 'application/json', body: '{"id": "x"}' }));
    await page.add();
    await waitForWidgets(page);
    const [error] = await errorEvents(page);
    const all = error.detail.errors;
    assert.ok(all.length > 3, `only ${all.length} errors`);
    const box = alert(page);
    assert.match(await box.innerText(), new RegExp(`has ${all.length} problems`));
    const items = await box.getByRole('listitem').allInnerTexts();
    assert.equal(items.length, 3);
    for (let i = 0; i < 3; i++) {
      assert.ok(items[i].includes(all[i].path), `${items[i]} lacks ${all[i].path}`);
      assert.ok(items[i].includes(all[i].message));
    }
    assert.match(await box.innerText(), new RegExp(`and ${all.length - 3} more`));
    const logged = (await page.consoleErrors()).find((args) => Array.isArray(args[1]));
    assert.equal(logged[1].length, all.length, 'the console has the full list');
    await page.close();
  });

  // The render chunk: Firefox keeps a module that failed to load for good under its URL, so Retry
  // must ask for it under another (web/widget/core.js, importRender).
  for (const [what, glob] of [['the wasm', '**/*.wasm'], ['the render chunk', '**/article-widget-render.js']]) {
    test(`${what} failing to load: a message and a Retry that works once it can load; other widgets then work`, async () => {
      const page = await env.newPage();
      let blocked = true;
      page.route(glob, () => (blocked ? 'abort' : undefined));
      await env.open(page, '/tests/browser/pages/two.html', { allowError: true });
      assert.equal(await alert(page).count(), 2);
      assert.match(await alert(page).first().innerText(), /renderer could not be loaded/);
      blocked = false;
      await retry(page).first().click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await retry(page).click(); // the second widget
      await page.locator('#second').locator('article').waitFor();
      assert.equal(await alert(page).count(), 0);
      await assertNoPageErrors(page);
      await page.close();
    });
  }

  test('after a broken article, the next one on the same page renders', async () => {
    const page = await pageWith('/articles/bad.json');
    page.route('**/articles/bad.json', () => ({ status: 200, body: '{' }));
    await page.add();
    await waitForWidgets(page);
    await page.add('/examples/la-la-land.json');
    await waitForWidgets(page);
    assert.equal(await alert(page).count(), 1);
    assert.equal(await page.getByRole('heading', { level: 1, name: TITLE }).isVisible(), true);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('while loading, a skeleton announces "Loading article…"', async () => {
    const page = await pageWith('/articles/slow.json');
    let release;
    const gate = new Promise((r) => (release = r));
    page.route('**/articles/slow.json', async () => {
      await gate;
      return { status: 200, contentType: 'application/json', body: GOOD };
    });
    await page.add();
    const status = page.getByRole('status').filter({ hasText: 'Loading article…' });
    await status.waitFor({ state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('article-widget').shadowRoot.querySelector('.aw-root').hidden);
    const skeleton = await page.locator('article-widget').locator('.aw-skeleton').boundingBox();
    assert.ok(skeleton.height > 100, 'the skeleton takes the article\'s place');
    release();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.equal(await status.count(), 0);
    await page.close();
  });

  test('a stylesheet that does not load is the error state, never a silent unstyled article; stylesheet and wasm attributes point elsewhere', async () => {
    const page = await env.newPage();
    page.addInitScript(() => {
      window.__awErrorEvents = [];
      document.addEventListener('article-widget:error', (e) => window.__awErrorEvents.push(JSON.parse(JSON.stringify(e.detail))));
    });
    page.route('**/web/dist/article-widget.css', () => ({ status: 404, body: 'gone' }));
    await env.open(page, '/tests/browser/pages/blank.html', { allowError: true });
    await page.evaluate(() => {
      const el = document.createElement('article-widget');
      el.setAttribute('src', '/examples/la-la-land.json');
      document.querySelector('main').append(el);
    });
    await waitForWidgets(page);
    const alert = page.locator('article-widget').getByRole('alert');
    assert.match(await alert.innerText(), /styles could not be loaded/);
    assert.equal(await page.locator('article-widget').locator('.aw-article').count(), 0, 'the article was shown unstyled');
    const events = await page.evaluate(() => window.__awErrorEvents);
    assert.equal(events.length, 1);
    assert.equal(events[0].kind, 'stylesheet');
    assert.equal(events[0].errors[0].code, 'stylesheet-failed');
    // Once the stylesheet is back, Try again loads it and shows the article, styled.
    page.unroute('**/web/dist/article-widget.css');
    await retry(page).click();
    const kicker = page.locator('article-widget').getByText('Ending Explained', { exact: true });
    await kicker.waitFor();
    assert.equal(await kicker.evaluate((k) => getComputedStyle(k).textTransform), 'uppercase', 'Retry did not reload the stylesheet');
    await page.close();

    // Copied anywhere: the attributes say where the stylesheet and the wasm are.
    const moved = await env.newPage();
    moved.route('**/web/dist/article-widget.css', () => ({ status: 404, body: 'gone' }));
    moved.route('**/web/dist/article-widget-core.wasm', () => ({ status: 404, body: 'gone' }));
    moved.route('**/cdn/aw.css', () => ({ path: 'web/dist/article-widget.css', contentType: 'text/css' }));
    moved.route('**/cdn/aw.wasm', () => ({ path: 'web/dist/article-widget-core.wasm', contentType: 'application/wasm' }));
    await env.open(moved, '/tests/browser/pages/blank.html');
    await moved.evaluate(() => {
      const el = document.createElement('article-widget');
      el.setAttribute('stylesheet', '/cdn/aw.css');
      el.setAttribute('wasm', '/cdn/aw.wasm');
      el.setAttribute('src', '/examples/la-la-land.json');
      document.querySelector('main').append(el);
    });
    await waitForWidgets(moved);
    const movedKicker = moved.locator('article-widget').getByText('Ending Explained', { exact: true });
    assert.equal(await movedKicker.evaluate((k) => getComputedStyle(k).textTransform), 'uppercase', 'the moved stylesheet does not apply');
    await moved.close();
  });
});
