// In-widget #fragment links (contents, "Drawing on", endnote back links) and page URL hashes.
// Inside a shadow root the browser cannot follow them by itself: the shim does.
import { test } from 'node:test';
import { forEachEngine, focused, tabTo, assert, assertNoPageErrors } from './harness.js';

forEachEngine((env) => {
  const inTopOfViewport = async (locator) => {
    const box = await locator.boundingBox();
    return box.y >= 0 && box.y < 120;
  };

  test('a contents link scrolls to its section and moves focus to the heading', async () => {
    const page = await env.newPage({ tabsToLinks: true });
    await env.open(page);
    const hashBefore = await page.evaluate(() => location.hash);
    await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Plot recap leading into the ending' }).click();
    const heading = page.getByRole('heading', { name: 'Plot recap leading into the ending' });
    assert.equal(await inTopOfViewport(heading), true);
    const f = await focused(page);
    assert.equal(f.tag, 'h2');
    assert.equal(f.text, 'Plot recap leading into the ending');
    // The host page's URL is left alone (its router may own it).
    assert.equal(await page.evaluate(() => location.hash), hashBefore);

    // Keyboard: Enter on a contents link does the same (Contents is above the focused heading).
    await tabTo(page, (x) => x.tag === 'a' && x.text === 'Frequently Asked', { key: 'Shift+Tab' });
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).text, 'Frequently Asked');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('a link to gated text goes to its gate (focus on Reveal) and reveals nothing by itself', async () => {
    const page = await env.newPage();
    await env.open(page);
    // Contents no longer lists what lies inside a gated section, so the link sits in ungated text,
    // as a Markdown link [the dress code](#dress-code) in the plot recap would.
    await page.evaluate(() => {
      const p = document.querySelector('article-widget').shadowRoot.querySelector('.aw-section .aw-body p');
      const a = document.createElement('a');
      a.href = '#dress-code';
      a.textContent = 'To the dress code';
      p.append(' ', a);
    });
    await page.getByRole('link', { name: 'To the dress code' }).click();
    const f = await focused(page);
    assert.equal(f.tag, 'button');
    assert.equal(f.text, 'Reveal');
    assert.equal(f.description, 'Symbolism');
    assert.equal(await page.getByText('three parallel visual systems').isVisible(), false);
    assert.equal(await page.getByRole('heading', { name: 'The primary-colour dress code' }).count(), 0);
    await page.close();
  });

  test('"Drawing on" links go to the endnote; its back link returns to the citation without popping it open', async () => {
    const page = await env.newPage({ tabsToLinks: true });
    await env.open(page);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    await page.getByRole('link', { name: "J.V. Hart's Hart Chart craft essay on the ending" }).first().click();
    let f = await focused(page);
    assert.equal(f.tag, 'li');
    assert.match(f.text, /The Hart Chart: Why the Ending of La La Land Works/);
    const note = page.getByRole('listitem').filter({ hasText: 'The Hart Chart: Why the Ending' });
    const box = await note.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 900, 'the endnote is on screen');

    // Keyboard: from the endnote, Tab to its first back link and follow it with Enter.
    await tabTo(page, (x) => x.label === 'Back to citation 2.1', { limit: 5 });
    await page.keyboard.press('Enter');
    f = await focused(page);
    assert.equal(f.label, 'Source 2');
    const cite = page.getByRole('button', { name: 'Source 2', exact: true }).first();
    const c = await cite.boundingBox();
    assert.ok(c.y >= 0 && c.y < 900, 'the citation is on screen');
    await page.waitForTimeout(400);
    assert.equal(await page.getByRole('dialog').count(), 0, 'arriving at a citation must not open its popover');
    await page.close();
  });

  test('a page URL hash naming a section (with or without the prefix) scrolls to it', async () => {
    const page = await env.newPage();
    for (const hash of ['#themes', '#aw1-themes']) {
      await env.open(page, `/${hash}`);
      await page.waitForFunction(() => scrollY > 0);
      assert.equal(await inTopOfViewport(page.getByRole('heading', { name: 'Themes', exact: true })), true, hash);
      await page.goto('about:blank');
    }
    await page.close();
  });
});
