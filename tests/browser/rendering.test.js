// What each engine paints, and the settings headless defaults hide: the gate's stripes (measured
// in the screenshot's pixels), right-to-left, reflow at 320 CSS px (WCAG 1.4.10) and the reader's
// text size at 200 % (WCAG 1.4.4), each without loss of content or function.
import { test } from 'node:test';
import { forEachEngine, assert, assertNoPageErrors } from './harness.js';

const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

forEachEngine((env) => {
  for (const colorScheme of ['light', 'dark']) {
    test(`a spoiler gate is striped: bands of two tones alternate across it (${colorScheme})`, async () => {
      const page = await env.newPage({ colorScheme, reducedMotion: 'reduce' });
      await env.open(page);
      const gate = page.locator('article-widget').locator('[data-aw-gate="symbolism"]');
      const shot = await gate.pixels();
      const { width } = await gate.boundingBox();
      const scale = shot.width / width;
      // A line through the gate's top padding: clear of its border, text and button.
      const y = Math.round(6 * scale);
      const tones = [];
      for (let x = Math.ceil(4 * scale); x < shot.width - 4 * scale; x++) tones.push(luminance(shot.pixel(x, y)));
      const [low, high] = [Math.min(...tones), Math.max(...tones)];
      const mid = (low + high) / 2;
      let bands = 1;
      for (let i = 1; i < tones.length; i++) if (tones[i - 1] < mid !== tones[i] < mid) bands++;
      assert.ok(high - low >= 4, `the gate is one flat tone (luminance ${low.toFixed(1)}…${high.toFixed(1)})`);
      // Stripes and gaps are as wide as each other (Firefox once painted the stripe tone on 98 %).
      const share = tones.filter((t) => t < mid).length / tones.length;
      assert.ok(share > 0.3 && share < 0.7, `one tone covers ${Math.round(100 * share)} % of the line: not stripes`);
      // The stripes repeat every 20 px across a -45° diagonal: 14 px bands along a line.
      assert.ok(bands >= width / 20, `${bands} bands across ${width} px`);
      await page.close();
    });
  }

  test('right-to-left (he-rtl.json): mirrored, revealed, popover inside the page, nothing sideways', async () => {
    const page = await env.newPage();
    await env.open(page, '/tests/browser/pages/blank.html');
    await page.evaluate(() => {
      const el = document.createElement('article-widget');
      el.setAttribute('src', '/examples/he-rtl.json');
      document.querySelector('main').append(el);
    });
    await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot?.querySelector('article[dir="rtl"]'));
    const article = page.locator('article-widget').locator('article');
    assert.equal(await article.evaluate((a) => getComputedStyle(a).direction), 'rtl');
    // Text starts at the right: a paragraph's first line ends flush with its right edge.
    const p = await article.locator('p').first().evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const line = range.getClientRects()[0];
      return { lineRight: line.right, right: el.getBoundingClientRect().right, lineLeft: line.left, left: el.getBoundingClientRect().left };
    });
    assert.ok(Math.abs(p.lineRight - p.right) < 2 && p.lineLeft - p.left > 2, `first line at ${p.lineLeft}…${p.lineRight} in ${p.left}…${p.right}`);
    await article.getByRole('button', { name: 'הצגת כל הספוילרים' }).click(); // Show all spoilers
    assert.deepEqual(await article.locator('[data-aw-gated]').all((els) => els.map((e) => e.hidden)), [false, false, false]);
    // The citation is in a gated section, now shown; its popover opens inside the page.
    await article.getByRole('button', { name: 'מקור 1' }).click(); // Source 1
    const d = await page.getByRole('dialog', { name: 'מקור 1' }).boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    assert.ok(d.x >= 0 && d.x + d.width <= width, `the popover spans ${d.x}…${d.x + d.width} of ${width}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'the page scrolls sideways');
    await assertNoPageErrors(page);
    await page.close();
  });

  /** Nothing is cut off or pushes the page sideways: every rendered element of the widget lies
   *  within the page's width, unless it is inside a box that scrolls on its own (code). */
  const outside = (page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const root = document.querySelector('article-widget').shadowRoot;
      const scrolls = (el) => {
        for (let e = el.parentElement; e; e = e.parentElement) if (/auto|scroll/.test(getComputedStyle(e).overflowX)) return true;
        return false;
      };
      const out = [...root.querySelectorAll('*')].filter((el) => {
        if (!el.checkVisibility() || scrolls(el)) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5);
      });
      return { sideways: document.documentElement.scrollWidth > width, out: out.slice(0, 5).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent.trim().slice(0, 40)}`) };
    });

  /** Reads and works: reveal, FAQ and a popover, with nothing outside the page at any step. */
  async function readsAndWorks(page) {
    assert.deepEqual(await outside(page), { sideways: false, out: [] }, 'before any action');
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    assert.equal(await page.getByText('three parallel visual systems').isVisible(), true);
    assert.deepEqual(await outside(page), { sideways: false, out: [] }, 'spoilers shown');
    await page.getByText('What is La La Land about?').click();
    assert.equal(await page.getByText('serves lattes to movie stars').isVisible(), true);
    const cite = page.getByRole('button', { name: 'Source 1', exact: true }).first();
    await cite.click();
    const d = await page.getByRole('dialog', { name: 'Source 1' }).boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    assert.ok(d.x >= 0 && d.x + d.width <= width, `the popover spans ${d.x}…${d.x + d.width} of ${width}`);
    assert.deepEqual(await outside(page), { sideways: false, out: [] }, 'popover open');
    await assertNoPageErrors(page);
  }

  test('reflow at 320 CSS px (WCAG 1.4.10): nothing cut off, no sideways scrolling, every control works', async () => {
    const page = await env.newPage({ viewport: { width: 320, height: 640 } });
    await env.open(page);
    assert.equal(page.viewport.width, 320);
    await readsAndWorks(page);
    assert.equal(await page.evaluate(() => innerWidth), 320, 'the viewport stayed 320 px wide');
    await page.close();
  });

  test('the reader\'s text size at 200 % (WCAG 1.4.4): the text doubles, nothing is cut off, every control works', { skip: env.lacks('textSize') }, async () => {
    const size = async (page) => parseFloat(await page.getByText('struggling jazz pianist').evaluate((p) => getComputedStyle(p).fontSize));
    const plain = await env.newPage();
    await env.open(plain);
    const normal = await size(plain);
    await plain.close();
    const page = await env.newPage({ textSize: 32 }); // the browser's default is 16 px
    await env.open(page);
    assert.ok((await size(page)) >= 2 * normal - 0.5, `body text ${await size(page)} px, ${normal} px at the default size`);
    await readsAndWorks(page);
    await page.close();
  });
});
