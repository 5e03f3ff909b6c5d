// CommonMark conformance: every example of the CommonMark 0.30 spec (the spec.txt shipped in the
// cmark 0.30.2 tarball that `make setup` extracts) is rendered with the widget's renderMarkdown()
// and compared, after cmark's own HTML normalisation (test/normalize.py, ported in
// ./lib/commonmark-spec.js), with the spec's expected HTML.
//
// The widget differs from cmark by design (docs/HTML.md, "Markdown"). Two kinds of difference:
//  * Attribute additions, undone on every example before comparing, each checked for its design:
//    heading ids `id="aw-…"`, `rel="noopener noreferrer"` on links, the id prefix on `#fragment`
//    links. They never need listing.
//  * Content differences (raw HTML dropped, unsafe URLs dropped, citations): listed one example per
//    row in the table in docs/commonmark.md, the single source of truth. An unlisted example must
//    match exactly; a listed one must really differ (a stale row fails, so the list stays minimal).
// Every output, listed or not, must also be safe: only the tags cmark itself emits, no event
// handler or style attributes, no comments, no link or image URL outside the allowlist.
//
// Run: node --test tests/node/commonmark.test.js

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

import { loadWidget } from '../../web/index.js';
import { parseSpec, normalizeHtml, pyUnescape } from './lib/commonmark-spec.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPEC_REL = 'build/deps/cmark-0.30.2/test/spec.txt';
const SPEC_PATH = path.join(ROOT, SPEC_REL);
const DOC_REL = 'docs/commonmark.md';
const DOC_PATH = path.join(ROOT, DOC_REL);

const ID_PREFIX = 'aw-'; // renderMarkdown's default idPrefix

/** Categories allowed in the table of docs/commonmark.md. */
const CATEGORIES = {
  'raw-html': 'raw HTML removed (never passed through, not even as a comment)',
  'unsafe-url': 'link or image URL outside the allowlist removed',
  citation: 'footnote reference `[^x]` rendered as a citation',
};

// ---------------------------------------------------------------------------------------------
// docs/commonmark.md
// ---------------------------------------------------------------------------------------------

function splitRow(line) {
  const cells = [];
  let cur = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cur.trim());
      cur = '';
    } else {
      cur += body[i];
    }
  }
  cells.push(cur.trim());
  return cells;
}

/** Parses the exception table and the summary line of docs/commonmark.md. */
function readExceptionDoc(text) {
  const lines = text.split('\n');
  const headerAt = lines.findIndex((l) => /^\|\s*example\s*\|\s*section\s*\|\s*category\s*\|\s*reason\s*\|\s*$/.test(l.trim()));
  assert.notEqual(headerAt, -1, `${DOC_REL}: no table with the header "| example | section | category | reason |"`);
  assert.match(lines[headerAt + 1] ?? '', /^\s*\|(\s*:?-+:?\s*\|){4}\s*$/, `${DOC_REL}: the table header must be followed by a delimiter row`);
  const rows = [];
  for (let i = headerAt + 2; i < lines.length && lines[i].trim().startsWith('|'); i++) {
    const cells = splitRow(lines[i]);
    assert.equal(cells.length, 4, `${DOC_REL} line ${i + 1}: expected 4 cells, got ${cells.length}`);
    const [example, section, category, reason] = cells;
    assert.match(example, /^[1-9][0-9]*$/, `${DOC_REL} line ${i + 1}: example must be a number`);
    rows.push({ example: Number(example), section, category: category.replace(/^`|`$/g, ''), reason, line: i + 1 });
  }
  const m = text.match(/^Summary: (\d+) examples, (\d+) matching, (\d+) differing by design \(([^)]*)\)\.$/m);
  assert.ok(m, `${DOC_REL}: missing the line "Summary: N examples, N matching, N differing by design (category: N, …)."`);
  const perCategory = {};
  for (const part of m[4].split(',')) {
    const pm = part.trim().match(/^([a-z-]+): (\d+)$/);
    assert.ok(pm, `${DOC_REL}: cannot read "${part.trim()}" in the summary line`);
    perCategory[pm[1]] = Number(pm[2]);
  }
  return { rows, summary: { total: Number(m[1]), matching: Number(m[2]), differing: Number(m[3]), perCategory } };
}

// ---------------------------------------------------------------------------------------------
// By-design attribute additions: undone before comparing (on normalised HTML, where every
// attribute is written ` name="escaped value"` and sorted).
// ---------------------------------------------------------------------------------------------

const escRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function stripByDesign(normalized, stats) {
  const idRe = new RegExp(` id="${escRe(ID_PREFIX)}[^"]*"`);
  const fragRe = new RegExp(` href="#${escRe(ID_PREFIX)}`);
  return normalized.replace(/<(h[1-6]|a)( [^>]*)?>/g, (whole, name, attrs = '') => {
    let out = attrs;
    if (name !== 'a') {
      if (idRe.test(out)) {
        out = out.replace(idRe, '');
        stats.headingId = true;
      }
    } else {
      if (out.includes(' rel="noopener noreferrer"')) {
        out = out.replace(' rel="noopener noreferrer"', '');
        stats.rel = true;
      }
      if (fragRe.test(out)) {
        out = out.replace(fragRe, ' href="#');
        stats.fragment = true;
      }
    }
    return `<${name}${out}>`;
  });
}

// ---------------------------------------------------------------------------------------------
// Safety of the raw output (before normalisation): what a browser would see.
// ---------------------------------------------------------------------------------------------

const SAFE_TAGS = new Set([
  'p', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br',
  'em', 'strong', 'a', 'img', 'sup', // sup: citations
]);
const URL_SCHEMES = new Set(['http', 'https', 'mailto']);
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The scheme a browser would use for this (decoded) attribute value, or null if relative. */
function urlScheme(value) {
  // The URL parser trims C0 controls and spaces and ignores tabs and newlines anywhere.
  // eslint-disable-next-line no-control-regex -- the URL parser's own set of trimmed characters
  const v = value.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  const m = v.match(/^([a-zA-Z][a-zA-Z0-9+.-]*):/);
  return m ? m[1].toLowerCase() : null;
}

/** Undoes cmark's href percent-encoding (byte-wise, lenient). */
function percentDecode(s) {
  const bytes = [];
  const raw = new TextEncoder().encode(s);
  for (let i = 0; i < raw.length; i++) {
    const hex = String.fromCharCode(raw[i + 1] ?? 0, raw[i + 2] ?? 0);
    if (raw[i] === 0x25 && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(raw[i]);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/**
 * The documented URL policy (docs/HTML.md, "Markdown"): links may be http, https, mailto,
 * relative or fragment, and may not contain control characters or backslashes (a browser's URL
 * parser ignores or rewrites them); images are relative only (no remote images by default).
 */
function urlAllowed(url, tag) {
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
  if (/[\x00-\x1f\x7f\\]/.test(url)) return false;
  const scheme = url.match(/^([^:/?#]*):/);
  if (tag === 'img') return !scheme && url !== '' && !url.startsWith('//');
  return !scheme || URL_SCHEMES.has(scheme[1].toLowerCase());
}

/** Problems that make `html` unsafe (empty when safe). */
function safetyProblems(html) {
  const problems = [];
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    TAG_RE.lastIndex = i;
    const m = TAG_RE.exec(html);
    if (!m) {
      problems.push(`markup that is not a plain tag at offset ${i}: ${JSON.stringify(html.slice(i, i + 40))}`);
      continue;
    }
    const tag = m[2].toLowerCase();
    if (!SAFE_TAGS.has(tag)) problems.push(`tag <${m[1]}${tag}> is not in the safe list`);
    for (const a of m[3].matchAll(ATTR_RE)) {
      const name = a[1].toLowerCase();
      const value = pyUnescape(a[2] ?? a[3] ?? a[4] ?? '');
      if (/^on/.test(name) || name === 'style' || name === 'srcdoc' || name === 'formaction') {
        problems.push(`<${tag}> has the attribute ${name}`);
      }
      if (name === 'href' || name === 'src' || name === 'action' || name === 'xlink:href') {
        const scheme = urlScheme(value);
        if (scheme !== null && !URL_SCHEMES.has(scheme)) problems.push(`<${tag} ${name}="${value}"> uses the scheme ${scheme}:`);
      }
    }
  }
  return problems;
}

/** Design checks on the widget's own attributes (normalised HTML). */
function designProblems(normalized) {
  const problems = [];
  const ids = new Set();
  for (const m of normalized.matchAll(/<(h[1-6]|a)( [^>]*)?>/g)) {
    const attrs = m[2] ?? '';
    if (m[1] !== 'a') {
      const id = attrs.match(/ id="([^"]*)"/);
      if (!id) problems.push(`<${m[1]}> without an id`);
      else if (!id[1].startsWith(ID_PREFIX) || id[1].length === ID_PREFIX.length) problems.push(`<${m[1]} id="${id[1]}">: the id must be "${ID_PREFIX}" + a slug`);
      else if (ids.has(id[1])) problems.push(`duplicate id "${id[1]}"`);
      else ids.add(id[1]);
    } else {
      const href = attrs.match(/ href="([^"]*)"/);
      const scheme = href ? urlScheme(pyUnescape(href[1])) : null;
      if ((scheme === 'http' || scheme === 'https') && !attrs.includes(' rel="noopener noreferrer"')) {
        problems.push(`external link ${href[0].trim()} without rel="noopener noreferrer"`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

const specText = existsSync(SPEC_PATH) ? readFileSync(SPEC_PATH, 'utf8') : null;
const docText = existsSync(DOC_PATH) ? readFileSync(DOC_PATH, 'utf8') : null;
const examples = specText ? parseSpec(specText) : [];

test('CommonMark spec.txt from cmark 0.30.2 is present', () => {
  assert.ok(specText !== null, `${SPEC_REL} is missing: run \`make setup\` (it extracts the cmark 0.30.2 sources into build/deps/)`);
  assert.ok(examples.length >= 600, `${SPEC_REL}: only ${examples.length} examples found`);
});

test('docs/commonmark.md: exception table and summary are consistent with the spec', () => {
  assert.ok(specText !== null, `${SPEC_REL} is missing: run \`make setup\``);
  assert.ok(docText !== null, `${DOC_REL} is missing`);
  const { rows, summary } = readExceptionDoc(docText);
  const seen = new Set();
  for (const row of rows) {
    assert.ok(!seen.has(row.example), `${DOC_REL} line ${row.line}: example ${row.example} is listed twice`);
    seen.add(row.example);
    const ex = examples[row.example - 1];
    assert.ok(ex, `${DOC_REL} line ${row.line}: there is no example ${row.example} (the spec has ${examples.length})`);
    assert.equal(row.section, ex.section, `${DOC_REL} line ${row.line}: example ${row.example} is in the section "${ex.section}"`);
    assert.ok(Object.hasOwn(CATEGORIES, row.category), `${DOC_REL} line ${row.line}: unknown category "${row.category}" (known: ${Object.keys(CATEGORIES).join(', ')})`);
    assert.ok(row.reason.length > 0, `${DOC_REL} line ${row.line}: the reason is empty`);
  }
  const perCategory = Object.fromEntries(Object.keys(CATEGORIES).map((c) => [c, rows.filter((r) => r.category === c).length]));
  assert.deepEqual(summary, {
    total: examples.length,
    matching: examples.length - rows.length,
    differing: rows.length,
    perCategory,
  }, `${DOC_REL}: the summary line does not match the table (expected "Summary: ${examples.length} examples, ${examples.length - rows.length} matching, ${rows.length} differing by design (${Object.entries(perCategory).map(([c, n]) => `${c}: ${n}`).join(', ')}).")`);
});

test('CommonMark spec examples', async (t) => {
  assert.ok(specText !== null, `${SPEC_REL} is missing: run \`make setup\` (it extracts the cmark 0.30.2 sources into build/deps/)`);
  assert.ok(docText !== null, `${DOC_REL} is missing`);
  const listed = new Map(readExceptionDoc(docText).rows.map((r) => [r.example, r]));
  const w = await loadWidget();
  const counts = { matching: 0, differing: 0, headingId: 0, rel: 0, fragment: 0 };

  for (const ex of examples) {
    const row = listed.get(ex.example);
    const name = `example ${ex.example} (${ex.section}, spec.txt line ${ex.startLine})` + (row ? ` [by design: ${row.category}]` : '');
    await t.test(name, () => {
      let actual;
      try {
        actual = w.renderMarkdown(ex.markdown);
      } catch (err) {
        assert.fail(`renderMarkdown threw ${err?.stack ?? err}\nmarkdown: ${JSON.stringify(ex.markdown)}`);
      }
      assert.equal(typeof actual, 'string', 'renderMarkdown must return a string');
      const context = `\nmarkdown: ${JSON.stringify(ex.markdown)}\nexpected: ${JSON.stringify(ex.html)}\nactual:   ${JSON.stringify(actual)}`;

      const unsafe = safetyProblems(actual);
      assert.deepEqual(unsafe, [], `unsafe output${context}`);

      const normalized = normalizeHtml(actual);
      const design = designProblems(normalized);
      assert.deepEqual(design, [], `by-design attributes missing or wrong${context}`);

      const stats = {};
      const got = stripByDesign(normalized, stats);
      const want = normalizeHtml(ex.html);
      if (stats.headingId) counts.headingId++;
      if (stats.rel) counts.rel++;
      if (stats.fragment) counts.fragment++;

      if (!row) {
        assert.equal(got, want, `example ${ex.example} differs from cmark and is not listed in ${DOC_REL}${context}`);
        counts.matching++;
      } else {
        assert.notEqual(got, want, `example ${ex.example} is listed in ${DOC_REL} (${row.category}) but matches cmark: remove its row${context}`);
        if (row.category === 'raw-html') {
          assert.match(ex.markdown, /</, `a raw-html example must contain raw HTML${context}`);
        } else if (row.category === 'unsafe-url') {
          const urls = [...ex.html.matchAll(/<(a|img)\b[^>]* (?:href|src)="([^"]*)"/g)].map((m) => [m[1], percentDecode(pyUnescape(m[2]))]);
          assert.ok(urls.some(([tag, url]) => !urlAllowed(url, tag)), `an unsafe-url example must have a link or image URL outside the allowlist in cmark's output${context}`);
        } else if (row.category === 'citation') {
          assert.match(ex.markdown, /\[\^/, `a citation example must contain a footnote reference [^…]${context}`);
        }
        counts.differing++;
      }
    });
  }
  t.diagnostic(
    `${examples.length} examples: ${counts.matching} match, ${counts.differing} differ by design (listed); ` +
      `heading ids stripped in ${counts.headingId}, rel stripped in ${counts.rel}, fragment prefix stripped in ${counts.fragment}`
  );
});
