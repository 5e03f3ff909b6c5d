// Spoiler gating, driven by mouse, keyboard alone and touch.
import { test } from 'node:test';
import {
  forEachEngine, waitForWidgets, recordEvents, focused, tabTo, findsText, axHasText, axNodes, axeViolations, assertNoViolations,
  assert, assertNoPageErrors,
} from './harness.js';

forEachEngine((env) => {
  const ARTICLE_ID = 'la-la-land-ending-explained';
  const PLAIN = 'struggling jazz pianist'; // plot recap: never gated
  const QUICK = 'five-year-later epilogue'; // quick answer: gated
  const SYMBOLISM = 'three parallel visual systems'; // gated section
  const THEMES = 'arithmetic of dreams versus love'; // gated section

  async function visible(page, text) {
    return page.getByText(text).first().isVisible();
  }

  test('before any choice, gated text is invisible, absent from the accessibility tree and not found by find', async () => {
    const page = await env.newPage();
    await env.open(page);
    // The checks below are not vacuous: ungated text is seen, read and found.
    assert.equal(await visible(page, PLAIN), true);
    assert.equal(await axHasText(page, PLAIN), true);
    assert.equal(await findsText(page, PLAIN), true, 'window.find searches the open shadow root');
    for (const text of [QUICK, SYMBOLISM, THEMES]) {
      assert.equal(await visible(page, text), false, `${text} is visible`);
      assert.equal(await axHasText(page, text), false, `${text} is in the accessibility tree`);
      assert.equal(await findsText(page, text), false, `${text} is found by find-in-page`);
    }
    // Nor in the widget's composed text (what a reader or a copy of the page gets), any attribute
    // value, or the document title; after "Show all spoilers", in the text.
    const composed = () =>
      page.evaluate(() => {
        const root = __aw.root(document.querySelector('article-widget'));
        const attributes = [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value)).join('\n');
        return { text: root.querySelector('.aw-article').innerText, attributes, title: document.title };
      });
    const before = await composed();
    assert.ok(before.text.includes(PLAIN));
    for (const text of [QUICK, SYMBOLISM, THEMES]) {
      assert.equal(before.text.includes(text), false, `${text} is in the composed text`);
      assert.equal(before.attributes.includes(text), false, `${text} is in an attribute`);
      assert.equal(before.title.includes(text), false);
    }
    // The script-only controls were made live by the shim.
    assert.equal(await page.getByRole('button', { name: 'Show all spoilers' }).isVisible(), true);
    assert.equal(await page.getByRole('button', { name: 'Reveal', exact: true }).count(), 4);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    const after = await composed();
    for (const text of [QUICK, SYMBOLISM, THEMES]) assert.ok(after.text.includes(text), `${text} is not in the text after reveal`);
    await assertNoPageErrors(page);
    await page.close();
  });

  // WebKit's window.find does not search shadow roots, so findsText there checks the mechanism
  // instead (the text in a rendered text node outside hidden / content-visibility: hidden). Here,
  // where window.find does search them, the two must agree, before and after reveal.
  test('find-in-page: the mechanism check WebKit relies on agrees with the browser\'s own find', { skip: env.lacks('windowFind') }, async () => {
    const page = await env.newPage();
    await env.open(page);
    const both = (t) => page.evaluate((t) => {
      getSelection().removeAllRanges();
      const found = window.find(t, false, false, true);
      getSelection().removeAllRanges();
      return [found, __aw.findable(t)];
    }, t);
    for (const text of [PLAIN, QUICK, SYMBOLISM, THEMES]) {
      const [found, findable] = await both(text);
      assert.equal(findable, found, `"${text}" before reveal: window.find ${found}, the mechanism check ${findable}`);
    }
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    for (const text of [QUICK, SYMBOLISM, THEMES]) assert.deepEqual(await both(text), [true, true], `"${text}" after reveal`);
    await page.close();
  });

  test('"Show all spoilers" reveals everything without moving the page, reports it, and can hide again', async () => {
    const page = await env.newPage();
    await env.open(page);
    const events = await recordEvents(page);
    const button = page.getByRole('button', { name: 'Show all spoilers' });
    const before = await button.boundingBox();
    const scrollBefore = await page.evaluate(() => scrollY);
    await button.click();

    const hide = page.getByRole('button', { name: 'Hide spoilers' });
    const after = await hide.boundingBox();
    assert.ok(Math.abs(after.y - before.y) < 1, `the button moved from ${before.y} to ${after.y}`);
    assert.equal(await page.evaluate(() => scrollY), scrollBefore);
    for (const text of [QUICK, SYMBOLISM, THEMES]) {
      assert.equal(await visible(page, text), true, `${text} is still hidden`);
      assert.equal(await findsText(page, text), true);
      assert.equal(await axHasText(page, text), true);
    }
    assert.equal(await page.getByRole('button', { name: 'Reveal', exact: true }).count(), 0, 'per-part gates are gone');
    assert.equal(await page.getByRole('status').filter({ hasText: 'All spoilers shown.' }).count(), 1);
    assert.deepEqual(
      (await events()).filter((e) => e.type === 'article-widget:spoiler-reveal'),
      [{ type: 'article-widget:spoiler-reveal', detail: { articleId: ARTICLE_ID, part: 'all' }, composed: true, bubbles: true }],
    );

    await hide.click();
    for (const text of [QUICK, SYMBOLISM]) {
      assert.equal(await visible(page, text), false);
      assert.equal(await findsText(page, text), false);
    }
    assert.equal(await page.getByRole('button', { name: 'Show all spoilers' }).isVisible(), true);
    assert.equal(await page.getByRole('button', { name: 'Reveal', exact: true }).count(), 4);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('keyboard alone: Enter on one section\'s Reveal shows only that section and moves focus into it', async () => {
    const page = await env.newPage({ tabsToLinks: true }); // Tab goes on to a link
    await env.open(page);
    const events = await recordEvents(page);
    // Each per-part button is described by the heading of its part, so "Reveal" is not ambiguous.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Reveal' && f.description === 'Symbolism');
    await page.keyboard.press('Enter');

    assert.equal(await visible(page, SYMBOLISM), true);
    assert.equal(await visible(page, QUICK), false, 'other parts stay gated');
    assert.equal(await visible(page, THEMES), false, 'other parts stay gated');
    const f = await focused(page);
    assert.ok(f?.gated && f.id.endsWith('symbolism_content'), `focus went to ${JSON.stringify(f)}`);
    // The next Tab goes on from the start of the revealed text: its first link.
    await page.keyboard.press('Tab');
    const next = await focused(page);
    assert.equal(next.tag, 'a');
    assert.match(next.text, /Hart Chart/);
    assert.deepEqual(
      (await events()).filter((e) => e.type === 'article-widget:spoiler-reveal').map((e) => e.detail),
      [{ articleId: ARTICLE_ID, part: 'symbolism' }],
    );

    // Space works too, and the reveal-all button follows: once every part is shown it offers to hide.
    // (Quick Answer is above the focus: walk back to it, then on.)
    for (const [part, key] of [['Quick Answer', 'Shift+Tab'], ['Themes', 'Tab'], ['Final shot interpretation', 'Tab']]) {
      await tabTo(page, (x) => x.tag === 'button' && x.text === 'Reveal' && x.description === part, { key });
      await page.keyboard.press(' ');
    }
    assert.equal(await visible(page, THEMES), true);
    assert.equal(await visible(page, QUICK), true);
    assert.equal(await page.getByRole('button', { name: 'Hide spoilers' }).isVisible(), true);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('revealing a section near the bottom of the screen does not scroll or move what the reader sees', async () => {
    const page = await env.newPage();
    await env.open(page);
    const heading = page.getByRole('heading', { name: 'Symbolism', exact: true });
    const reveal = page.getByRole('button', { name: 'Reveal', exact: true }).nth(1);
    assert.equal(await reveal.getAttribute('aria-describedby').then((id) => id.endsWith('symbolism_title')), true);
    // Put the gate near the bottom edge: a careless focus() would scroll the revealed text into view.
    const box = await reveal.boundingBox();
    await page.evaluate((dy) => scrollBy(0, dy), box.y - 820);
    const tocHeight = () => page.getByRole('navigation', { name: 'Contents' }).evaluate((n) => n.getBoundingClientRect().height);
    const scrollBefore = await page.evaluate(() => scrollY);
    const tocBefore = await tocHeight();
    const headingBefore = await heading.boundingBox();
    const gateTop = await reveal.evaluate((b) => b.closest('[data-aw-gate]').getBoundingClientRect().top);

    await reveal.click();
    // Contents, far above, gains the section's sub-sections: the page scrolls by exactly that, so
    // nothing on screen moves.
    const grew = (await tocHeight()) - tocBefore;
    assert.ok(grew > 0, 'Contents did not gain the revealed sub-sections');
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - scrollBefore - grew) < 1, 'the page scrolled by more than Contents grew');
    const headingAfter = await heading.boundingBox();
    assert.ok(Math.abs(headingAfter.y - headingBefore.y) < 1, 'the heading moved');
    const contentTop = await page.getByText(SYMBOLISM).evaluate((p) => p.closest('[data-aw-gated]').getBoundingClientRect().top);
    assert.ok(Math.abs(contentTop - gateTop) < 1, `revealed text starts at ${contentTop}, the gate was at ${gateTop}`);
    await page.close();
  });

  test('the choice is remembered per article: all, or part by part', async () => {
    const page = await env.newPage();
    await env.open(page);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    await env.open(page); // reload
    assert.equal(await visible(page, QUICK), true, 'a returning reader sees what they chose to see');
    assert.equal(await page.getByRole('button', { name: 'Hide spoilers' }).isVisible(), true);
    assert.equal(
      await page.evaluate((id) => localStorage.getItem(`article-widget:spoilers:${id}`), ARTICLE_ID),
      '{"all":true,"parts":[]}',
    );
    // Hiding again is remembered too.
    await page.getByRole('button', { name: 'Hide spoilers' }).click();
    await env.open(page);
    assert.equal(await visible(page, QUICK), false);

    await page.getByRole('button', { name: 'Reveal', exact: true }).nth(1).click(); // Symbolism only
    await env.open(page);
    assert.equal(await visible(page, SYMBOLISM), true);
    assert.equal(await visible(page, QUICK), false);
    assert.equal(await visible(page, THEMES), false);
    await page.close();
  });

  test('persist-spoilers="false" (and data-persist-spoilers="false") opt out of remembering', async () => {
    const page = await env.newPage();
    const addWidgets = async () => {
      await page.evaluate(() => {
        const el = document.createElement('article-widget');
        el.setAttribute('persist-spoilers', 'false');
        el.setAttribute('src', '/examples/la-la-land.json');
        const div = document.createElement('div');
        div.dataset.articleWidget = '';
        div.dataset.persistSpoilers = 'false';
        div.dataset.src = '/examples/es-final-explicado.json';
        document.querySelector('main').append(el, div);
      });
      await waitForWidgets(page);
    };
    await env.open(page, '/tests/browser/pages/blank.html');
    await addWidgets();
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    await page.getByRole('button', { name: 'Mostrar todos los spoilers' }).click();
    assert.equal(await visible(page, QUICK), true);
    // The announcement comes from the article's language table, like every other word.
    assert.equal(await page.getByRole('status').filter({ hasText: 'Todos los spoilers visibles.' }).count(), 1);
    await page.getByRole('button', { name: 'Ocultar spoilers' }).click();
    assert.equal(await page.getByRole('status').filter({ hasText: 'Spoilers ocultos.' }).count(), 1);
    await page.getByRole('button', { name: 'Mostrar todos los spoilers' }).click();
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing was stored');

    await env.open(page, '/tests/browser/pages/blank.html');
    await addWidgets();
    assert.equal(await visible(page, QUICK), false);
    assert.equal(await page.getByRole('button', { name: 'Mostrar todos los spoilers' }).isVisible(), true);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('touch: tapping Reveal and "Show all spoilers" on a phone', { skip: env.lacks('touch') }, async () => {
    const page = await env.newPhone();
    await env.open(page);
    await page.getByRole('button', { name: 'Reveal', exact: true }).first().tap();
    assert.equal(await visible(page, QUICK), true);
    assert.equal(await visible(page, SYMBOLISM), false);
    await page.getByRole('button', { name: 'Show all spoilers' }).tap();
    assert.equal(await visible(page, SYMBOLISM), true);
    // Nothing overflows the phone's width (less a classic scrollbar's, in Firefox).
    assert.deepEqual(...(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])));
    await assertNoPageErrors(page);
    await page.close();
  });

  test('the per-part buttons carry their part in the accessibility tree (name + description)', async () => {
    const page = await env.newPage();
    await env.open(page);
    const reveals = (await axNodes(page)).filter((n) => n.role === 'button' && n.name === 'Reveal');
    assert.deepEqual(
      reveals.map((n) => n.description),
      ['QUICK ANSWER', 'Symbolism', 'Themes', 'Final shot interpretation'], // QUICK ANSWER: CSS uppercase
    );
    await page.close();
  });

  test('Contents: a gated section\'s sub-sections are not listed until it is revealed, and its reveal does not move the reader', async () => {
    const page = await env.newPage();
    await env.open(page);
    const GATED_SUB = 'Why the final glance reads as hopeful, not tragic'; // a sub-section of the gated "final-shot"
    const toc = page.getByRole('navigation', { name: 'Contents' });
    assert.equal(await toc.getByRole('link', { name: 'Final shot interpretation' }).isVisible(), true); // not vacuous
    assert.equal(await toc.getByRole('link', { name: GATED_SUB }).count(), 0, 'listed in Contents before reveal');
    assert.equal(await axHasText(page, GATED_SUB), false, 'in the accessibility tree before reveal');
    assert.equal(await findsText(page, GATED_SUB), false, 'found by find-in-page before reveal');
    assert.equal(await page.evaluate((t) => __aw.root(document.querySelector('article-widget')).querySelector('.aw-article').innerText.includes(t), GATED_SUB), false);

    const reveal = page.locator('article-widget').locator('[aria-controls$="final-shot_content"]');
    await reveal.scrollIntoViewIfNeeded();
    const heading = page.getByRole('heading', { name: 'Final shot interpretation' });
    const before = (await heading.boundingBox()).y;
    await reveal.click();
    assert.ok(Math.abs((await heading.boundingBox()).y - before) < 1, 'the section heading moved when Contents grew above it');
    assert.equal(await toc.getByRole('link', { name: GATED_SUB }).isVisible(), true, 'not listed after reveal');
    // Other gated parts' entries stay out.
    assert.equal(await toc.getByRole('link', { name: 'The sunset bench' }).count(), 0);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('a safe heading and a safe question stand in for the gated words until reveal, everywhere', async () => {
    const page = await env.newPage();
    await page.goto(env.url('/'));
    await waitForWidgets(page);
    const SECRET_HEADING = 'Mia marries David';
    const SECRET_QUESTION = 'Who does Mia marry?';
    await page.evaluate(async ([h, q]) => {
      const article = await (await fetch('/examples/la-la-land.json')).json();
      const final = article.sections.find((s) => s.id === 'final-shot');
      Object.assign(final, { heading: h, safeHeading: 'The last scene' });
      article.faq.push({ id: 'who-marries', question: q, safeQuestion: 'Who ends up with whom?', answer: 'David.', spoiler: true });
      document.title = article.title;
      document.querySelector('article-widget').article = article;
    }, [SECRET_HEADING, SECRET_QUESTION]);
    await page.waitForFunction(() => __aw.root(document.querySelector('article-widget')).querySelector('[data-aw-until-reveal]'));
    const allText = () =>
      page.evaluate(() => {
        const root = __aw.root(document.querySelector('article-widget'));
        const attributes = [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
        return { text: root.querySelector('.aw-article').innerText, attributes: attributes.join('\n'), title: document.title };
      });
    let seen = await allText();
    for (const secret of [SECRET_HEADING, SECRET_QUESTION]) {
      assert.equal(seen.text.includes(secret), false, `"${secret}" is on screen before reveal`);
      assert.equal(seen.attributes.includes(secret), false, `"${secret}" is in an attribute`);
      assert.equal(seen.title.includes(secret), false);
      assert.equal(await axHasText(page, secret), false, `"${secret}" is in the accessibility tree`);
      assert.equal(await findsText(page, secret), false, `"${secret}" is found by find-in-page`);
    }
    assert.ok(seen.text.includes('The last scene') && seen.text.includes('Who ends up with whom?'), 'the safe words are shown');
    assert.equal(await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'The last scene' }).isVisible(), true);

    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    seen = await allText();
    for (const secret of [SECRET_HEADING, SECRET_QUESTION]) {
      assert.equal(seen.text.includes(secret), true, `"${secret}" is not shown after reveal`);
      assert.equal(await axHasText(page, secret), true);
    }
    assert.equal(seen.text.includes('The last scene'), false, 'the safe heading stays after reveal');
    assert.equal(await page.getByRole('heading', { name: SECRET_HEADING }).isVisible(), true);
    await assertNoPageErrors(page);
    await page.close();
  });

  const INLINE_SECRETS = ['she marries David', 'the club is called Seb’s', 'five years pass'];
  /** The demo article with three inline spoilers in its first section. */
  const inlineSpoilers = async (page) => {
    await page.goto(env.url('/'));
    await waitForWidgets(page);
    await page.evaluate(async (secrets) => {
      const article = await (await fetch('/examples/la-la-land.json')).json();
      const recap = article.sections[0];
      recap.body += `\n\nIn the end ||${secrets[0]}||, *and ||${secrets[1]}||*, after ||${secrets[2]}||.`;
      document.querySelector('article-widget').article = article;
    }, INLINE_SECRETS);
    await page.waitForFunction(() => __aw.root(document.querySelector('article-widget')).querySelector('.aw-spoiler-chip'));
  };

  test('inline spoilers: a "Spoiler" control in the line, revealed by click, Enter or Space; hidden from eyes, screen readers and find until then; axe clean', async () => {
    const page = await env.newPage();
    await inlineSpoilers(page);
    const chips = page.getByRole('button', { name: 'Spoiler', exact: true });
    assert.equal(await chips.count(), 3);
    for (const secret of INLINE_SECRETS) {
      assert.equal(await visible(page, secret), false, `"${secret}" is visible`);
      assert.equal(await axHasText(page, secret), false, `"${secret}" is in the accessibility tree`);
      assert.equal(await findsText(page, secret), false, `"${secret}" is found by find-in-page`);
    }
    assertNoViolations(await axeViolations(page), 'inline spoilers hidden');
    await chips.first().click(); // mouse
    assert.equal(await visible(page, INLINE_SECRETS[0]), true);
    assert.equal(await visible(page, INLINE_SECRETS[1]), false, 'one click revealed more than its spoiler');
    await chips.first().focus(); // the next chip is now the first
    await page.keyboard.press('Enter');
    assert.equal(await visible(page, INLINE_SECRETS[1]), true, 'Enter did not reveal');
    await chips.first().focus();
    await page.keyboard.press('Space');
    assert.equal(await visible(page, INLINE_SECRETS[2]), true, 'Space did not reveal');
    assert.equal(await axHasText(page, INLINE_SECRETS[2]), true);
    assertNoViolations(await axeViolations(page), 'inline spoilers revealed');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('inline spoilers on a phone: a tap reveals one, "Show all spoilers" the rest', { skip: env.lacks('touch') }, async () => {
    const phone = await env.newPhone();
    await inlineSpoilers(phone);
    await phone.getByRole('button', { name: 'Spoiler', exact: true }).first().tap();
    assert.equal(await visible(phone, INLINE_SECRETS[0]), true, 'a tap did not reveal');
    await phone.getByRole('button', { name: 'Show all spoilers' }).tap();
    for (const secret of INLINE_SECRETS) assert.equal(await visible(phone, secret), true);
    assert.equal(await phone.getByRole('button', { name: 'Spoiler', exact: true }).count(), 0);
    await phone.close();
  });

  test('remember-spoilers="subject": "Show all spoilers" on one article holds for every article of the same subject; the default stays per article', async () => {
    const page = await env.newPage();
    await env.open(page, '/tests/browser/pages/blank.html');
    // Two articles about the same film (subject title and year), one about another film.
    const add = (id, { subject = true, remember = 'subject' } = {}) =>
      page.evaluate(async ([id, subject, remember]) => {
        const article = await (await fetch('/examples/la-la-land.json')).json();
        article.id = id;
        if (!subject) article.subject = { ...article.subject, title: 'Whiplash', year: 2014 };
        const el = document.createElement('article-widget');
        if (remember) el.setAttribute('remember-spoilers', remember);
        el.id = id;
        document.querySelector('main').append(el);
        el.article = article;
      }, [id, subject, remember]);
    const revealed = (id) =>
      page.evaluate((id) => !__aw.root(document.getElementById(id)).querySelector('[data-aw-gated="symbolism"]').hidden, id);
    await add('first');
    await waitForWidgets(page);
    await page.locator('#first').getByRole('button', { name: 'Show all spoilers' }).click();
    await add('second');
    await add('other-film', { subject: false });
    await add('per-article', { remember: null });
    await waitForWidgets(page);
    assert.equal(await revealed('second'), true, 'the same subject is not revealed');
    assert.equal(await revealed('other-film'), false, 'another subject was revealed');
    assert.equal(await revealed('per-article'), false, 'without the attribute the choice stays per article');
    // Hiding again holds for the subject too.
    await page.locator('#second').getByRole('button', { name: 'Hide spoilers' }).click();
    await add('third');
    await waitForWidgets(page);
    assert.equal(await revealed('third'), false);
    await assertNoPageErrors(page);
    await page.close();
  });
}, { dom: true });
