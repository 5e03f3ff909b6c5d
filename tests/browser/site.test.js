// The site `article-widget build` writes (issue 15), served from a folder outside the repository
// under a sub-path and loaded in every engine: the index links every page; each page is the
// server-rendered article, hydrated by the hashed script (integrity checked), its spoilers
// revealable, with no console error and no failed request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problems } from './harness.js';
import { forEachEngineOn } from './folder.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'aw-site-'));
// The example articles (examples/*.json; examples/vite/ is a project, not articles).
for (const f of readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.json'))) cpSync(join(repo, 'examples', f), join(root, 'articles', f));
// The publisher hosts the images its articles name (/examples/media/…) at the same paths.
cpSync(join(repo, 'examples/media'), join(root, 'examples/media'), { recursive: true });
execFileSync(process.execPath, [join(repo, 'web/bin/article-widget.js'), 'build', join(root, 'articles'), '--out', join(root, 'reviews'), '--base-url', 'https://reviews.test/reviews/'], { stdio: 'pipe' });
const pages = readdirSync(join(root, 'reviews')).filter((f) => f.endsWith('.html') && f !== 'index.html');

forEachEngineOn(root, (env) => {
  test('the index links every article; every page hydrates without a console error', async () => {
    const page = await env.newPage();
    await page.goto(env.url('/reviews/index.html'));
    const links = await page.locator('main a').all((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual([...links].sort(), [...pages].sort());
    for (const href of links) {
      await page.goto(env.url(`/reviews/${href}`));
      // Hydrated: the shim marks the server-rendered article live.
      await page.locator('article-widget').locator('article.aw-article[data-aw-live]').waitFor({ state: 'attached' });
      assert.equal(await page.locator('article-widget').evaluate((el) => el.shadowRoot.styleSheets.length), 1, `${href}: unstyled`);
    }
    assert.deepEqual(await problems(page), []);
    await page.close();
  });

  test('a built page: spoilers revealable after hydration; the JSON of the article, the render chunk and the wasm are never fetched', async () => {
    const page = await env.newPage();
    await page.goto(env.url('/reviews/la-la-land.html'));
    const gated = page.getByText('five-year-later epilogue');
    assert.equal(await gated.isVisible(), false);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    await gated.waitFor();
    assert.equal(await gated.isVisible(), true);
    assert.deepEqual(page.requests().filter((r) => r.endsWith('.json') || r.endsWith('.wasm') || r.includes('article-widget-render.')), [], 'hydration fetched the article or the core');
    // The page's own files: the script and the stylesheet (favicon aside).
    assert.deepEqual(page.requests().filter((r) => r.includes('/assets/')).map((r) => r.replace(/\.[0-9a-f]{16}\./, '.')).sort(), ['/reviews/assets/article-widget.css', '/reviews/assets/article-widget.js']);
    assert.deepEqual(await problems(page), []);
    await page.close();
  });
});
