// The doc snippets that only a browser can check (issue 6; tests/node/docs.test.js claims every
// block and requires the keys below to be named here): README's embed and server-side rendering
// snippets, THEMING.md's CSS and SECURITY.md's Content-Security-Policy, each run in every engine as written.
import { test } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { forEachEngine, assert, assertNoPageErrors, trustedTypesEnforced } from './harness.js';
import { STRICT_CSP } from '../../tools/serve.js';
import { loadWidget } from '../../web/index.js';
import { docBlock } from '../node/lib/doc-blocks.js';

forEachEngine((env) => {
  const repo = new URL('../../', import.meta.url);
  const read = (rel) => readFileSync(new URL(rel, repo), 'utf8');

  const EMBED = docBlock('README.md html § Embed it (publishers)');
  const SSR = docBlock('README.md js § Server-side rendering');
  const POLICY = docBlock("docs/SECURITY.md plain § 3. What a publisher's page needs: CSP and Trusted Types");

  // The embed snippet's URLs are a publisher's: the package under /article-widget/web/ and the
  // articles under /articles/. Mapped onto this repo's web/ and examples/ (whatever file the
  // snippet names there, so a new bundle name needs no change here).
  const MOUNTS = [['/article-widget/web/', '/web/'], ['/articles/', '/examples/']];
  const mapped = (path) => {
    const mount = MOUNTS.find(([from]) => path.startsWith(from));
    assert.ok(mount, `${path}: the embed snippet uses a URL outside ${MOUNTS.map(([f]) => f).join(' and ')}`);
    return mount[1] + path.slice(mount[0].length);
  };
  const embedUrls = [...EMBED.matchAll(/ (?:src|data-src)="([^"]+)"/g)].map((m) => m[1]);
  const articleTitles = () =>
    embedUrls.filter((u) => u.endsWith('.json')).map((u) => JSON.parse(read(mapped(u).slice(1))).title);

  /** Serves the embed snippet as a page at /docs-embed.html (with extra response headers and markup,
   *  or another body with the embed's script). */
  async function openEmbed(page, headers = {}, extra = '', embed = EMBED) {
    page.route('**/*', (req) => {
      const { pathname } = new URL(req.url, 'http://x');
      if (pathname === '/docs-embed.html') {
        const body = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>embed</title></head><body>\n${extra}${embed}\n</body></html>\n`;
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body };
      }
      return MOUNTS.some(([from]) => pathname.startsWith(from)) ? { path: mapped(pathname).slice(1) } : undefined;
    });
    await page.goto(env.url('/docs-embed.html'));
  }

  /** Each widget's h1 inside its shadow root, once every widget has rendered (or failed). */
  async function titles(page) {
    await page.waitForFunction(() =>
      [...document.querySelectorAll('article-widget, [data-article-widget]')].every((el) => el.shadowRoot?.querySelector('.aw-article, .aw-error')));
    return page.evaluate(() =>
      [...document.querySelectorAll('article-widget, [data-article-widget]')].map((el) => el.shadowRoot.querySelector('h1')?.textContent ?? el.shadowRoot.textContent));
  }

  test('"README.md html § Embed it (publishers)": both embed forms render the article', async () => {
    // The snippet's files exist where the mapping puts them.
    assert.ok(embedUrls.some((u) => u.startsWith('/article-widget/web/') && /\.m?js$/.test(u)), 'a module script from the package');
    for (const u of embedUrls) assert.ok(existsSync(new URL(mapped(u).slice(1), repo)), `${u} → ${mapped(u)} does not exist`);
    assert.ok(EMBED.includes('<article-widget src=') && EMBED.includes('<div data-article-widget data-src='));

    const page = await env.newPage();
    await openEmbed(page);
    const expected = articleTitles();
    assert.equal(expected.length, 2, 'two embed forms');
    assert.deepEqual(await titles(page), expected);
    assert.deepEqual(await page.consoleErrors(), []);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('"README.md js § Server-side rendering": its markup, with the embed script, hydrates without a fetch', async () => {
    // The snippet continues the Node one (`w`, `jsonText`); its URLs are a publisher's, mapped as above.
    const w = await loadWidget();
    const name = SSR.match(/^\/\/ (\w+)\.html = /m)[1];
    const ssr = new Function('w', 'jsonText', `${SSR}\nreturn ${name};`)(w, read('examples/la-la-land.json'));
    const script = EMBED.match(/<script type="module" src="[^"]+"><\/script>/)[0];
    const page = await env.newPage();
    await openEmbed(page, {}, '', `${script}\n${ssr.html}`);
    // Hydrated: the script-only button is shown and works, the stylesheet applies, no JSON fetched.
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    assert.equal(await page.getByText('five-year-later epilogue').first().isVisible(), true);
    const kicker = await page.getByText('Ending Explained', { exact: true }).evaluate((k) => getComputedStyle(k).textTransform);
    assert.equal(kicker, 'uppercase');
    assert.deepEqual(page.requests().filter((p) => p.endsWith('.json')), []);
    assert.deepEqual(await page.consoleErrors(), []);
    await assertNoPageErrors(page);
    await page.close();
  });

  for (const key of ['docs/THEMING.md css § Theming', 'README.md css § Theming']) test(`"${key}": the custom properties restyle the inside of the shadow root`, async () => {
    const THEME_CSS = docBlock(key);
    const declarations = [...THEME_CSS.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]);
    assert.ok(declarations.length >= 1);
    const page = await env.newPage({ reducedMotion: 'reduce' }); // no transitions mid-measurement
    await openEmbed(page);
    await titles(page);
    const PROPS = ['color', 'background-color', 'border-top-color', 'border-left-color', 'outline-color', 'text-decoration-color', 'font-family'];
    const snapshot = () => page.evaluate((props) =>
      [...document.querySelectorAll('article-widget, [data-article-widget]')].map((host) =>
        [...host.shadowRoot.querySelectorAll('*')].map((el) => {
          const cs = getComputedStyle(el);
          return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
        })), PROPS);
    const before = await snapshot();
    await page.evaluate((css) => document.head.append(Object.assign(document.createElement('style'), { textContent: css })), THEME_CSS);
    const after = await snapshot();

    for (const [name, value] of declarations) {
      // What the value computes to for each property that accepts it (e.g. #0b5cad → rgb(11, 92, 173)).
      const computed = await page.evaluate(([v, props]) => {
        const probe = document.body.appendChild(document.createElement('span'));
        const out = {};
        for (const p of props) {
          probe.style.setProperty(p, v);
          if (probe.style.getPropertyValue(p)) out[p] = getComputedStyle(probe).getPropertyValue(p);
          probe.style.removeProperty(p);
        }
        probe.remove();
        return out;
      }, [value, PROPS]);
      assert.ok(Object.keys(computed).length, `${name}: ${value} is not a value of any property checked here`);
      // In both widgets, some element inside the shadow root changed to exactly that value.
      after.forEach((elements, w) => {
        const changed = elements.some((style, i) =>
          Object.entries(computed).some(([p, v]) => style[p] === v && before[w][i][p] !== v));
        assert.ok(changed, `${name}: ${value} changed nothing inside widget ${w + 1}`);
      });
    }
    await assertNoPageErrors(page);
    await page.close();
  });

  test("\"docs/SECURITY.md plain § 3. What a publisher's page needs: CSP and Trusted Types\": the embed renders under exactly that policy", async () => {
    const [, header, policy] = POLICY.match(/^([\w-]+):\s*([^]*)$/);
    const value = policy.replace(/\s+/g, ' ').trim();
    assert.equal(header, 'Content-Security-Policy');
    // "served by node tools/serve.js --csp": the policy tests/browser/csp.test.js runs under.
    assert.equal(value, STRICT_CSP);

    const page = await env.newPage();
    page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // An inline script in the page is the probe that the policy is in force (script-src).
    const probe = '<script>window.__inlineRan = true</script>\n';
    await openEmbed(page, { 'content-security-policy': value }, probe);
    assert.equal(await page.evaluate(() => typeof window.__violations), 'object', 'the recorder did not run first');
    assert.deepEqual(await titles(page), articleTitles());
    await page.getByRole('button', { name: 'Show all spoilers' }).first().click();
    assert.equal(await page.getByText('five-year-later epilogue').first().isVisible(), true);
    assert.equal(await page.evaluate(() => window.__inlineRan), undefined);
    // The probe is the only violation: the widget caused none.
    assert.deepEqual(await page.evaluate(() => window.__violations), ['script-src-elem inline']);

    // Trusted Types are enforced too: a raw string into innerHTML is refused and reported.
    assert.equal(await trustedTypesEnforced(page), true);
    assert.deepEqual(await page.evaluate(() => window.__violations.slice(1)), ['require-trusted-types-for trusted-types-sink']);
    await assertNoPageErrors(page);
    await page.close();
  });
});
