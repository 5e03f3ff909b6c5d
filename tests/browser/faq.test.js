// FAQ: native disclosures, enhanced with events and deep links.
import { test } from 'node:test';
import { forEachEngine, recordEvents, focused, tabTo, axNodes, assert, assertNoPageErrors } from './harness.js';

forEachEngine((env) => {
  const Q1 = 'What is La La Land about?';
  const A1 = 'serves lattes to movie stars';
  const Q2 = 'Where can I watch La La Land?';
  const A2 = 'current streaming, rental, and purchase options';

  const answerVisible = (page, text) => page.getByText(text).isVisible();
  async function expanded(page, question) {
    const node = (await axNodes(page)).find((n) => n.name === question && n.role === 'DisclosureTriangle');
    assert.ok(node, `${question} is not exposed as a disclosure`);
    return node.expanded;
  }

  test('each question is a disclosure: click opens and closes it, the host page hears of each toggle', async () => {
    const page = await env.newPage();
    await env.open(page);
    const events = await recordEvents(page);
    assert.equal(await answerVisible(page, A1), false);
    assert.equal(await expanded(page, Q1), false);

    await page.getByText(Q1).click();
    assert.equal(await answerVisible(page, A1), true);
    assert.equal(await expanded(page, Q1), true);
    assert.equal(await answerVisible(page, A2), false, 'only the clicked item opens');
    await page.getByText(Q1).click();
    assert.equal(await answerVisible(page, A1), false);

    await page.waitForFunction(() => window.__awEvents.length >= 2);
    assert.deepEqual(
      (await events()).filter((e) => e.type === 'article-widget:faq-toggle').map((e) => e.detail),
      [
        { articleId: 'la-la-land-ending-explained', id: 'what-is-la-la-land-about', open: true },
        { articleId: 'la-la-land-ending-explained', id: 'what-is-la-la-land-about', open: false },
      ],
    );
    await assertNoPageErrors(page);
    await page.close();
  });

  test('keyboard alone: Tab reaches each question; Enter and Space toggle it', async () => {
    const page = await env.newPage();
    await env.open(page);
    await tabTo(page, (f) => f.tag === 'summary' && f.text === Q2);
    await page.keyboard.press('Enter');
    assert.equal(await answerVisible(page, A2), true);
    await page.keyboard.press(' ');
    assert.equal(await answerVisible(page, A2), false);
    await page.keyboard.press('Space');
    assert.equal(await answerVisible(page, A2), true);
    await page.close();
  });

  test('touch: tapping a question toggles its answer on a phone', { skip: env.lacks('touch') }, async () => {
    const page = await env.newPhone();
    await env.open(page);
    await page.getByText(Q2).tap();
    assert.equal(await answerVisible(page, A2), true);
    await page.getByText(Q2).tap();
    assert.equal(await answerVisible(page, A2), false);
    await page.close();
  });

  for (const hash of ['#faq-where-to-watch', '#where-to-watch', '#aw1-where-to-watch']) {
    test(`a page URL ending in ${hash} opens that item, scrolls to it and focuses its question`, async () => {
      const page = await env.newPage();
      await env.open(page, `/${hash}`);
      await page.waitForFunction(() => scrollY > 0);
      assert.equal(await answerVisible(page, A2), true);
      assert.equal(await answerVisible(page, A1), false);
      // At the top of the viewport, or as high as the end of the page lets it go.
      const box = await page.getByText(Q2).boundingBox();
      const atBottom = await page.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight);
      assert.ok(box.y >= 0 && (box.y < 100 || (atBottom && box.y + box.height < page.viewport.height)), `question at y=${box.y}`);
      const f = await focused(page);
      assert.equal(f.tag, 'summary');
      assert.equal(f.text, Q2);
      await page.close();
    });
  }

  test('changing the hash after load (a link in the host page) opens the item it names', async () => {
    const page = await env.newPage();
    await env.open(page);
    await page.evaluate(() => {
      location.hash = 'what-is-la-la-land-about';
    });
    await page.waitForFunction(() => scrollY > 0);
    assert.equal(await answerVisible(page, A1), true);
    await page.close();
  });

  test('a gated answer inside an item stays gated when the item is opened', async () => {
    const page = await env.newPage();
    await env.open(page, '/tests/browser/pages/blank.html');
    await page.evaluate(() => {
      const el = document.createElement('article-widget');
      el.setAttribute('src', '/examples/es-final-explicado.json');
      document.querySelector('main').append(el);
    });
    await page.waitForFunction(() => __aw.root(document.querySelector('article-widget')).querySelector('details'));
    const item = page.locator('article-widget').locator('details').first();
    await item.locator('summary').click();
    assert.equal(await item.getByRole('button').first().isVisible(), true, 'the gate and its reveal button show');
    const gatedText = await item.locator('[data-aw-gated]').evaluate((el) => el.textContent.trim().slice(0, 30));
    assert.equal(await page.getByText(gatedText).isVisible(), false);
    await item.getByRole('button').first().click();
    assert.equal(await page.getByText(gatedText).isVisible(), true);
    await page.close();
  });
}, { dom: true });
