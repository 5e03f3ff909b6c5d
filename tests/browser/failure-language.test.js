// The error state speaks the reader's language: the core words it (aw::call_failure_text) in the
// article's language when the article said one, else the page's. No request interception: the
// test server answers 404 for a missing file, and the invalid article is set from script.
import { test } from 'node:test';
import { forEachEngine, waitForWidgets, assert, assertNoPageErrors } from './harness.js';

forEachEngine((env) => {
  /** A blank host page in `lang` with one widget that `add` (run in the page) sets up. */
  async function failed(lang, add) {
    const page = await env.newPage();
    await env.open(page, '/tests/browser/pages/blank.html');
    await page.evaluate((l) => (document.documentElement.lang = l), lang);
    await page.evaluate(`() => { const el = document.createElement('article-widget'); (${add})(el); document.querySelector('main').append(el); }`);
    await waitForWidgets(page);
    return page;
  }

  test('a missing article on a French page: French words, and no retry for a 404', async () => {
    const page = await failed('fr', (el) => el.setAttribute('src', '/no/such/article.json'));
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /Impossible d’afficher cet article[^]*L’article est introuvable \(HTTP 404\)\./);
    assert.equal(await page.getByRole('button', { name: 'Réessayer' }).count(), 0);
    await assertNoPageErrors(page);
    await page.close();
  });

  test('an invalid Spanish article on an English page: Spanish words, three problems listed, the rest counted', async () => {
    // title, authors, published and sections missing
    const page = await failed('en', (el) => (el.article = { id: 'roto', lang: 'es' }));
    const text = await page.getByRole('alert').innerText();
    assert.match(text, /No se pudo mostrar este artículo/);
    assert.match(text, /El artículo tiene 4 problemas que deben corregirse antes de poder mostrarse\./);
    assert.match(text, /…y 1 más \(la consola del navegador los muestra todos\)\./);
    assert.equal(await page.getByRole('alert').getByRole('listitem').count(), 3);
    await assertNoPageErrors(page);
    await page.close();
  });
});
