// What headless defaults hide: classic scrollbars. Headless Chromium normally hides them
// (--hide-scrollbars, turned off here); desktop Chromium on Linux and Windows shows 15 px ones, and
// Firefox (headless too) 12 px ones, that take room from the page. A popover at a 375 px wide window
// must stay inside the page: the page must not scroll sideways while it is open.
import { test } from 'node:test';
import { forEachEngine, assert } from './harness.js';

forEachEngine((env) => {
  test('with classic scrollbars, a popover at 375 px stays inside the page (no sideways scroll)', { skip: env.lacks('scrollbars') }, async () => {
    const page = await env.newPage({ viewport: { width: 375, height: 700 }, scrollbars: true });
    await env.open(page);
    const scrollbar = await page.evaluate(() => innerWidth - document.documentElement.clientWidth);
    assert.ok(scrollbar >= 10, `no classic scrollbar shown (${scrollbar} px): the test would prove nothing`);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    const cites = page.getByRole('button', { name: /^Source \d+$/ });
    for (const n of [0, (await cites.count()) - 1]) {
      const cite = cites.nth(n);
      await cite.scrollIntoViewIfNeeded();
      await cite.click();
      const { right, clientWidth, scrollWidth } = await page.getByRole('dialog').evaluate((d) => ({
        right: d.getBoundingClientRect().right,
        clientWidth: document.documentElement.clientWidth,
        scrollWidth: document.documentElement.scrollWidth,
      }));
      assert.ok(right <= clientWidth, `the popover ends at ${right} px, under the scrollbar (page ${clientWidth} px wide)`);
      assert.ok(scrollWidth <= clientWidth, `the page scrolls sideways: ${scrollWidth} > ${clientWidth}`);
      await page.keyboard.press('Escape');
    }
    await page.close();
  });
});
