// Deterministic article generator for the benchmarks: `node bench/gen-article.js [bytes] > out.json`.
// The same seed always gives the same bytes (a fixed PRNG, no Date, no Math.random). The article
// is valid (render() reports ok) and exercises every construct the renderer handles: nested
// sections, citations, "#anchor" links, lists, block quotes, code, emphasis, links, headings.
import { pathToFileURL } from 'node:url';

const WORDS = ('the film ending scene music jazz light frame camera dream love city night song dance ' +
  'story actor director shot color moment epilogue audience memory piano club studio audition ' +
  'season winter spring summer fall bench sunset planetarium observatory theme choice career ' +
  'cost version timeline montage glance smile room table window street road car rain sky star ' +
  'quiet loud slow fast bright dark warm cold long short early late first last open closed ' +
  'walks plays sings watches remembers chooses leaves returns opens closes builds breaks holds ' +
  'what the film says about ambition is not simple and it never pretends to be').split(' ');

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the article as JSON text of about `targetBytes` bytes (never more than 4 % off). */
export function generateArticle(targetBytes = 1 << 20, seed = 20261125) {
  const rnd = mulberry32(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (a) => a[int(a.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const w = words(6 + int(14));
    return w[0].toUpperCase() + w.slice(1) + '.';
  };
  const sources = Array.from({ length: 12 }, (_, i) => ({
    id: `source-${i + 1}`,
    label: `Source number ${i + 1}: ${words(4)}`,
    author: `Author ${i + 1}`,
    title: `A ${words(5)}`,
    publisher: `Publisher ${i % 4}`,
    date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`,
    url: `https://example.org/reviews/${i + 1}`,
  }));
  const ids = [];
  // One inline run: words with emphasis, code, links, citations, anchor links, escapes.
  const inline = () => {
    const parts = [];
    const n = 2 + int(4);
    for (let i = 0; i < n; i++) {
      const s = sentence();
      switch (int(12)) {
        case 0: parts.push(`*${s}*`); break;
        case 1: parts.push(`**${s}**`); break;
        case 2: parts.push(`${s.slice(0, -1)} \`code_${int(99)}()\`.`); break;
        case 3: parts.push(`[${words(3)}](https://example.com/${words(1)}/${int(1000)} "${words(2)}") ${s}`); break;
        case 4: parts.push(`${s.slice(0, -1)}[^${pick(sources).id}].`); break;
        case 5: if (ids.length) { parts.push(`See [the ${words(2)}](#${pick(ids)}).`); break; } // falls through
        case 6: parts.push(`${s.slice(0, -1)} &amp; ${words(2)} \\*not emphasis\\*.`); break;
        case 7: parts.push(`${s.slice(0, -1)} <https://example.net/${int(500)}>.`); break;
        default: parts.push(s);
      }
    }
    return parts.join(' ');
  };
  const block = (depth) => {
    switch (int(16)) {
      case 0: return `> ${inline()}\n> ${inline()}`;
      case 1: return Array.from({ length: 2 + int(4) }, () => `- ${inline()}`).join('\n');
      case 2: return Array.from({ length: 2 + int(4) }, (_, i) => `${i + 1}. ${inline()}`).join('\n');
      case 3: return '```js\n' + Array.from({ length: 3 + int(5) }, () => `const ${pick(WORDS)} = ${int(1000)}; // ${words(3)} <b>`).join('\n') + '\n```';
      case 4: return depth < 2 ? `#### ${words(3)}` : inline();
      case 5: return `- ${inline()}\n  - ${inline()}\n  - ${inline()}\n- ${inline()}`;
      default: return inline() + (int(6) === 0 ? `  \n${inline()}` : '');
    }
  };
  const markdown = (bytes, depth = 0) => {
    const out = [];
    let size = 0;
    while (size < bytes) {
      const b = block(depth);
      out.push(b);
      size += b.length + 2;
    }
    return out.join('\n\n');
  };
  const article = {
    id: 'generated-benchmark-article',
    lang: 'en',
    kicker: 'Benchmark',
    title: 'A generated article for the benchmarks',
    dek: 'Deterministic text with every construct the renderer handles.',
    subject: { title: 'Benchmarks', year: 2026, kind: 'other' },
    authors: [{ name: 'Generator', role: 'Script' }],
    published: '2026-11-25',
    spoilers: { level: 'minor' },
    quickAnswer: { question: 'What is this?', answer: markdown(600), spoiler: true },
    sources,
    sections: [],
    faq: [],
    related: [{ title: 'More', url: '/more' }],
  };
  let size = JSON.stringify(article).length;
  let k = 0;
  while (size < targetBytes * 0.97) {
    k++;
    const id = `part-${k}`;
    const section = { id, heading: `Part ${k}: ${words(4)}`, spoiler: k % 3 === 0, sources: [pick(sources).id, pick(sources).id].filter((v, i, a) => a.indexOf(v) === i), body: markdown(1500 + int(2000)), sections: [] };
    ids.push(id);
    for (let j = 1; j <= 3; j++) {
      const sub = { id: `${id}-${j}`, heading: `${words(3)} ${j}`, body: markdown(800 + int(1200), 1) };
      section.sections.push(sub);
      ids.push(sub.id);
    }
    if (k % 2) section.conclusion = markdown(400);
    article.sections.push(section);
    if (k % 8 === 0) article.faq.push({ id: `faq-${k}`, question: `Question ${k}: ${words(5)}?`, answer: markdown(500) });
    size += JSON.stringify(section).length + (k % 8 === 0 ? 600 : 0);
  }
  return JSON.stringify(article, null, 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(generateArticle(Number(process.argv[2]) || 1 << 20));
}
