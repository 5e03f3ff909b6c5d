// The demo under the strict policy a publisher is expected to run (tools/serve.js --csp):
// default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
// require-trusted-types-for 'script'; trusted-types article-widget
import { test } from 'node:test';
import { forEachEngine, assert, assertNoPageErrors, trustedTypesEnforced } from './harness.js';

forEachEngine((env) => {
  test('under a strict CSP with Trusted Types enforced: full render, working interactions, zero violations', async () => {
    const page = await env.newPage();
    page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      );
    });
    assert.match((await fetch(env.url('/'))).headers.get('content-security-policy'), /require-trusted-types-for 'script'/);
    await page.goto(env.url('/'));
    // The policy really is enforced in this page: a raw string into innerHTML is refused.
    assert.equal(await trustedTypesEnforced(page), true);
    assert.equal((await page.evaluate(() => window.__violations.splice(0))).length, 1, 'the probe was reported');
    await page.getByRole('heading', { level: 1, name: /La La Land: the twist/ }).waitFor();

    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    assert.equal(await page.getByText('five-year-later epilogue').isVisible(), true);
    await page.getByText('What is La La Land about?').click();
    assert.equal(await page.getByText('serves lattes to movie stars').isVisible(), true);
    const cite = page.getByRole('button', { name: 'Source 1', exact: true }).first();
    await cite.click();
    // Positioned through the CSSOM, which style-src 'self' allows: right under its citation.
    const c = await cite.boundingBox();
    const d = await page.getByRole('dialog', { name: 'Source 1' }).boundingBox();
    assert.ok(d.y >= c.y + c.height && d.y - (c.y + c.height) < 20, `dialog at ${d.y}, citation bottom ${c.y + c.height}`);
    // The stylesheet applied (a link in the shadow root is allowed by style-src 'self').
    const kicker = await page.getByText('Ending Explained', { exact: true }).evaluate((k) => getComputedStyle(k).textTransform);
    assert.equal(kicker, 'uppercase');

    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('under the strict CSP, an error state renders too (no HTML strings involved)', async () => {
    const page = await env.newPage();
    page.route('**/examples/la-la-land.json', () => ({ status: 503, body: '' }));
    await page.goto(env.url('/'));
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /HTTP 503/);
    await assertNoPageErrors(page);
    await page.close();
  });
}, { csp: true });
