// Issue 14 in Chromium: the media example (examples/starfall-avenue.json) in the demo page. Images
// keep their box before they load (at desktop and phone widths), a gated figure and a gated video
// request nothing until revealed, a video requests nothing from its provider until played, then
// plays in the privacy-enhanced player, by mouse or keyboard; notes and locators in popovers; the
// video is a link in print; axe finds nothing.
import { test } from 'node:test';
import { useBrowser, waitForWidgets, focused, axeViolations, assertNoViolations, assert, assertNoPageErrors } from './harness.js';

const env = useBrowser();
const EXAMPLE = '/?article=starfall-avenue';
const PLAYER = 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&start=45';
const inWidget = (page, fn, arg) => page.locator('article-widget').evaluate(fn, arg);

/** Every request the page makes, as URLs (paths for its own origin). */
function recordRequests(page) {
  const seen = [];
  const origin = new URL(env.url('/')).origin;
  page.on('request', (req) => {
    const url = new URL(req.url());
    seen.push(url.origin === origin ? url.pathname : url.href);
  });
  return seen;
}
const stills = (requests, name) => requests.filter((u) => u.startsWith(`/examples/media/${name}-`));

/** Holds every image of the example until release() (to see the page before its images arrive). */
async function holdImages(page) {
  const held = [];
  let released = false;
  await page.route('**/examples/media/*.png', (route) => (released ? route.continue() : held.push(route)));
  return {
    release: async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/** Each image's box and its attributes' aspect ratio, plus where the last section starts. */
const boxes = (page) =>
  inWidget(page, (host) => ({
    images: [...host.shadowRoot.querySelectorAll('img.aw-image, img.aw-video-poster')]
      .filter((img) => img.checkVisibility())
      .map((img) => {
        const r = img.getBoundingClientRect();
        return { src: img.getAttribute('src'), width: r.width, height: r.height, ratio: img.height ? img.width / img.height : 0,
          attrRatio: Number(img.getAttribute('width')) / Number(img.getAttribute('height')), complete: img.complete && img.naturalWidth > 0 };
      }),
    faqTop: host.shadowRoot.querySelector('.aw-faq').getBoundingClientRect().top + scrollY,
  }));

for (const [device, open] of [['desktop', (e) => e.newPage()], ['phone', (e) => e.newPhone()]]) {
  test(`${device}: every image's box has its size before the image arrives, and nothing moves when it does`, async () => {
    const page = await open(env);
    const hold = await holdImages(page);
    await env.open(page, EXAMPLE);
    await page.locator('article-widget').evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const before = await boxes(page);
    assert.equal(before.images.length, 3, 'hero, the open figure and the poster are shown');
    for (const img of before.images) {
      assert.equal(img.complete, false, `${img.src} had not arrived`);
      assert.ok(img.width > 200, `${img.src} has a width (${img.width})`);
      // The box already has the image's proportions (width/height attributes + height: auto).
      assert.ok(Math.abs(img.height - img.width / img.attrRatio) <= 1, `${img.src}: ${img.width}×${img.height}, wants ratio ${img.attrRatio}`);
    }
    // Let everything in, scrolled through so every lazy image is wanted.
    await hold.release();
    await inWidget(page, (host) => host.shadowRoot.querySelector('.aw-faq').scrollIntoView());
    await page.waitForFunction(() =>
      [...document.querySelector('article-widget').shadowRoot.querySelectorAll('img')]
        .filter((img) => img.checkVisibility())
        .every((img) => img.complete && img.naturalWidth > 0),
    );
    const after = await boxes(page);
    assert.deepEqual(after.images.map((i) => [i.src, Math.round(i.width), Math.round(i.height)]),
      before.images.map((i) => [i.src, Math.round(i.width), Math.round(i.height)]), 'image boxes unchanged by loading');
    assert.equal(after.faqTop, before.faqTop, 'what follows the images did not move');
    assertNoPageErrors(page);
    await page.close();
  });
}

test('a gated figure is not requested until it is revealed; the open ones are', async () => {
  const page = await env.newPage();
  const requests = recordRequests(page);
  await env.open(page, EXAMPLE);
  // Scroll through the whole article and wait until every visible image has loaded: a lazy image
  // near the gated one had every chance to load, so the gated one's absence means something.
  await inWidget(page, (host) => host.shadowRoot.querySelector('.aw-endnotes').scrollIntoView());
  await page.waitForFunction(() =>
    [...document.querySelector('article-widget').shadowRoot.querySelectorAll('img')]
      .filter((img) => img.checkVisibility())
      .every((img) => img.complete && img.naturalWidth > 0),
  );
  assert.ok(stills(requests, 'observatory').length >= 1, 'the hero loaded');
  assert.ok(stills(requests, 'planetarium').length >= 1, 'the open figure loaded');
  assert.deepEqual(stills(requests, 'club'), [], 'no gated still was requested before reveal');
  assert.deepEqual(requests.filter((u) => /youtube|vimeo/.test(u)), [], 'nothing from the provider');

  // Reveal the gated section: its figure loads.
  await page.getByRole('button', { name: 'Reveal' }).first().click();
  await page.waitForFunction(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('#aw1-the-last-shot_content img')]
    .every((img) => img.complete && img.naturalWidth > 0));
  assert.equal(stills(requests, 'club').length, 1, 'the revealed figure loaded, one file of its srcset');
  // The entry gated on its own (a decorative still) is still hidden and not requested again.
  assert.equal(await page.getByText('This image contains spoilers.').isVisible(), true);
  assertNoPageErrors(page);
  await page.close();
});

test('a video asks nothing of its provider until played, then plays in the privacy-enhanced player (keyboard)', async () => {
  const page = await env.newPage();
  const requests = recordRequests(page);
  // The player's frame is answered here: the test needs no network, and sees what was asked.
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p>player</p>' }));
  await env.open(page, EXAMPLE);
  const play = page.getByRole('button', { name: /^Play video: Big Buck Bunny/ });
  await play.scrollIntoViewIfNeeded();
  assert.deepEqual(requests.filter((u) => !u.startsWith('/')), [], 'no request left the site before play');
  assert.equal(await inWidget(page, (host) => host.shadowRoot.querySelectorAll('iframe').length), 0);

  await play.focus();
  const asked = page.waitForRequest(PLAYER);
  await page.keyboard.press('Enter');
  await asked;
  const frame = await inWidget(page, (host) => {
    const f = host.shadowRoot.querySelector('.aw-video-frame iframe');
    return f && { src: f.src, title: f.title, allow: f.allow, fullscreen: f.allowFullscreen, cls: f.className };
  });
  assert.deepEqual(frame, {
    src: PLAYER,
    title: 'Big Buck Bunny, the short the director screened for her crew',
    allow: 'autoplay; encrypted-media; picture-in-picture; fullscreen',
    fullscreen: true,
    cls: 'aw-video-player',
  });
  assert.ok(requests.includes(PLAYER), `the player was requested: ${requests.filter((u) => !u.startsWith('/'))}`);
  assert.deepEqual(requests.filter((u) => !u.startsWith('/') && !u.startsWith('https://www.youtube-nocookie.com/')), [],
    'nothing but the privacy-enhanced player');
  const f = await focused(page);
  assert.equal(f?.tag, 'iframe', 'keyboard focus moved into the player');
  // The frame keeps the poster's box: nothing moved.
  const box = await inWidget(page, (host) => {
    const r = host.shadowRoot.querySelector('.aw-video-frame iframe').getBoundingClientRect();
    return Math.abs(r.width / r.height - 16 / 9) < 0.01;
  });
  assert.equal(box, true, 'the player fills the 16:9 frame');
  assertNoPageErrors(page);
  await page.close();
});

test('a gated video: poster not requested before reveal, play only after; hiding the spoilers stops it', async () => {
  const page = await env.newPage();
  const requests = recordRequests(page);
  await page.route('https://player.vimeo.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>player</title>' }));
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
  await inWidget(page, (host) => host.shadowRoot.querySelector('.aw-endnotes').scrollIntoView());
  await page.waitForFunction(() =>
    [...document.querySelector('article-widget').shadowRoot.querySelectorAll('img')].filter((i) => i.checkVisibility()).every((i) => i.complete));
  assert.deepEqual(stills(requests, 'marquee'), [], 'the gated poster was not requested');
  assert.equal(await page.getByRole('button', { name: 'Play video: The last scene' }).count(), 0, 'no play button to be found before reveal');

  await page.getByText('This video contains spoilers.').scrollIntoViewIfNeeded();
  await page.locator('article-widget').getByRole('button', { name: 'Reveal' }).nth(0).click();
  const play = page.getByRole('button', { name: 'Play video: The last scene' });
  const asked = page.waitForRequest('https://player.vimeo.com/video/1084537?dnt=1&autoplay=1');
  await play.click();
  await asked;
  assert.equal(stills(requests, 'marquee').length, 1, 'the poster loaded once revealed');
  assert.ok(requests.includes('https://player.vimeo.com/video/1084537?dnt=1&autoplay=1'), requests.filter((u) => !u.startsWith('/')).join(' '));

  await page.getByRole('button', { name: 'Show all spoilers' }).click();
  assert.equal(await inWidget(page, (host) => host.shadowRoot.querySelectorAll('iframe').length), 1, 'showing all keeps it playing');
  await page.getByRole('button', { name: 'Hide spoilers' }).click();
  assert.equal(await inWidget(page, (host) => host.shadowRoot.querySelectorAll('iframe').length), 0, 'the hidden player is gone');
  assert.equal(await inWidget(page, (host) => host.shadowRoot.querySelectorAll('.aw-video-play').length), 1, 'its placeholder is back');
  assertNoPageErrors(page);
  await page.close();
});

test('notes and locators: a note is a "Note N" popover with its text; a locator names the place in the source', async () => {
  const page = await env.newPage();
  await env.open(page, EXAMPLE);
  await page.getByRole('button', { name: 'Note 1', exact: true }).click();
  const note = page.getByRole('dialog', { name: 'Note 1' });
  assert.match(await note.innerText(), /The planetarium was a set/);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Source 2, p. 2', exact: true }).click();
  const source = page.getByRole('dialog', { name: 'Source 2, p. 2' });
  assert.match(await source.textContent(), /Source 2, p\. 2[\s\S]*Starfall Avenue's director on the ending/);
  // The note cited only in the gated section is not in the endnotes until that section is revealed.
  const endnote = page.locator('.aw-endnote', { hasText: 'The screenplay prints the first ending too' });
  assert.equal(await endnote.isVisible(), false);
  await page.getByRole('button', { name: 'Show all spoilers' }).click();
  assert.equal(await endnote.isVisible(), true);
  const numbers = await inWidget(page, (host) => [...host.shadowRoot.querySelectorAll('.aw-endnote')].map((li) => li.value));
  assert.deepEqual(numbers, [1, 2, 3, 4]);
  assertNoPageErrors(page);
  await page.close();
});

test('in print the video is its link; the play button is not printed', async () => {
  const page = await env.newPage();
  await env.open(page, EXAMPLE);
  await page.emulateMedia({ media: 'print' });
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
