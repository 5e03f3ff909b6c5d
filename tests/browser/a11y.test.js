// Accessibility audits (axe-core, which reads open shadow roots) in every state, light and dark;
// reduced motion; visible focus.
import { test } from 'node:test';
import { forEachEngine, waitForWidgets, axeViolations, assertNoViolations, tabTo, assert } from './harness.js';

forEachEngine((env) => {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violations in any state (${colorScheme})`, async () => {
      const page = await env.newPage({ colorScheme, reducedMotion: 'reduce' });
      await env.open(page);
      assertNoViolations(await axeViolations(page), 'initial');

      await page.getByRole('button', { name: 'Show all spoilers' }).click();
      assertNoViolations(await axeViolations(page), 'spoilers revealed');

      await page.getByText('What is La La Land about?').click();
      assertNoViolations(await axeViolations(page), 'FAQ item open');

      await page.getByRole('button', { name: 'Source 1', exact: true }).first().click();
      await page.getByRole('dialog', { name: 'Source 1' }).waitFor();
      assertNoViolations(await axeViolations(page), 'popover open');
      await page.close();
    });

    test(`axe: no violations on a phone, in another language, right-to-left, and in the error state (${colorScheme})`, async () => {
      const page = await env.newPhone({ colorScheme, reducedMotion: 'reduce' });
      await env.open(page, '/tests/browser/pages/two.html');
      assertNoViolations(await axeViolations(page), 'two widgets, phone');
      await page.evaluate(() => {
        document.querySelector('#first').setAttribute('src', '/examples/he-rtl.json');
        document.querySelector('#second').dataset.src = '/examples/does-not-exist.json';
      });
      await page.waitForFunction(() => __aw.root(document.querySelector('#second')).querySelector('.aw-error'));
      await page.waitForFunction(() => __aw.root(document.querySelector('#first')).querySelector('article[dir="rtl"]'));
      await waitForWidgets(page);
      assertNoViolations(await axeViolations(page), 'rtl + error');
      await page.close();
    });
  }

  test('prefers-reduced-motion turns animations and transitions off', async () => {
    const motion = async (reducedMotion) => {
      const page = await env.newPage({ reducedMotion });
      await env.open(page);
      await page.getByRole('button', { name: 'Show all spoilers' }).click();
      await page.getByRole('button', { name: 'Source 1', exact: true }).first().click();
      const result = await page.evaluate(() => {
        const root = __aw.root(document.querySelector('article-widget'));
        const style = (sel) => getComputedStyle(root.querySelector(sel));
        return {
          popover: style('.aw-popover:popover-open').animationName,
          gated: style('[data-aw-gated]').animationName,
          button: style('.aw-button').transitionDuration,
        };
      });
      await page.close();
      return result;
    };
    const moving = await motion('no-preference');
    assert.notEqual(moving.popover, 'none', 'the test must see motion when it is allowed');
    assert.notEqual(moving.gated, 'none');
    assert.deepEqual(await motion('reduce'), { popover: 'none', gated: 'none', button: '0s' });
  });

  test('keyboard focus is always visible', async () => {
    const page = await env.newPage({ tabsToLinks: true }); // a Contents link is one of the stops
    await env.open(page);
    const outlines = [];
    const outline = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const s = getComputedStyle(el);
        return { tag: el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
    for (const target of ['Show all spoilers', 'Reveal', 'Plot recap leading into the ending', 'What is La La Land about?']) {
      await page.evaluate(() => document.activeElement?.blur());
      await tabTo(page, (f) => f.text === target);
      outlines.push({ target, ...(await outline()) });
    }
    for (const o of outlines) assert.ok(o.style !== 'none' && o.width >= 2, `no visible focus on ${JSON.stringify(o)}`);
    await page.close();
  });

  test('dark theme follows prefers-color-scheme, with readable text', async () => {
    const page = await env.newPage({ colorScheme: 'dark' });
    await env.open(page);
    const colors = await page.getByText('struggling jazz pianist').evaluate((p) => ({
      text: getComputedStyle(p).color,
      bg: getComputedStyle(p.closest('article-widget') ?? p.getRootNode().host).backgroundColor,
    }));
    assert.deepEqual(colors, { text: 'rgb(235, 232, 225)', bg: 'rgb(20, 20, 20)' });
    await page.close();
  });

  test('the audit really looks inside the widget (a planted fault in the article is reported)', async () => {
    const page = await env.newPage();
    await env.open(page);
    await page.evaluate(() => {
      const nameless = document.createElement('button'); // a button with no accessible name
      nameless.className = 'aw-button';
      __aw.root(document.querySelector('article-widget')).querySelector('#aw1-plot-recap .aw-body').append(nameless);
    });
    const ids = (await axeViolations(page)).map((v) => v.id);
    assert.ok(ids.includes('button-name'), `axe missed a nameless button inside the article: ${ids}`);
    await page.close();
  });
}, { dom: true });
