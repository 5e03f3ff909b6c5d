// Server-side rendering (issue 6): the Node API renders the article into a declarative shadow
// root; without JavaScript it reads completely (gated text hidden), with the script it is
// hydrated in place: no second render, no fetch of the JSON, the render chunk or the wasm.
import { test, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { loadWidget } from '../../web/index.js';
import { forEachEngine, findsText, assert, assertNoPageErrors } from './harness.js';

forEachEngine((env) => {
  let pageHtml;
  let spanishHtml;
  before(async () => {
    const w = await loadWidget();
    // The renderer's own page shell: <article-widget data-aw-ssr> with a declarative shadow root.
    const ssr = (name) => {
      const json = readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8');
      const { ok, html } = w.render(json, {
        idPrefix: 'ssr-',
        shell: 'page',
        src: `/examples/${name}.json`,
        stylesheetHref: '/web/article-widget.css',
        scriptSrc: '/web/dist/article-widget.js',
      });
      assert.ok(ok);
      assert.match(html, /<template shadowrootmode="open">/);
      return html;
    };
    pageHtml = ssr('la-la-land');
    spanishHtml = ssr('es-final-explicado');
  });

  async function ssrPage(options, { holdScript = false, body = pageHtml } = {}) {
    const page = await env.newPage(options);
    page.jsonRequests = () => page.requests().filter((p) => p.endsWith('.json')).length;
    page.route('**/ssr.html', () => ({ contentType: 'text/html; charset=utf-8', body }));
    let release = () => {};
    if (holdScript) {
      const held = new Promise((r) => (release = r));
      page.route('**/web/dist/article-widget.js', () => held); // then the file
    }
    // A held module script also holds DOMContentLoaded: only wait for the response.
    await page.goto(env.url('/ssr.html'), { waitUntil: 'commit' });
    return { page, release };
  }

  test('without JavaScript: styled and readable, FAQ works, gated text hidden and script-only buttons absent', { skip: env.lacks('jsDisabled') }, async () => {
    const { page } = await ssrPage({ javaScriptEnabled: false });
    await page.getByRole('heading', { level: 1, name: /La La Land: the twist/ }).waitFor();
    const kicker = await page.getByText('Ending Explained', { exact: true }).evaluate((k) => getComputedStyle(k).textTransform);
    assert.equal(kicker, 'uppercase', 'the stylesheet linked in the shadow root applies');
    assert.equal(await page.getByText('struggling jazz pianist').isVisible(), true);
    assert.equal(await page.getByText('five-year-later epilogue').isVisible(), false);
    assert.equal(await findsText(page, 'five-year-later epilogue'), false);
    assert.equal(await page.getByRole('button', { name: 'Show all spoilers' }).count(), 0, 'a dead button is shown');
    await page.getByText('What is La La Land about?').click();
    assert.equal(await page.getByText('serves lattes to movie stars').isVisible(), true);
    assert.equal(await page.getByRole('listitem').filter({ hasText: 'Venice Film Review' }).isVisible(), true, 'endnotes');
    await page.close();
  });

  // The stylesheet linked in the declarative shadow root loads on its own: Firefox lays the
  // article out before it applies, so "before hydration" is measured once it has.
  const styled = (page) =>
    page.waitForFunction(() => getComputedStyle(document.querySelector('article-widget').shadowRoot.querySelector('.aw-kicker')).textTransform === 'uppercase');
  const hydrated = (page) => page.locator('article-widget').locator('article[data-aw-live]').waitFor({ state: 'attached' });

  test('with JavaScript: hydrated in place (same nodes, no fetch, no layout shift), then fully interactive', async () => {
    const { page, release } = await ssrPage({}, { holdScript: true });
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    await styled(page);
    const before = await title.boundingBox();
    await page.locator('article-widget').locator('article').evaluate((a) => (a.dataset.marker = 'server'));
    release();
    await hydrated(page);
    assert.equal(await page.locator('article-widget').locator('article').getAttribute('data-marker'), 'server', 'the article was re-rendered');
    assert.equal(page.jsonRequests(), 0, 'the JSON was fetched again');
    assert.deepEqual(await title.boundingBox(), before, 'the title moved');

    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    assert.equal(await page.getByText('five-year-later epilogue').isVisible(), true);
    await page.getByRole('button', { name: 'Source 1', exact: true }).first().click();
    assert.equal(await page.getByRole('dialog', { name: 'Source 1' }).isVisible(), true);
    // Interface words come from the article's data-aw-labels (no render result to read them from).
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Hide spoilers' }).click();
    await page.getByRole('link', { name: 'Plot recap leading into the ending' }).click();
    const f = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.activeElement?.id);
    assert.equal(f, 'ssr-plot-recap_title', 'in-widget links use the server\'s id prefix');
    // Hydration and every interaction without the renderer: the script alone.
    assert.deepEqual(page.requests().filter((p) => /\.wasm$|article-widget-render/.test(p)), [], 'the render chunk or the wasm was fetched');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('from first paint to interactive the server-rendered page does not shift (cumulative layout shift 0)', { skip: env.lacks('layoutShift') }, async () => {
    const { page, release } = await ssrPage({ viewport: { width: 1280, height: 2400 } }, { holdScript: true });
    page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
    });
    await page.reload({ waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The controls' space is there before the script: invisible, not yet buttons.
    assert.equal(await page.getByRole('button', { name: 'Show all spoilers' }).count(), 0);
    const gate = page.locator('article-widget').locator('[data-aw-gate="symbolism"]');
    const gateBefore = await gate.boundingBox();
    release();
    await page.getByRole('button', { name: 'Show all spoilers' }).waitFor();
    await page.waitForTimeout(300); // layout-shift entries are reported after the frame
    assert.deepEqual(await gate.boundingBox(), gateBefore, 'a gate moved');
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], `layout shifts: ${shifts.join(', ')}`);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('hydration takes the interface words from the article (data-aw-labels), in its language', async () => {
    const { page } = await ssrPage({}, { body: spanishHtml });
    await hydrated(page);
    await page.getByRole('button', { name: 'Mostrar todos los spoilers' }).click();
    assert.equal(await page.getByRole('button', { name: 'Ocultar spoilers' }).isVisible(), true);
    await page.getByRole('button', { name: 'Fuente 1', exact: true }).first().click();
    assert.equal(await page.getByRole('dialog', { name: 'Fuente 1' }).getByRole('button', { name: 'Cerrar' }).isVisible(), true);
    assert.equal(page.jsonRequests(), 0);
    await page.close();
  });
});
