// Footnote popovers: mouse, hover, keyboard alone, touch, placement.
import { test } from 'node:test';
import { forEachEngine, recordEvents, focused, tabTo, axNodes, assert, assertNoPageErrors } from './harness.js';

forEachEngine((env) => {
  const SOURCE_1 = 'Venice Film Review'; // endnote 1 (Variety), first cited in "The primary-colour dress code"

  // Every citation of the demo article is in gated sections: show them first.
  async function openRevealed(page) {
    await env.open(page);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
  }
  const cite = (page, n, nth = 0) => page.getByRole('button', { name: `Source ${n}`, exact: true }).nth(nth);
  const dialogs = (page) => page.getByRole('dialog');

  function overlaps(a, b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }

  test('a citation is a button named "Source N" that announces its dialog and state', async () => {
    const page = await env.newPage();
    await openRevealed(page);
    const trigger = cite(page, 1);
    assert.equal(await trigger.getAttribute('aria-haspopup'), 'dialog');
    assert.equal(await trigger.getAttribute('aria-expanded'), 'false');
    const controls = await trigger.getAttribute('aria-controls');
    assert.equal(await trigger.evaluate((t, id) => Boolean(t.getRootNode().getElementById(id)), controls), true);
    const inTree = (await axNodes(page)).filter((n) => n.role === 'button' && n.name === 'Source 1');
    assert.ok(inTree.length >= 1 && inTree.every((n) => n.expanded === false));
    await page.close();
  });

  test('click toggles a dialog named "Source N" holding the endnote (without its back links); the host hears of it', async () => {
    const page = await env.newPage();
    await openRevealed(page);
    const events = await recordEvents(page);
    const trigger = cite(page, 1);
    await trigger.click();
    const dialog = page.getByRole('dialog', { name: 'Source 1' });
    assert.equal(await dialog.isVisible(), true);
    assert.equal(await trigger.getAttribute('aria-expanded'), 'true');
    const text = await dialog.innerText();
    assert.match(text, new RegExp(SOURCE_1));
    assert.match(text, /Variety/);
    assert.doesNotMatch(text, /↩/);
    assert.match(await dialog.getByRole('link').first().getAttribute('href'), /^https:\/\/variety\.com\//);
    assert.equal(await dialog.getByRole('button', { name: 'Close' }).isVisible(), true);
    assert.deepEqual(
      (await events()).filter((e) => e.type === 'article-widget:footnote-open').map((e) => e.detail),
      [{ articleId: 'la-la-land-ending-explained', source: 'variety', number: 1 }],
    );

    await trigger.click();
    assert.equal(await dialogs(page).count(), 0);
    assert.equal(await trigger.getAttribute('aria-expanded'), 'false');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('placement: under its citation, flipped above near the bottom edge, never covering the citation', async () => {
    const page = await env.newPage();
    await openRevealed(page);
    const trigger = cite(page, 1);
    const start = await trigger.boundingBox();
    await page.evaluate((dy) => scrollBy(0, dy), start.y - 300); // citation high in the viewport
    await trigger.click();
    let t = await trigger.boundingBox();
    let d = await dialogs(page).boundingBox();
    assert.ok(d.y >= t.y + t.height, `dialog top ${d.y} is above the citation bottom ${t.y + t.height}`);
    assert.ok(!overlaps(t, d));
    assert.ok(d.x >= 0 && d.x + d.width <= 1280 && d.y + d.height <= 900);
    await trigger.click();

    // Near the bottom of the viewport it opens above.
    const box = await trigger.boundingBox();
    await page.evaluate((dy) => scrollBy(0, dy), box.y - 860);
    await trigger.click();
    t = await trigger.boundingBox();
    d = await dialogs(page).boundingBox();
    assert.ok(t.y > 840, `citation at ${t.y}`);
    assert.ok(d.y + d.height <= t.y, `dialog bottom ${d.y + d.height} is below the citation top ${t.y}`);
    assert.ok(d.y >= 0 && !overlaps(t, d));
    await page.close();
  });

  /** On a phone, the citation furthest to the right (the hard case for clamping), in view. */
  async function rightmostCitation(page) {
    await env.open(page);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    const all = page.getByRole('button', { name: /^Source \d+$/ });
    const boxes = [];
    for (let i = 0; i < (await all.count()); i++) boxes.push({ i, box: await all.nth(i).boundingBox() });
    const trigger = all.nth(boxes.sort((a, b) => b.box.x - a.box.x)[0].i);
    await trigger.scrollIntoViewIfNeeded();
    return trigger;
  }

  test('on a phone the popover is clamped inside the screen, never covering its citation', async () => {
    const page = await env.newPhone();
    const trigger = await rightmostCitation(page);
    await trigger.click();
    const t = await trigger.boundingBox();
    const d = await dialogs(page).boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth); // less a classic scrollbar
    assert.ok(t.x > width - 125, `rightmost citation at x=${t.x} of ${width}`);
    assert.ok(d.x >= 0 && d.x + d.width <= width, `dialog spans ${d.x}…${d.x + d.width} of ${width}`);
    assert.ok(!overlaps(t, d), 'the dialog covers its citation');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('touch: on a phone a tap toggles the popover, tapping outside closes it', { skip: env.lacks('touch') }, async () => {
    const page = await env.newPhone();
    const trigger = await rightmostCitation(page);
    await trigger.tap();
    assert.equal(await dialogs(page).count(), 1, 'a tap opens');
    await trigger.tap();
    assert.equal(await dialogs(page).count(), 0, 'a second tap closes');
    await trigger.tap();
    assert.equal(await dialogs(page).count(), 1);
    await page.getByRole('heading', { level: 1 }).tap();
    assert.equal(await dialogs(page).count(), 0, 'tapping outside closes');
    await assertNoPageErrors(page);
    await page.close();
  });

  // Safari's default Tab skips links (Preferences › Advanced › "Press Tab to highlight each item"
  // is off); WebKit runs with that default. A citation is a control, so Tab must reach it anyway.
  test('keyboard alone with Safari\'s default Tab (links skipped): every citation is reached and opens', async () => {
    const page = await env.newPage();
    await env.open(page);
    await tabTo(page, (f) => f.text === 'Show all spoilers');
    await page.keyboard.press('Enter');
    const count = await page.getByRole('button', { name: /^Source \d+$/ }).count();
    const reached = new Set();
    await tabTo(page, (f) => {
      if (/^Source \d+$/.test(f.label ?? '')) reached.add(f.id);
      return reached.size === count;
    }, { limit: 200 });
    await tabTo(page, (f) => f.label === 'Source 1', { key: 'Shift+Tab' });
    assert.equal(await page.getByRole('dialog', { name: 'Source 1' }).isVisible(), true, 'keyboard focus opens the popover');
    await page.close();
  });

  test('keyboard alone: focus opens, Tab walks into its links and out (closing it), Enter and Space toggle', async () => {
    const page = await env.newPage({ tabsToLinks: true }); // the popover's source is a link
    await env.open(page);
    await tabTo(page, (f) => f.text === 'Show all spoilers');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.label === 'Source 1');
    const dialog = page.getByRole('dialog', { name: 'Source 1' });
    assert.equal(await dialog.isVisible(), true, 'keyboard focus opens the popover');

    await page.keyboard.press('Tab');
    let f = await focused(page);
    assert.ok(f.inDialog && f.tag === 'a', `Tab went to ${JSON.stringify(f)}`);
    assert.match(f.text, new RegExp(SOURCE_1));
    await page.keyboard.press('Tab');
    f = await focused(page);
    assert.ok(f.inDialog && f.label === 'Close');
    await page.keyboard.press('Tab');
    f = await focused(page);
    assert.ok(!f.inDialog);
    assert.equal(await cite(page, 1, 0).getAttribute('aria-expanded'), 'false', 'focus leaving the popover closes it');
    // (the next stop is the second citation of the same source, which opens its own popover)
    assert.equal(await dialogs(page).count(), f.label?.startsWith('Source ') ? 1 : 0);

    await page.keyboard.press('Shift+Tab'); // back: the close button is gone, so the first citation
    f = await focused(page);
    assert.equal(f.label, 'Source 1');
    assert.equal(await cite(page, 1, 0).getAttribute('aria-expanded'), 'true');
    assert.equal(await dialogs(page).count(), 1);
    await page.keyboard.press('Enter');
    assert.equal(await dialogs(page).count(), 0, 'Enter closes');
    await page.keyboard.press('Enter');
    assert.equal(await dialogs(page).count(), 1, 'Enter opens');
    const scroll = await page.evaluate(() => scrollY);
    await page.keyboard.press(' ');
    assert.equal(await dialogs(page).count(), 0, 'Space closes');
    assert.equal(await page.evaluate(() => scrollY), scroll, 'Space did not scroll the page');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('Escape closes and returns focus to the citation, which does not pop open again', async () => {
    const page = await env.newPage({ tabsToLinks: true }); // Tab into the popover's link
    await openRevealed(page);
    const trigger = cite(page, 1);
    await trigger.click();
    await page.keyboard.press('Tab'); // into the popover's link
    assert.equal((await focused(page)).inDialog, true);
    await page.keyboard.press('Escape');
    assert.equal(await dialogs(page).count(), 0);
    const f = await focused(page);
    assert.equal(f.label, 'Source 1');
    await page.waitForTimeout(400);
    assert.equal(await dialogs(page).count(), 0, 'returning focus reopened it');

    // The close button does the same.
    await trigger.click();
    await page.getByRole('button', { name: 'Close' }).click();
    assert.equal(await dialogs(page).count(), 0);
    assert.equal((await focused(page)).label, 'Source 1');
    await page.close();
  });

  test('hover opens after a short delay and closes after the pointer leaves both citation and popover', async () => {
    const page = await env.newPage();
    await openRevealed(page);
    const trigger = cite(page, 1);
    const start = await trigger.boundingBox();
    await page.evaluate((dy) => scrollBy(0, dy), start.y - 300);
    const t = await trigger.boundingBox();
    await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2);
    await page.waitForTimeout(100);
    assert.equal(await dialogs(page).count(), 0, 'opened without a delay');
    await page.waitForTimeout(450);
    assert.equal(await dialogs(page).count(), 1, 'hovering did not open it');
    assert.notEqual((await focused(page))?.label, 'Source 1', 'hovering must not move focus');

    // Into the popover (crossing the gap): it stays.
    const d = await dialogs(page).boundingBox();
    await page.mouse.move(d.x + 20, d.y + 20, { steps: 4 });
    await page.waitForTimeout(700);
    assert.equal(await dialogs(page).count(), 1, 'closed while the pointer was on it');
    // Away from both: it closes after the grace delay.
    await page.mouse.move(5, 450, { steps: 4 });
    await page.waitForTimeout(100);
    assert.equal(await dialogs(page).count(), 1, 'closed without a grace delay');
    await page.waitForTimeout(600);
    assert.equal(await dialogs(page).count(), 0, 'leaving did not close it');
    await page.close();
  });

  test('a click outside closes, a click inside does not; one popover open at a time', async () => {
    const page = await env.newPage();
    await openRevealed(page);
    await cite(page, 1).click();
    await page.getByRole('dialog').getByText('Source 1').click(); // inside: the title
    assert.equal(await dialogs(page).count(), 1);
    await page.getByRole('heading', { level: 1 }).click();
    assert.equal(await dialogs(page).count(), 0);

    await cite(page, 1).click();
    await cite(page, 2).click();
    assert.equal(await dialogs(page).count(), 1);
    assert.equal(await page.getByRole('dialog', { name: 'Source 2' }).isVisible(), true);
    assert.equal(await cite(page, 1).getAttribute('aria-expanded'), 'false');
    await page.close();
  });
}, { dom: true });
