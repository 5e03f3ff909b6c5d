// The fenced code blocks of README.md and docs/*.md, read at test time and named by file,
// language and the heading above them ("README.md js § Server-side rendering"). Shared by the
// Node and the browser docs tests (tests/node/docs.test.js claims every block).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The fenced blocks of one Markdown file: { file, lang, heading, text }. */
export function fencedBlocks(file, markdown) {
  const blocks = [];
  let heading = '';
  let open = null;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (line.trim().startsWith(open.fence) && line.trim().replace(/[`~]/g, '') === '') {
        blocks.push({ file, lang: open.lang, heading, text: open.lines.join('\n') + '\n' });
        open = null;
      } else open.lines.push(line);
      continue;
    }
    const fence = line.match(/^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/);
    if (fence) open = { fence: fence[1], lang: fence[2] || 'plain', lines: [] };
    else if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '').trim();
  }
  assert.equal(open, null, `${file}: a fence is never closed`);
  return blocks;
}

export const keyOf = (b) => `${b.file} ${b.lang} § ${b.heading}`;

// web/README.md is not a doc of its own: `npm pack` copies README.md there (web/package.json
// "prepack") and git ignores it, so only the source files are read.
export const DOC_FILES = ['README.md', ...readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** Every block of every doc file. */
export const docBlocks = () => DOC_FILES.flatMap((f) => fencedBlocks(f, readFileSync(join(repo, f), 'utf8')));

/** The text of the one block with this key. */
export function docBlock(key) {
  const found = docBlocks().filter((b) => keyOf(b) === key);
  assert.equal(found.length, 1, `exactly one block ${key}`);
  return found[0].text;
}
