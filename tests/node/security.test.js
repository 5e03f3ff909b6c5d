// The security corpus (tests/security/vectors.json, built by tests/security/vectors.js) through
// the public Node API on the real wasm build. Each vector is injected into examples/la-la-land.json
// at its field and rendered; the output is parsed with a WHATWG HTML parser (parse5) and checked:
// no script-capable or foreign element, no event-handler or style attribute, every href/src
// passes the URL allowlist as the WHATWG URL parser resolves it, every id carries the id prefix,
// the tree survives serialize + re-parse unchanged, and meta.jsonLd is inert inside a <script>.
// Then the vector's own verdict: escaped (renders; plain text shows verbatim), dropped (renders;
// the named warning is reported at the field), rejected (no HTML; exactly the named error code).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadWidget } from '../../web/index.js';
import { buildVectorArticles, loadVectors } from '../security/vectors.js';
import { checkHtml, textOf, urlProblem } from '../security/html-check.js';

const w = await loadWidget();
const base = readFileSync(new URL('../../examples/la-la-land.json', import.meta.url), 'utf8');
const baseHtml = w.render(base).html;
const MARKDOWN_FIELD = /\/(body|conclusion|answer)$/;

function checkJsonLd(r) {
  const ld = r.meta?.jsonLd ?? '';
  if (!ld) return;
  assert.ok(!/[<>&\u2028\u2029]/.test(ld), `meta.jsonLd has a character that could end its <script>: ${ld.slice(0, 200)}`);
  assert.doesNotThrow(() => JSON.parse(ld), 'meta.jsonLd is JSON');
}

describe('the corpus itself', () => {
  const vectors = loadVectors();
  test('has at least 150 vectors with unique ids and a known verdict', () => {
    assert.ok(vectors.length >= 150, `${vectors.length} vectors`);
    assert.equal(new Set(vectors.map((v) => v.id)).size, vectors.length);
    for (const v of vectors) {
      assert.ok(['escaped', 'dropped', 'rejected'].includes(v.expect), v.id);
      assert.ok(v.field.startsWith('/'), v.id);
      if (v.expect === 'rejected') assert.ok(v.code, `${v.id}: a rejected vector names its error code`);
    }
  });
  test('covers every plain-text and URL field and every category the brief names', () => {
    const fields = new Set(vectors.map((v) => v.field));
    for (const f of ['/title', '/dek', '/kicker', '/authors/0/name', '/authors/0/role', '/reviewers/0/name', '/subject/title',
      '/spoilers/warning', '/quickAnswer/question', '/sources/0/label', '/sources/0/author', '/sources/0/title',
      '/sources/0/publisher', '/sections/0/heading', '/faq/0/question', '/related/0/label', '/related/0/title',
      '/related/0/summary', '/related/0/cta', '/sources/0/url', '/related/0/url', '/authors/0/url', '/reviewers/0/url',
      '/sections/0/body', '/faq/0/answer', '/quickAnswer/answer', '/sections/1/conclusion'])
      assert.ok(fields.has(f), `no vector for ${f}`);
    const categories = new Set(vectors.map((v) => v.category));
    for (const c of ['markdown-link', 'markdown-image', 'autolink', 'reference-definition', 'raw-html', 'markdown-text', 'text-field', 'url-field', 'id-and-enum'])
      assert.ok(categories.has(c), `no ${c} vectors`);
  });
});

describe('the checker catches what it must (so a pass means something)', () => {
  const bad = {
    'script element': '<p>x</p><script>alert(1)</script>',
    'svg script': '<svg><script>alert(1)</script></svg>',
    'math mutation': '<math><mi><mglyph><style><img src=x onerror=alert(1)>',
    'event handler': '<img src="/a.png" onerror="alert(1)">',
    'entity-encoded scheme': '<a href="jav&#x09;ascript:alert(1)">x</a>',
    'leading-space scheme': '<a href=" javascript:alert(1)">x</a>',
    'remote image': '<img src="//tracker.test/p.gif" alt="">',
    'clobbering id': '<div id="location"></div>',
    'clobbering name': '<a name="cookie">x</a>',
    'style attribute': '<p style="color:red">x</p>',
    'iframe srcdoc': '<iframe srcdoc="x"></iframe>',
    'form': '<form><button>x</button></form>',
    'remote srcset candidate': '<img src="/a.png" srcset="/a.png 1x, https://tracker.test/p.gif 2w" alt="">',
    'player of another site': '<button data-aw-embed="https://evil.test/embed/aqz-KE-bpKQ">x</button>',
    'tracking vimeo player': '<button data-aw-embed="https://player.vimeo.com/video/1084537">x</button>',
    'youtube with cookies': '<button data-aw-embed="https://www.youtube.com/embed/aqz-KE-bpKQ">x</button>',
  };
  for (const [name, html] of Object.entries(bad)) {
    test(name, () => assert.notDeepEqual(checkHtml(html), [], `${name} passed the checker`));
  }
  test('the writer\'s own markup passes', () => {
    assert.deepEqual(checkHtml(baseHtml), []);
    assert.equal(urlProblem('/movies/x'), null);
    assert.equal(urlProblem('mailto:a@b.test'), null);
    assert.notEqual(urlProblem('data:text/html,x'), null);
  });
});

describe('every vector, through the Node API', () => {
  for (const { id, articleJson, options, vector: v } of buildVectorArticles()) {
    test(`${v.category}: ${id} → ${v.expect}`, () => {
      const r = w.render(articleJson, options);
      const idPrefix = v.expect === 'rejected' ? 'aw-' : options.idPrefix ?? 'aw-';
      if (r.html) assert.deepEqual(checkHtml(r.html, { idPrefix, imageOrigins: options.imageOrigins ?? [] }), [], 'unsafe HTML');
      checkJsonLd(r);
      if (v.target !== 'options' && MARKDOWN_FIELD.test(v.field) && typeof v.value === 'string') {
        // The same Markdown on its own (renderMarkdown: no article context).
        assert.deepEqual(checkHtml(w.renderMarkdown(v.value)), [], 'unsafe HTML from renderMarkdown');
      }
      const codes = r.errors.map((e) => e.code);
      if (v.expect === 'rejected') {
        assert.equal(r.ok, false, 'rendered although it must be rejected');
        assert.equal(r.html, '');
        assert.deepEqual([...new Set(codes)], [v.code], `errors: ${JSON.stringify(r.errors)}`);
        assert.ok(r.errors.some((e) => e.path === v.field), `no error at ${v.field}: ${JSON.stringify(r.errors)}`);
        return;
      }
      assert.equal(r.ok, true, `errors: ${JSON.stringify(r.errors)}`);
      if (v.warning) {
        assert.ok(r.warnings.some((x) => x.code === v.warning && (x.path === v.field || v.target === 'options')),
          `no ${v.warning} at ${v.field}: ${JSON.stringify(r.warnings)}`);
      }
      if (v.category === 'text-field') {
        // Plain text is shown exactly as written (never HTML, never Markdown); NUL becomes U+FFFD.
        const shown = v.value.replace(/\0/g, '\uFFFD');
        if (v.field === '/subject/title') assert.equal([JSON.parse(r.meta.jsonLd)].flat()[0].about.name, v.value, 'subject title in JSON-LD');
        else assert.ok(textOf(r.html).includes(shown), `the text of ${v.field} is not shown verbatim`);
      }
      if (v.target === 'options' && v.field === '/publisher/name') assert.equal(JSON.parse(r.meta.jsonLd)[0].publisher.name, v.value);
      if (v.category === 'media' && v.expect !== 'rejected') {
        // A media vector reaches the output: its field is really in the page, not dropped with its object.
        assert.match(r.html, /class="aw-(figure|video|quote)|aw-note|aria-label="Source \d+, /, 'no media in the output');
      }
      if (v.id === 'hero-src-remote') assert.equal([JSON.parse(r.meta.jsonLd)].flat()[0].image, undefined, 'a hero that may not load is not the JSON-LD image');
      if (v.id === 'option-image-origin-allows') assert.match(r.html, /<img class="aw-image" src="https:\/\/img\.example\/hero\.png"/);
    });
  }
});

test('after every vector the module still renders the seed article exactly as before', () => {
  for (const { articleJson, options } of buildVectorArticles()) w.render(articleJson, options);
  assert.equal(w.render(base).html, baseHtml);
});
