// The command line, run as a child process exactly as a developer would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../web/bin/article-widget.js', import.meta.url));
const example = fileURLToPath(new URL('../../examples/la-la-land.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aw-cli-'));
const cli = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

const broken = join(dir, 'broken.json');
writeFileSync(broken, '{\n  "id": "x",\n  "lang": "en",\n  "title": 7,\n  "authors": [{"name": "A"}],\n  "published": "2026-01-01",\n  "sections": [{"id": "a", "heading": "H", "body": "[^ghost]"}]\n}\n');
const warnOnly = join(dir, 'warn.json');
writeFileSync(warnOnly, JSON.stringify({ ...JSON.parse(readFileSync(example, 'utf8')), titel: 'typo' }));

test('validate: a valid file says so and exits 0', () => {
  const r = cli('validate', example);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, `${example}: ok\n`);
});

test('render: unknown options and conflicting outputs are named; --ssr is styled; --page without --script says what is lost', () => {
  let r = cli('render', '--pgae', example);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^article-widget: unknown option --pgae\n/);
  r = cli('render', '--page', '--ssr', example);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--page and --ssr are two different outputs: choose one/);
  r = cli('render', example, '--src');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--src needs a value/);
  r = cli('render', '--ssr', example);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /<template shadowrootmode="open">\n<style>/, 'the server-rendered element has no stylesheet');
  r = cli('render', '--page', example);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /the page has no script \(--script URL/);
  assert.equal(cli('render', '--page', '--script', '/dist/article-widget.js', example).stderr, '');
});

test('validate: FILE:LINE:COL: CODE: message per problem, exit 1', () => {
  const r = cli('validate', broken);
  assert.equal(r.status, 1);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    `${broken}:4:12: wrong-type: "title" must be a string, not a number. (at /title)`,
    `${broken}:7:53: unknown-source: The citation [^ghost] names no source in "sources". (at /sections/0/body)`,
  ]);
});

test('validate: warnings alone exit 0; several files are all checked', () => {
  const r = cli('validate', warnOnly, example);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /warn\.json:1:\d+: unknown-field: "titel" is not a field of this object; it is ignored\. Did you mean "title"\? \(at \/titel; warning\)/);
  assert.equal(cli('validate', example, broken).status, 1);
});

test('validate: an unreadable file is an error', () => {
  const r = cli('validate', join(dir, 'missing.json'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing\.json: cannot read: ENOENT/);
});

test('render prints the article HTML; --page a standalone page', () => {
  const r = cli('render', example);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, readFileSync(new URL('../../tests/golden/la-la-land.html', import.meta.url), 'utf8'));
  const page = cli('render', '--page', example);
  assert.equal(page.status, 0);
  assert.match(page.stdout, /^<!doctype html>\n<html lang="en" dir="ltr">/);
  assert.match(page.stdout, /<template shadowrootmode="open">\n<style>[^]*\.aw-article[^]*<\/style>/);
  const ssr = cli('render', '--ssr', '--src', '/examples/la-la-land.json', '--stylesheet', '/web/article-widget.css', example);
  assert.equal(ssr.status, 0);
  assert.match(ssr.stdout, /^<article-widget src="\/examples\/la-la-land.json" data-aw-ssr>\n<template shadowrootmode="open">\n<link rel="stylesheet" href="\/web\/article-widget.css">\n<article class="aw-article"/);
  assert.ok(page.stdout.includes('<article class="aw-article"'));
  const ld = JSON.parse(page.stdout.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1]);
  assert.equal(ld[0]['@type'], 'Article');
  assert.equal(ld[1]['@type'], 'FAQPage');
  assert.match(page.stdout, /<meta name="description" content="A complete, scene-by-scene breakdown/);
});

test('render of an invalid file prints problems on stderr and exits 1', () => {
  const r = cli('render', broken);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /wrong-type/);
});

test('usage errors exit 2', () => {
  assert.equal(cli().status, 2);
  assert.equal(cli('frobnicate').status, 2);
  assert.equal(cli('render').status, 2);
  assert.equal(cli('--help').status, 0);
});

test('validate: invalid UTF-8 is json-syntax at its byte, exit 1', () => {
  const bad = join(dir, 'bad-utf8.json');
  writeFileSync(bad, Buffer.concat([Buffer.from('{\n  "title": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]));
  const r = cli('validate', bad);
  assert.equal(r.status, 1);
  assert.match(r.stdout, new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:16: json-syntax: `));
});
