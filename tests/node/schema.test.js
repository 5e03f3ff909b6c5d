// Tests for the article format: the JSON Schema (schema/article.schema.json), the examples
// (examples/*.json) and the invalid fixtures (tests/fixtures/invalid/), checked both with ajv and
// with the C++ validator through the public module (web/index.js).
//
//   node --test tests/node/
//
// tests/fixtures/invalid/manifest.json lists every invalid fixture:
//   { "file": "missing-title.json", "description": "…", "paths": ["/title"],
//     "code": "missing-field"?,     // the C++ validator's error code at those paths
//     "severity": "warning"? }      // the C++ validator only warns about this problem (default: error)
// `paths` are JSON Pointers: for a missing property, the pointer of the property that should be
// there; for a wrong value, the pointer of that value. Each fixture has exactly one problem.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = new URL('../../', import.meta.url);
const read = (rel) => readFileSync(new URL(rel, root), 'utf8');

const schema = JSON.parse(read('schema/article.schema.json'));
const exampleFiles = readdirSync(new URL('examples/', root)).filter((f) => f.endsWith('.json')).sort();
const fixtureDir = 'tests/fixtures/invalid/';
const manifest = JSON.parse(read(`${fixtureDir}manifest.json`));

const pointerEscape = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

/** Where each ajv error is, as a JSON Pointer (missing / unknown properties point at the property). */
function errorLocations(errors) {
  return (errors ?? []).map((e) => {
    if (e.keyword === 'required') return `${e.instancePath}/${pointerEscape(e.params.missingProperty)}`;
    if (e.keyword === 'additionalProperties') return `${e.instancePath}/${pointerEscape(e.params.additionalProperty)}`;
    if (e.keyword === 'unevaluatedProperties') return `${e.instancePath}/${pointerEscape(e.params.unevaluatedProperty)}`;
    return e.instancePath;
  });
}

const isAtOrUnder = (location, path) => location === path || location.startsWith(`${path}/`);

function newAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv;
}

// ---------------------------------------------------------------------------------------------
describe('JSON Schema (ajv, draft 2020-12)', () => {
  let ajv;
  let validate;

  before(() => {
    ajv = newAjv();
    validate = ajv.compile(schema);
  });

  test('the schema compiles in strict mode and declares draft 2020-12 and an $id', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(typeof schema.$id, 'string');
    assert.ok(schema.$id.length > 0);
    assert.equal(typeof validate, 'function');
  });

  test('every property in the schema has a description', () => {
    const missing = [];
    const walk = (node, where) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
      if (!node || typeof node !== 'object') return;
      if (node.properties && typeof node.properties === 'object') {
        for (const [name, sub] of Object.entries(node.properties)) {
          if (typeof sub?.description !== 'string' || sub.description.length === 0) missing.push(`${where}/properties/${name}`);
        }
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
    };
    walk(schema, '#');
    assert.deepEqual(missing, []);
  });

  test('the examples directory is not empty', () => {
    assert.ok(exampleFiles.length >= 5, `found ${exampleFiles.join(', ')}`);
  });

  for (const file of exampleFiles) {
    test(`examples/${file} is valid`, () => {
      const ok = validate(JSON.parse(read(`examples/${file}`)));
      assert.equal(ok, true, JSON.stringify(validate.errors, null, 2));
    });
  }

  test('the invalid fixtures and their manifest agree', () => {
    const onDisk = readdirSync(new URL(fixtureDir, root))
      .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
      .sort();
    const listed = manifest.map((m) => m.file).sort();
    assert.deepEqual(listed, onDisk);
    assert.equal(new Set(listed).size, listed.length, 'a fixture is listed twice');
    assert.ok(manifest.length >= 12);
    for (const m of manifest) {
      assert.ok(Array.isArray(m.paths) && m.paths.length > 0, `${m.file}: paths`);
      for (const p of m.paths) assert.ok(p === '' || p.startsWith('/'), `${m.file}: ${p} is not a JSON Pointer`);
      if ('severity' in m) assert.ok(['error', 'warning'].includes(m.severity), `${m.file}: severity`);
    }
  });

  for (const m of manifest) {
    test(`rejects ${m.file} at ${m.paths.map((p) => p || '(root)').join(', ')}`, () => {
      const ok = validate(JSON.parse(read(fixtureDir + m.file)));
      assert.equal(ok, false, `${m.file} was accepted`);
      const locations = errorLocations(validate.errors);
      for (const p of m.paths) {
        assert.ok(locations.includes(p), `${m.file}: no error at ${p}; errors at ${JSON.stringify(locations)}`);
      }
      // One problem per fixture: nothing is reported outside the expected places.
      const stray = locations.filter((l) => !m.paths.some((p) => isAtOrUnder(l, p)));
      assert.deepEqual(stray, [], `${m.file}: unexpected errors ${JSON.stringify(validate.errors, null, 2)}`);
    });
  }

  test('url: http(s), mailto and relative URLs pass; other schemes and control characters fail', () => {
    const url = ajv.getSchema(`${schema.$id}#/$defs/url`);
    const good = [
      'https://example.com/a?b=c#d', 'http://example.com', 'HTTPS://EXAMPLE.COM', 'mailto:someone@example.com',
      '/movies/la-la-land', 'movies/la-la-land', '../up', '#faq', '?page=2', 'a/b:c', 'page?x=a:b', '//cdn.example.com/x',
      'caf\u00e9/\u05e2\u05d1\u05e8\u05d9\u05ea',
    ];
    const bad = [
      '', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://example.com/x',
      'tel:+15555550100', 'foo:bar', 'https://example.com/\n', 'https://example.com/\u0000', '/x\u007f',
      '/\\evil.example/x', '\\\\evil.example\\x', 'https://example.com\\@evil.example/',
    ];
    for (const u of good) assert.equal(url(u), true, `should accept ${JSON.stringify(u)}`);
    for (const u of bad) assert.equal(url(u), false, `should reject ${JSON.stringify(u)}`);
  });

  test('dates: real calendar days only; source dates may be YYYY-MM or YYYY', () => {
    const date = ajv.getSchema(`${schema.$id}#/$defs/date`);
    const sourceDate = ajv.getSchema(`${schema.$id}#/$defs/sourceDate`);
    for (const d of ['2024-02-29', '2026-05-18', '2000-12-31']) assert.equal(date(d), true, d);
    for (const d of ['2023-02-29', '2026-04-31', '2026-13-01', '2026-5-18', '2026-05', '18/05/2026', '2026-05-18T00:00:00Z']) {
      assert.equal(date(d), false, d);
    }
    for (const d of ['2016-08-31', '2016-08', '2016']) assert.equal(sourceDate(d), true, d);
    for (const d of ['2016-13', '2016-02-30', '16', 'August 2016', '2016-8']) assert.equal(sourceDate(d), false, d);
  });

  test('text and required Markdown may not be blank; section bodies may be', () => {
    const text = ajv.getSchema(`${schema.$id}#/$defs/text`);
    const required = ajv.getSchema(`${schema.$id}#/$defs/markdownRequired`);
    const markdown = ajv.getSchema(`${schema.$id}#/$defs/markdown`);
    for (const t of ['', ' ', ' \t\r\n']) {
      assert.equal(text(t), false, JSON.stringify(t));
      assert.equal(required(t), false, JSON.stringify(t));
      assert.equal(markdown(t), true, JSON.stringify(t));
    }
    assert.equal(text('x'.repeat(2000)), true);
    assert.equal(text('x'.repeat(2001)), false);
    assert.equal(text('\u{1F600}'.repeat(2000)), true, 'length counts code points, not UTF-16 units');
    assert.equal(required(' *yes* '), true);
  });

  test('lang: BCP 47 syntax with a 2–3 letter primary subtag', () => {
    const lang = ajv.getSchema(`${schema.$id}#/$defs/lang`);
    for (const l of ['en', 'EN', 'es', 'he', 'pt-BR', 'zh-Hant-TW', 'es-419', 'de-CH-1996', 'en-US-x-twain', 'und']) assert.equal(lang(l), true, l);
    for (const l of ['', 'e', 'english', 'en_US', 'en-', 'en--US', 'x-klingon', 'en-123456789', 'en US']) assert.equal(lang(l), false, l);
  });

  test('fields named x-… or $… are allowed everywhere; other unknown fields are not', () => {
    const a = JSON.parse(read('examples/la-la-land.json'));
    a.$schema = '../schema/article.schema.json';
    a['x-cms'] = { revision: 3 };
    a.sections[1].sections[0]['x-note'] = 'checked';
    a.sources[0].$comment = 'tool data';
    a.faq[0]['x-order'] = 1;
    assert.equal(validate(a), true, JSON.stringify(validate.errors, null, 2));
    a.sections[1].sections[0].note = 'not a field';
    assert.equal(validate(a), false);
    assert.deepEqual(errorLocations(validate.errors), ['/sections/1/sections/0/note']);
  });

  test('sections nest four levels deep but not five', () => {
    const level = (n, max) => ({ id: `level-${n}`, heading: `Level ${n}`, ...(n < max ? { sections: [level(n + 1, max)] } : {}) });
    const article = (max) => ({
      id: 'deep', lang: 'en', title: 'Deep', authors: [{ name: 'A' }], published: '2026-01-01', sections: [level(1, max)],
    });
    assert.equal(validate(article(4)), true, JSON.stringify(validate.errors));
    assert.equal(validate(article(5)), false);
    assert.deepEqual(errorLocations(validate.errors), ['/sections/0/sections/0/sections/0/sections/0/sections']);
  });
});

// ---------------------------------------------------------------------------------------------
// What the schema cannot check, re-checked in JS for the examples (docs/FORMAT.md): unique ids,
// footnote references and section `sources` naming a source, every source used, #id links naming
// a section or FAQ item, `updated` not before `published`, Markdown size in bytes.

/** All Markdown fields of an article, as [pointer, markdown]. */
function markdownFields(a) {
  const out = [];
  if (a.quickAnswer?.answer !== undefined) out.push(['/quickAnswer/answer', a.quickAnswer.answer]);
  if (a.hero?.caption !== undefined) out.push(['/hero/caption', a.hero.caption]);
  const walk = (sections, base) =>
    (sections ?? []).forEach((s, i) => {
      if (s.body !== undefined) out.push([`${base}/${i}/body`, s.body]);
      (s.media ?? []).forEach((m, k) => {
        const at = `${base}/${i}/media/${k}`;
        if (m.figure?.caption !== undefined) out.push([`${at}/figure/caption`, m.figure.caption]);
        if (m.video?.caption !== undefined) out.push([`${at}/video/caption`, m.video.caption]);
        if (m.quote) out.push([`${at}/quote/text`, m.quote.text]);
      });
      walk(s.sections, `${base}/${i}/sections`);
      if (s.conclusion !== undefined) out.push([`${base}/${i}/conclusion`, s.conclusion]);
    });
  walk(a.sections, '/sections');
  (a.faq ?? []).forEach((f, i) => out.push([`/faq/${i}/answer`, f.answer]));
  (a.notes ?? []).forEach((n, i) => out.push([`/notes/${i}/text`, n.text]));
  return out;
}

function allSections(a) {
  const out = [];
  const walk = (sections, base) =>
    (sections ?? []).forEach((s, i) => {
      out.push([`${base}/${i}`, s]);
      walk(s.sections, `${base}/${i}/sections`);
    });
  walk(a.sections, '/sections');
  return out;
}

// Code is not Markdown: drop fenced code blocks and code spans before looking for references.
const stripCode = (md) => md.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
// [^id], or [^id, locator] (FORMAT.md "Locators").
const footnoteRefs = (md) => [...stripCode(md).matchAll(/\[\^([A-Za-z0-9_-]+)(?:, [^[\]]{0,100})?\]/g)].map((m) => m[1]);
const anchorLinks = (md) => [...stripCode(md).matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1]);
// FAQ ids default to a slug of the question (FORMAT.md); this approximates it for the check.
const slugify = (s) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

describe('examples follow the cross-reference rules of FORMAT.md', () => {
  for (const file of exampleFiles) {
    test(`examples/${file}`, () => {
      const a = JSON.parse(read(`examples/${file}`));
      const problems = [];
      const sourceIds = (a.sources ?? []).map((s) => s.id);
      if (new Set(sourceIds).size !== sourceIds.length) problems.push('duplicate source id');
      // Notes are cited like sources: one namespace.
      const noteIds = (a.notes ?? []).map((n) => n.id);
      if (new Set([...sourceIds, ...noteIds]).size !== sourceIds.length + noteIds.length) problems.push('a note id is taken');
      const citable = [...sourceIds, ...noteIds];

      const sections = allSections(a);
      const sectionIds = sections.map(([, s]) => s.id);
      const seen = new Set();
      for (const id of sectionIds) {
        if (seen.has(id)) problems.push(`duplicate section id ${id}`);
        seen.add(id);
      }
      const faqIds = (a.faq ?? []).map((f) => f.id ?? slugify(f.question));
      if (new Set(faqIds).size !== faqIds.length) problems.push('duplicate FAQ id');
      // Sections and FAQ items share one anchor namespace (docs/errors.md, duplicate-id).
      for (const id of faqIds) if (seen.has(id)) problems.push(`FAQ id ${id} is also a section id`);

      const used = new Set();
      for (const [path, s] of sections) {
        for (const [i, id] of (s.sources ?? []).entries()) {
          if (!sourceIds.includes(id)) problems.push(`${path}/sources/${i}: unknown source ${id}`);
          used.add(id);
        }
        for (const [i, m] of (s.media ?? []).entries()) {
          if (m.quote?.source === undefined) continue;
          if (!sourceIds.includes(m.quote.source)) problems.push(`${path}/media/${i}/quote/source: unknown source ${m.quote.source}`);
          used.add(m.quote.source);
        }
      }
      const anchors = new Set([...sectionIds, ...faqIds]);
      for (const [path, md] of markdownFields(a)) {
        if (Buffer.byteLength(md, 'utf8') > 100000) problems.push(`${path}: Markdown over 100 000 bytes`);
        for (const id of footnoteRefs(md)) {
          if (!citable.includes(id)) problems.push(`${path}: [^${id}] names no source or note`);
          used.add(id);
        }
        for (const id of anchorLinks(md)) if (!anchors.has(id)) problems.push(`${path}: #${id} names no section or FAQ item`);
      }
      for (const id of citable) if (!used.has(id)) problems.push(`source or note ${id} is never cited or listed`);
      if (a.updated && a.updated < a.published) problems.push('updated is before published');
      assert.deepEqual(problems, []);
    });
  }
});

// Where each JSON value (and, for object members, its key) starts in the text: pointer →
// { value, key? } as character offsets. Independent of the C++ code, to check its line:column.
function jsonPositions(text) {
  const positions = new Map();
  let i = 0;
  const ws = () => { while (/\s/.test(text[i] ?? '')) i++; };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (pointer, key) => {
    ws();
    positions.set(pointer, { value: i, key });
    if (text[i] === '{') {
      i++; ws();
      while (text[i] !== '}') {
        ws();
        const keyAt = i;
        const name = string();
        ws(); i++; // ':'
        value(`${pointer}/${pointerEscape(name)}`, keyAt);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (text[i] === '[') {
      i++; ws();
      for (let n = 0; text[i] !== ']'; n++) {
        value(`${pointer}/${n}`);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (text[i] === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
    }
  };
  value('');
  return positions;
}

/** 1-based line and column of a character offset. */
function lineColumn(text, offset) {
  const head = text.slice(0, offset);
  const lineStart = head.lastIndexOf('\n') + 1;
  return { line: head.split('\n').length, column: offset - lineStart + 1 };
}

const parentPointer = (p) => p.slice(0, p.lastIndexOf('/'));

// ---------------------------------------------------------------------------------------------
// The same examples and fixtures through the C++ validator (web/index.js + web/dist/ wasm build).
// validate(text) → { ok, errors: [{ code, path, line, column, message, severity }], warnings: [...] }

describe('C++ validator (web/index.js)', () => {
  let widget;

  before(async () => {
    const { loadWidget } = await import('../../web/index.js');
    widget = await loadWidget();
  });

  const brief = (list) => (list ?? []).map((e) => `${e.severity ?? '?'} ${e.code} at ${JSON.stringify(e.path)} ${e.line}:${e.column} ${e.message}`);

  for (const file of exampleFiles) {
    test(`examples/${file}: no errors and no warnings`, () => {
      const r = widget.validate(read(`examples/${file}`));
      assert.deepEqual(brief(r.errors), []);
      assert.deepEqual(brief(r.warnings), []);
      assert.equal(r.ok, true);
    });
  }

  for (const m of manifest) {
    const severity = m.severity ?? 'error';
    test(`${m.file}: ${severity} at ${m.paths.map((p) => p || '(root)').join(', ')}`, () => {
      const text = read(fixtureDir + m.file);
      const r = widget.validate(text);
      const reported = severity === 'error' ? r.errors : r.warnings;
      if (severity === 'error') {
        assert.equal(r.ok, false, `${m.file} passed: ${JSON.stringify(brief(r.warnings))}`);
      } else {
        // Unknown fields are warnings only (FORMAT.md): the article still validates.
        assert.deepEqual(brief(r.errors), []);
        assert.equal(r.ok, true);
      }
      // One problem per fixture: nothing is reported outside the expected places.
      const stray = [...r.errors, ...r.warnings].filter((e) => !m.paths.some((p) => isAtOrUnder(e.path, p)));
      assert.deepEqual(brief(stray), [], `${m.file}: unexpected problems`);
      const paths = new Set(reported.map((e) => e.path));
      for (const p of m.paths) {
        assert.ok(paths.has(p), `${m.file}: no ${severity} at ${JSON.stringify(p)}; got ${JSON.stringify(brief(reported), null, 2)}`);
        if (m.code) {
          assert.ok(
            reported.some((e) => e.path === p && e.code === m.code),
            `${m.file}: no ${m.code} at ${p}; got ${JSON.stringify(brief(reported), null, 2)}`,
          );
        }
      }
      const lineCount = text.split('\n').length;
      for (const e of reported) {
        assert.equal(typeof e.code, 'string', 'code');
        assert.match(e.code, /^[a-z0-9][a-z0-9-]*$/, 'code is a stable machine-readable slug');
        assert.equal(typeof e.message, 'string', 'message');
        assert.ok(e.message.length > 0, 'message');
        assert.equal(typeof e.path, 'string', 'path');
        assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= lineCount, `${e.code}: line ${e.line}`);
        assert.ok(Number.isInteger(e.column) && e.column >= 1, `${e.code}: column ${e.column}`);
        assert.equal(e.severity, severity);
      }
      // line:column points at the value, at its key, or (for a missing property) at the object
      // that should hold it. The fixtures are ASCII, so character and byte columns agree.
      const positions = jsonPositions(text);
      for (const e of reported.filter((x) => m.paths.includes(x.path))) {
        const at = positions.get(e.path) ?? { value: positions.get(parentPointer(e.path))?.value };
        const allowed = [at.value, at.key].filter((x) => x !== undefined).map((o) => lineColumn(text, o));
        assert.ok(
          allowed.some((lc) => lc.line === e.line && lc.column === e.column),
          `${m.file}: ${e.code} at ${e.line}:${e.column}; expected one of ${allowed.map((lc) => `${lc.line}:${lc.column}`).join(', ')}`,
        );
      }
    });
  }
});

// web/index.d.ts's ArticleJSON types state the format a third time, for TypeScript users: the same
// fields as the schema, required alike (tests/node/package.test.js type-checks the examples).
describe('the TypeScript article types (web/index.d.ts) and the schema agree', () => {
  const dts = read('web/index.d.ts');
  const fieldsOf = (name) => {
    const body = dts.match(new RegExp(`export interface ${name} \\{([^}]*(?:\\{[^}]*\\}[^}]*)*)\\}`))?.[1];
    assert.ok(body, `interface ${name} not found`);
    const fields = {};
    for (const [, key, optional] of body.replace(/\/\*\*[^]*?\*\//g, '').matchAll(/(?:^|[{;])\s*(\w+)(\??):/gm)) fields[key] = optional !== '?';
    return fields;
  };
  const schemaFields = (def) => {
    const fields = {};
    for (const key of Object.keys(def.properties)) fields[key] = (def.required ?? []).includes(key);
    return fields;
  };
  const pairs = {
    ArticleJSON: schema, ArticlePerson: schema.$defs.person, ArticleSubject: schema.$defs.subject,
    ArticleSpoilers: schema.$defs.spoilers, ArticleQuickAnswer: schema.$defs.quickAnswer, ArticleSource: schema.$defs.source,
    ArticleSection: schema.$defs.section1, ArticleFaqItem: schema.$defs.faqItem, ArticleRelatedLink: schema.$defs.relatedLink,
  };
  for (const [name, def] of Object.entries(pairs)) {
    test(name, () => assert.deepEqual(fieldsOf(name), schemaFields(def)));
  }
  test('every section level has the same fields (the depth limit aside)', () => {
    const keys = (d) => Object.keys(d.properties).filter((k) => k !== 'sections');
    for (const level of ['section2', 'section3', 'section4']) assert.deepEqual(keys(schema.$defs[level]), keys(schema.$defs.section1), level);
  });
});
