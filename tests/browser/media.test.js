// Issue 14: the media example (examples/starfall-avenue.json) in the demo page. Images keep their
// box before they load (at desktop and phone widths), a gated figure and a gated video request
// nothing until revealed, a video requests nothing from its provider until played, then plays in
// the privacy-enhanced player, by mouse or keyboard; notes and locators in popovers; the video is
// a link in print; axe finds nothing.
//
// The test server sees the site's own requests (page.requests()). What the page asks of other
// origins is read from the page's Resource Timing entries, and the player is the frame the widget
// inserts (its address checked): the provider is not reachable from the test machine.
import { test } from 'node:test';
import { forEachEngine, waitForWidgets, focused, axeViolations, assertNoViolations, assert, assertNoPageErrors } from './harness.js';

forEachEngine((env) => {
  const EXAMPLE = '/?article=starfall-avenue';
  const PLAYER = 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&start=45';
  const inWidget = (page, fn, arg) => page.locator('article-widget').evaluate(fn, arg);
  const stills = (page, name) => page.requests().filter((u) => u.startsWith(`/examples/media/${name}-`));
  /** Resources the page fetched from other origins (images, scripts, styles, fetches). */
  const foreign = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !u.startsWith(location.origin)));
  const frames = (page) => inWidget(page, (host) => [...host.shadowRoot.querySelectorAll('iframe')].map((f) => f.src));

  /** Waits until every visible image in `scope` (a selector in the widget) has loaded. */
  const imagesLoaded = (page, scope = 'img') =>
    page.waitForFunction((sel) =>
      [...document.querySelector('article-widget').shadowRoot.querySelectorAll(sel)]
        .filter((img) => img.checkVisibility())
        .every((img) => img.complete && img.naturalWidth > 0), scope);
  /** Scrolls down as a reader does, half a screen at a time, until the widget's `selector` is in
   *  view: every lazy image on the way is wanted. (A jump would not do: Firefox and WebKit load a
   *  lazy image only once it has come near the viewport, and one jumped over stays unloaded.) */
  const scrollTo = (page, selector) =>
    page.evaluate(async (sel) => {
      const target = document.querySelector('article-widget').shadowRoot.querySelector(sel);
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      while (target.getBoundingClientRect().top > innerHeight / 2 && scrollY + innerHeight < document.documentElement.scrollHeight) {
        scrollBy(0, innerHeight / 2);
        await frame();
      }
    }, selector);

  /** Each image's box and its attributes' aspect ratio, plus where the FAQ starts. */
  const boxes = (page) =>
    inWidget(page, (host) => ({
      images: [...host.shadowRoot.querySelectorAll('img.aw-image, img.aw-video-poster')]
        .filter((img) => img.checkVisibility())
        .map((img) => {
          const r = img.getBoundingClientRect();
          return { src: img.getAttribute('src'), width: r.width, height: r.height,
            attrRatio: Number(img.getAttribute('width')) / Number(img.getAttribute('height')), complete: img.complete && img.naturalWidth > 0 };
        }),
      faqTop: host.shadowRoot.querySelector('.aw-faq').getBoundingClientRect().top + scrollY,
    }));

  for (const [device, open] of [['desktop', () => env.newPage()], ['phone', () => env.newPhone()]]) {
    test(`${device}: every image's box has its size before the image arrives, and nothing moves when it does`, async () => {
      const page = await open();
      // Every image of the example is held until released (to see the page before they arrive).
      let release;
      const released = new Promise((r) => (release = r));
      page.route('**/examples/media/*.png', () => released); // then the file
      await env.open(page, EXAMPLE);
      await inWidget(page, () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const before = await boxes(page);
      assert.equal(before.images.length, 3, 'hero, the open figure and the poster are shown');
      for (const img of before.images) {
        assert.equal(img.complete, false, `${img.src} had not arrived`);
        assert.ok(img.width > 200, `${img.src} has a width (${img.width})`);
        // The box already has the image's proportions (width/height attributes + height: auto).
        assert.ok(Math.abs(img.height - img.width / img.attrRatio) <= 1, `${img.src}: ${img.width}×${img.height}, wants ratio ${img.attrRatio}`);
      }
      release();
      await scrollTo(page, '.aw-faq');
      await imagesLoaded(page);
      const after = await boxes(page);
      const sizes = (b) => b.images.map((i) => [i.src, Math.round(i.width), Math.round(i.height)]);
      assert.deepEqual(sizes(after), sizes(before), 'image boxes unchanged by loading');
      // (WebKit lays out in 1/64 px: a box sized from its attributes and then from its image may
      // differ by that much, which no reader sees.)
      assert.ok(Math.abs(after.faqTop - before.faqTop) < 0.5, `what follows the images moved: ${before.faqTop} → ${after.faqTop}`);
      await assertNoPageErrors(page);
      await page.close();
    });
  }

  test('a gated figure is not requested until it is revealed; the open ones are', async () => {
    const page = await env.newPage();
    await env.open(page, EXAMPLE);
    // Scroll through the whole article and wait until every visible image has loaded: a lazy image
    // near the gated one had every chance to load, so the gated one's absence means something.
    await scrollTo(page, '.aw-endnotes');
    await imagesLoaded(page);
    assert.ok(stills(page, 'observatory').length >= 1, 'the hero loaded');
    assert.ok(stills(page, 'planetarium').length >= 1, 'the open figure loaded');
    assert.deepEqual(stills(page, 'club'), [], 'no gated still was requested before reveal');
    assert.deepEqual(await foreign(page), [], 'nothing from another origin (the video provider)');

    // Reveal the gated section: its figure loads.
    await page.getByRole('button', { name: 'Reveal' }).first().click();
    await imagesLoaded(page, '#aw1-the-last-shot_content img');
    assert.equal(stills(page, 'club').length, 1, 'the revealed figure loaded, one file of its srcset');
    // The entry gated on its own (a decorative still) is still hidden and not requested again.
    assert.equal(await page.getByText('This image contains spoilers.').isVisible(), true);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('a video asks nothing of its provider until played, then plays in the privacy-enhanced player (keyboard)', async () => {
    const page = await env.newPage();
    await env.open(page, EXAMPLE);
    const play = page.getByRole('button', { name: /^Play video: Big Buck Bunny/ });
    await play.scrollIntoViewIfNeeded();
    assert.deepEqual(await foreign(page), [], 'no request left the site before play');
    assert.deepEqual(await frames(page), []);

    await play.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('.aw-video-frame iframe'));
    const frame = await inWidget(page, (host) => {
      const f = host.shadowRoot.querySelector('.aw-video-frame iframe');
      return { src: f.src, title: f.title, allow: f.allow, fullscreen: f.allowFullscreen, cls: f.className };
    });
    assert.deepEqual(frame, {
      src: PLAYER,
      title: 'Big Buck Bunny, the short the director screened for her crew',
      allow: 'autoplay; encrypted-media; picture-in-picture; fullscreen',
      fullscreen: true,
      cls: 'aw-video-player',
    });
    assert.deepEqual(await frames(page), [PLAYER], 'one frame: the privacy-enhanced player');
    // Firefox lists the frame's document among the page's resources; the others do not.
    assert.deepEqual((await foreign(page)).filter((u) => u !== PLAYER), [], 'nothing else from another origin');
    assert.equal((await focused(page))?.tag, 'iframe', 'keyboard focus moved into the player');
    // The frame keeps the poster's box: nothing moved.
    const ratio = await inWidget(page, (host) => {
      const r = host.shadowRoot.querySelector('.aw-video-frame iframe').getBoundingClientRect();
      return r.width / r.height;
    });
    assert.ok(Math.abs(ratio - 16 / 9) < 0.01, `the player fills the 16:9 frame (${ratio})`);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('a gated video: poster not requested before reveal, play only after; hiding the spoilers stops it', async () => {
    const page = await env.newPage();
    await env.open(page, '/tests/browser/pages/blank.html');
    await page.evaluate(async () => {
      const article = await (await fetch('/examples/starfall-avenue.json')).json();
      article.sections[1].media[0] = {
        spoiler: true,
        video: { vimeo: '1084537', title: 'The last scene', poster: { src: '/examples/media/marquee-1280.png', width: 1280, height: 720 } },
      };
      const el = document.createElement('article-widget');
      el.setAttribute('persist-spoilers', 'false');
      el.article = article;
      document.querySelector('main').append(el);
    });
    await waitForWidgets(page);
    await scrollTo(page, '.aw-endnotes');
    await imagesLoaded(page);
    assert.deepEqual(stills(page, 'marquee'), [], 'the gated poster was not requested');
    assert.equal(await page.getByRole('button', { name: 'Play video: The last scene' }).count(), 0, 'no play button to be found before reveal');

    await page.getByText('This video contains spoilers.').scrollIntoViewIfNeeded();
    await page.locator('article-widget').getByRole('button', { name: 'Reveal' }).nth(0).click();
    await page.getByRole('button', { name: 'Play video: The last scene' }).click();
    await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('iframe'));
    assert.deepEqual(await frames(page), ['https://player.vimeo.com/video/1084537?dnt=1&autoplay=1']);
    await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('img.aw-video-poster')?.complete ?? true);
    assert.equal(stills(page, 'marquee').length, 1, 'the poster loaded once revealed');

    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    assert.equal((await frames(page)).length, 1, 'showing all keeps it playing');
    await page.getByRole('button', { name: 'Hide spoilers' }).click();
    assert.deepEqual(await frames(page), [], 'the hidden player is gone');
    assert.equal(await inWidget(page, (host) => host.shadowRoot.querySelectorAll('.aw-video-play').length), 1, 'its placeholder is back');
    await assertNoPageErrors(page);
    await page.close();
  });

  test('notes and locators: a note is a "Note N" popover with its text; a locator names the place in the source', async () => {
    const page = await env.newPage();
    await env.open(page, EXAMPLE);
    await page.getByRole('button', { name: 'Note 1', exact: true }).click();
    assert.match(await page.getByRole('dialog', { name: 'Note 1' }).innerText(), /The planetarium was a set/);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Source 2, p. 2', exact: true }).click();
    const source = await page.getByRole('dialog', { name: 'Source 2, p. 2' }).evaluate((d) => d.textContent);
    assert.match(source, /Source 2, p\. 2[\s\S]*Starfall Avenue's director on the ending/);
    // The note cited only in the gated section is not in the endnotes until that section is revealed.
    const endnote = page.locator('.aw-endnote', { hasText: 'The screenplay prints the first ending too' });
    assert.equal(await endnote.isVisible(), false);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    assert.equal(await endnote.isVisible(), true);
    const numbers = await inWidget(page, (host) => [...host.shadowRoot.querySelectorAll('.aw-endnote')].map((li) => li.value));
    assert.deepEqual(numbers, [1, 2, 3, 4]);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('in print the video is its link; the play button is not printed', { skip: env.lacks('printMedia') }, async () => {
    const page = await env.newPage();
    await env.open(page, EXAMPLE);
    await page.raw.emulateMedia({ media: 'print' }); // Playwright's: Chromium only
    const shown = await inWidget(page, (host) => ({
      play: host.shadowRoot.querySelector('.aw-video-play').checkVisibility(),
      link: host.shadowRoot.querySelector('.aw-video-link').checkVisibility(),
      href: host.shadowRoot.querySelector('.aw-video-link').href,
    }));
    assert.deepEqual(shown, { play: false, link: true, href: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=45s' });
    await page.close();
  });

  test('axe finds nothing in the media example, before and after every reveal', async () => {
    const page = await env.newPage({ reducedMotion: 'reduce' }); // a reveal fades in: axe would measure it mid-way
    await env.open(page, EXAMPLE);
    assertNoViolations(await axeViolations(page), 'media example');
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    assertNoViolations(await axeViolations(page), 'media example, all revealed');
    await page.close();
  });
});
