// The print stylesheet: no controls or popovers on paper, endnotes and FAQ answers printed,
// gated text printed only if the reader revealed it, external link URLs written out.
import { test } from 'node:test';
import { forEachEngine, assert } from './harness.js';

forEachEngine((env) => {
  const shown = (locator) => locator.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));

  test('print: controls hidden, endnotes and FAQ answers printed, unrevealed spoilers stay hidden, URLs shown', { skip: env.lacks('printMedia') }, async () => {
    const page = await env.newPage();
    await env.open(page);
    await page.getByRole('button', { name: 'Reveal', exact: true }).nth(1).click(); // Symbolism only
    await page.getByRole('button', { name: 'Source 1', exact: true }).first().click(); // a popover open
    await page.raw.emulateMedia({ media: 'print' }); // Playwright's: Chromium only

    const widget = page.locator('article-widget');
    for (const name of ['Hide spoilers', 'Show all spoilers', 'Reveal']) {
      const buttons = widget.locator('button', { hasText: name });
      for (let i = 0; i < (await buttons.count()); i++) assert.equal(await shown(buttons.nth(i)), false, `${name} prints`);
    }
    assert.equal(await shown(widget.locator('[role="dialog"]:popover-open')), false, 'an open popover prints');
    assert.equal(await shown(widget.getByText('The Hart Chart: Why the Ending of La La Land Works').last()), true, 'endnotes');
    assert.equal(await shown(widget.getByText('serves lattes to movie stars')), true, 'closed FAQ answers print');
    assert.equal(await shown(widget.getByText('three parallel visual systems')), true, 'revealed text prints');
    assert.equal(await shown(widget.getByText('arithmetic of dreams versus love')), false, 'unrevealed spoilers print');
    assert.equal(await shown(widget.getByText('five-year-later epilogue')), false, 'unrevealed spoilers print');

    // External links get their URL written after them; in-page and relative links do not.
    const after = (locator) => locator.evaluate((a) => getComputedStyle(a, '::after').content);
    const variety = widget.getByRole('link', { name: /Venice Film Review/ });
    assert.equal(await after(variety), `" (${await variety.getAttribute('href')})"`);
    assert.equal(await after(widget.getByRole('link', { name: 'Plot recap leading into the ending' })), 'none');
    assert.equal(await shown(widget.getByRole('link', { name: /Back to citation 1\.1/, includeHidden: true })), false, 'back links print');

    await page.raw.emulateMedia({ media: 'screen' });
    assert.equal(await shown(widget.getByText('serves lattes to movie stars')), false, 'on screen, FAQ answers stay folded');
    await page.close();
  });
});
