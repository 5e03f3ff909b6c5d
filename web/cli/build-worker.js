// One worker thread of `article-widget build` (web/cli/build.js): its own wasm instance; per
// message, one article rendered by the core's page shell and its page written, or (once another
// article has failed, so no page will be kept) only validated. Replies with the report.
import { parentPort } from 'node:worker_threads';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadWidget } from '../index.js';

const w = await loadWidget();

parentPort.on('message', async ({ rel, bytes, out, options, write }) => {
  const r = write ? w.render(bytes, options) : w.validate(bytes, options);
  if (r.ok && write) {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, r.html);
  }
  const { title, description, kicker, published, readingMinutes, lang, dir } = r.meta ?? {};
  parentPort.postMessage({ rel, ok: r.ok, errors: r.errors, warnings: r.warnings, meta: { title, description, kicker, published, readingMinutes, lang, dir } });
});
