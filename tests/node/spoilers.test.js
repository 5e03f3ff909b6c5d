// Nothing gated leaves its gate before reveal (docs/HTML.md "Gating"): for every example, no text
// of a gated part reaches meta.toc, meta.description or the JSON-LD; safe headings and questions
// stand in for gated ones; the spoiler-term check warns, located at the term.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { loadWidget } from '../../web/index.js';

const w = await loadWidget();
const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.json'));
const read = (f) => readFileSync(new URL(`../../examples/${f}`, import.meta.url), 'utf8');

// Phrases of every gated part: headings of what lies inside gated sections, and a run of words
// from each gated Markdown field (Markdown punctuation dropped, so they match plain text).
function gatedPhrases(article) {
  const phrases = [];
  const words = (md) => (md ?? '').replace(/\[\^[\w-]+\]|[*_`#>[\]()]/g, '').split(/\s+/).filter(Boolean);
  const fromMarkdown = (md) => {
    const all = words(md);
    for (let i = 0; i + 6 <= all.length; i += 25) phrases.push(all.slice(i, i + 6).join(' '));
  };
  const inside = (section) => {
    fromMarkdown(section.body);
    fromMarkdown(section.conclusion);
    for (const sub of section.sections ?? []) {
      phrases.push(sub.heading);
      inside(sub);
    }
  };
  if (!article.spoilers || article.spoilers.level === 'none') return phrases;
  if (article.quickAnswer?.spoiler) fromMarkdown(article.quickAnswer.answer);
  const walk = (sections) => {
    for (const s of sections ?? []) {
      if (s.spoiler) {
        inside(s);
        if (s.safeHeading) phrases.push(s.heading);
      } else walk(s.sections);
    }
  };
  walk(article.sections);
  for (const f of article.faq ?? []) {
    if (!f.spoiler) continue;
    fromMarkdown(f.answer);
    if (f.safeQuestion) phrases.push(f.question);
  }
  return phrases;
}

for (const file of examples) {
  test(`${file}: meta.toc, meta.description and the JSON-LD hold no gated text`, () => {
    const text = read(file);
    const article = JSON.parse(text);
    const phrases = gatedPhrases(article);
    const r = w.render(text);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    const outside = [JSON.stringify(r.meta.toc), r.meta.description, r.meta.jsonLd].join('\n');
    for (const phrase of phrases) assert.equal(outside.includes(phrase), false, `"${phrase}" leaks out of its gate`);
    // Not vacuous: revealed by the publisher, the same phrases do reach the metadata.
    if (phrases.length) {
      const open = w.render(text, { revealSpoilers: true, spoilersInMetadata: true });
      const all = [JSON.stringify(open.meta.toc), open.meta.description, open.meta.jsonLd, open.html].join('\n');
      assert.ok(phrases.some((p) => all.includes(p)), 'no gated phrase found even when revealed: the check is vacuous');
    }
  });
}

test('the seed has gated parts, and its Contents in meta.toc lists no sub-section of a gated section', () => {
  const r = w.render(read('la-la-land.json'));
  assert.ok(gatedPhrases(JSON.parse(read('la-la-land.json'))).includes('Why the final glance reads as hopeful, not tragic'));
  assert.deepEqual(r.meta.toc.map((e) => e.title), [
    'Plot recap leading into the ending', 'Symbolism', 'Themes', 'Final shot interpretation', 'Frequently Asked',
  ]);
});

test('spoiler terms in ungated text warn at the term, never in gated text', () => {
  const article = JSON.parse(read('la-la-land.json'));
  article.spoilers.terms = ['another man', 'FIVE YEARS'];
  article.dek = 'Why she leaves with another man.';
  const text = JSON.stringify(article, null, 2);
  const r = w.validate(text);
  assert.equal(r.ok, true);
  const found = r.warnings.filter((x) => x.code === 'spoiler-term-ungated');
  // The quick answer says "another man" too, but it is gated; the description is made from the dek.
  assert.deepEqual(found.map((x) => [x.path, x.offset]), [['/dek', Buffer.byteLength(text.slice(0, text.indexOf('another man.')))], ['', 0]]);
  assert.match(found[0].message, /"another man" is in the dek/);
});

test('inline spoilers never reach heading ids, the description, the JSON-LD or any plain-text extract', () => {
  const article = JSON.parse(read('la-la-land.json'));
  delete article.dek; // the description is then the (ungated) quick answer
  article.quickAnswer = { question: 'What happens?', answer: 'In the end ||Mia marries David||.' };
  article.sections[0].body = '# The end ||Mia leaves||\n\nShe ||walks out||.';
  article.faq[0].answer = 'Yes: ||Sebastian opens his club||.';
  for (const options of [{}, { spoilersInMetadata: true }]) {
    const r = w.render(article, options);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    const outside = [JSON.stringify(r.meta.toc), r.meta.description, r.meta.jsonLd].join('\n');
    for (const secret of ['Mia marries David', 'Mia leaves', 'walks out', 'Sebastian opens his club']) {
      assert.equal(outside.includes(secret), false, `"${secret}" in the metadata`);
    }
    assert.match(r.meta.description, /^In the end \./);
    assert.match(r.html, /<h3 id="aw-the-end">The end <button type="button" class="aw-spoiler-chip"/);
    assert.match(r.html, /data-aw-gated="_spoiler-1" hidden>Mia marries David<\/span>/, 'the quick answer\'s is the first in page order');
  }
  // In Spanish the control says so too.
  const es = JSON.parse(read('es-final-explicado.json'));
  es.sections[0].body = 'Al final ||Ofelia||.';
  assert.match(w.render(es).html, /class="aw-spoiler-chip"[^>]*>Spoiler<\/button>/);
  const he = JSON.parse(read('he-rtl.json'));
  he.sections[0].body = 'בסוף ||כן||.';
  assert.match(w.render(he).html, /class="aw-spoiler-chip"[^>]*>ספוילר<\/button>/);
});
