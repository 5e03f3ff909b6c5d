// The benchmark inputs, identical for every subject:
//   seed     examples/la-la-land.json (whole, for the widget pipeline) / its Markdown bodies
//   spec     cmark 0.30.2's test/spec.txt as one document (205 KB; the widget pipeline gets it as
//            the body of a one-section article, with maxMarkdownBytes raised)
//   gen1mb   bench/gen-article.js's 1 MB article / its Markdown bodies
//   seed×10, seed×100  the seed with its sections and FAQ repeated (fresh ids): the growth check
// The Markdown-only renderers get every Markdown field in page order joined by blank lines, then
// one footnote definition per source ("[^id]: label") so markdown-it-footnote has notes to build.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateArticle } from '../gen-article.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SPEC_PATH = `${ROOT}build/deps/cmark-0.30.2/test/spec.txt`;

/** Every Markdown field of an article, in page order. */
export function markdownOf(article) {
  const out = [];
  if (article.quickAnswer?.answer) out.push(article.quickAnswer.answer);
  const walk = (sections) => {
    for (const s of sections ?? []) {
      if (s.body) out.push(s.body);
      walk(s.sections);
      if (s.conclusion) out.push(s.conclusion);
    }
  };
  walk(article.sections);
  for (const f of article.faq ?? []) out.push(f.answer);
  const notes = (article.sources ?? []).map((s) => `[^${s.id}]: ${s.label}`);
  return out.join('\n\n') + (notes.length ? '\n\n' + notes.join('\n\n') + '\n' : '\n');
}

/** The seed with its sections and FAQ repeated `times` times; every id stays unique. */
export function scaleArticle(article, times) {
  const a = structuredClone(article);
  const renamed = (s, k) => ({ ...s, id: `${s.id}-x${k}`, sections: s.sections?.map((t) => renamed(t, k)) });
  for (let k = 2; k <= times; k++) {
    for (const s of article.sections) a.sections.push(renamed(s, k));
    for (const f of article.faq ?? []) a.faq.push({ ...f, id: `faq-${k}-${a.faq.length}`, question: `${f.question} (${k})` });
  }
  return a;
}

// Options that lift the per-field and whole-input limits for the large inputs (same work, no
// truncation); the seed uses the defaults.
export const BIG_LIMITS = { limits: { maxMarkdownBytes: 16 << 20, maxInputBytes: 64 << 20, maxItems: 100000 } };

export function loadInputs({ withScaled = true } = {}) {
  const seedText = readFileSync(`${ROOT}examples/la-la-land.json`, 'utf8');
  const seed = JSON.parse(seedText);
  const spec = readFileSync(SPEC_PATH, 'utf8');
  const specArticle = {
    id: 'commonmark-spec', lang: 'en', title: 'CommonMark Spec', authors: [{ name: 'John MacFarlane' }],
    published: '2021-06-19', sections: [{ id: 'spec', heading: 'Spec', body: spec }],
  };
  const genText = generateArticle(1 << 20);
  const gen = JSON.parse(genText);
  const inputs = [
    { name: 'seed', json: seedText, markdown: markdownOf(seed), options: {} },
    { name: 'spec', json: JSON.stringify(specArticle), markdown: spec, options: BIG_LIMITS },
    { name: 'gen1mb', json: genText, markdown: markdownOf(gen), options: BIG_LIMITS },
  ];
  if (withScaled) {
    for (const k of [10, 100]) {
      const a = scaleArticle(seed, k);
      inputs.push({ name: `seed×${k}`, json: JSON.stringify(a, null, 2), markdown: markdownOf(a), options: BIG_LIMITS, scale: k });
    }
  }
  for (const i of inputs) {
    i.jsonBytes = Buffer.byteLength(i.json);
    i.markdownBytes = Buffer.byteLength(i.markdown);
  }
  return inputs;
}
