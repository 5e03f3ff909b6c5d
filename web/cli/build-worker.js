// One worker thread of `article-widget build` (web/cli/build.js): its own wasm instance; per
// message, one article rendered by the core's page shell and its page written, or (once another
// article has failed, so no page will be kept) only validated. Replies with the report.
import { parentPort } from 'node:worker_threads';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadWidget } from '../index.js';

const w = await loadWidget();
const folders = new Map(); // each output folder made once

parentPort.on('message', async ({ rel, bytes, out, options, write }) => {
  const r = write ? w.render(bytes, options) : w.validate(bytes, options);
  if (r.ok && write) {
    const dir = dirname(out);
    if (!folders.has(dir)) folders.set(dir, mkdir(dir, { recursive: true }));
    await folders.get(dir);
    await writeFile(out, r.html);
  }
  const { title, description, kicker, published, readingMinutes, lang, dir } = r.meta ?? {};
  parentPort.postMessage({ rel, ok: r.ok, errors: r.errors, warnings: r.warnings, meta: { title, description, kicker, published, readingMinutes, lang, dir } });
});
