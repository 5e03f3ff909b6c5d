// article-widget's public JavaScript API, for browsers and Node (ES module, no dependencies).
//
//   const w = await loadWidget();          // once, async: fetches and instantiates the wasm
//   w.render(jsonText, options)            // → { ok, html, errors, warnings, meta }   (sync)
//   w.validate(jsonText, options)          // → { ok, errors, warnings, meta }          (sync)
//   w.renderMarkdown(markdown, options)    // → HTML string                             (sync)
//   w.renderMarkdownResult(markdown, opts) // → { ok, html, errors, warnings }          (sync)
//
// All parsing, validation and rendering happen in C++ (src/); this file only moves bytes across
// the wasm boundary. Errors are data: nothing here throws for bad article input.

import createCore from './dist/article-widget-core.mjs';

// Where the wasm sits relative to this module. The browser bundle (web/dist/article-widget.js,
// built beside the wasm by CMake) replaces AW_WASM_PATH with './article-widget-core.wasm'.
/* global AW_WASM_PATH */
const WASM_PATH = typeof AW_WASM_PATH === 'string' ? AW_WASM_PATH : './dist/article-widget-core.wasm';
const isNode = typeof process === 'object' && typeof process.versions?.node === 'string' && typeof window === 'undefined';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Loads the wasm module. Options: { wasmUrl?: string|URL, wasmIntegrity?: string, wasmBinary?: ArrayBuffer|Uint8Array,
 *  wasmModule?: WebAssembly.Module|Promise<WebAssembly.Module> } */
export async function loadWidget(options = {}) {
  const wasmUrl = String(options.wasmUrl ?? new URL(WASM_PATH, import.meta.url));
  // Compiled once and kept: the widget instantiates it again, synchronously, if an instance ever
  // traps (out of memory inside the core), so the next call works as on a fresh module.
  let compiled;
  if (options.wasmModule) {
    compiled = Promise.resolve(options.wasmModule); // compiled by the caller (the widget: while this module loaded)
  } else if (options.wasmBinary) {
    compiled = WebAssembly.compile(options.wasmBinary);
  } else if (isNode) {
    const { readFile } = await import('node:fs/promises');
    compiled = WebAssembly.compile(await readFile(new URL(wasmUrl)));
  } else {
    compiled = compileWasm(wasmUrl, options.wasmIntegrity); // fetched and compiled while the glue sets itself up
  }
  let fail;
  const failed = new Promise((_, reject) => (fail = reject)); // the glue would wait forever
  const first = createCore(
    coreArgs(wasmUrl, (imports, receive) => {
      compiled.then((module) => WebAssembly.instantiate(module, imports)).then((instance) => receive(instance), fail);
      return {};
    }),
  );
  const core = await Promise.race([first, failed]);
  const module = await compiled;
  return new Widget(core, () => {
    const args = coreArgs(wasmUrl, (imports, receive) => {
      receive(new WebAssembly.Instance(module, imports));
      return {};
    });
    createCore(args); // with a synchronous instantiateWasm the glue finishes before it returns
    return args;
  });
}

function coreArgs(wasmUrl, instantiateWasm) {
  // locateFile always explicit: the glue's own lookup trusts document.currentScript, which page
  // markup can clobber (the glue never fetches: instantiateWasm does).
  return { locateFile: () => wasmUrl, instantiateWasm, print: () => {}, printErr: () => {} };
}

// (The widget has its own copy, web/widget/core.js, which cannot import this module's without
// loading all of it: it compiles the wasm while this module, the render chunk, loads.)
async function compileWasm(url, integrity) {
  // The credentials mode of <link rel="preload" as="fetch" crossorigin>, so a preload is used, not
  // fetched twice; with integrity (sha384-…) the browser refuses bytes that do not match.
  const response = await fetch(url, { credentials: 'same-origin', ...(integrity ? { integrity } : {}) });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  // Streaming compilation needs the right MIME type; a server that sends another still works.
  return response.headers.get('Content-Type')?.startsWith('application/wasm')
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}

const ARTICLE = 0; // the core's aw::Entry
const MARKDOWN = 1;
const INDEX = 2;
const KEEP_BUFFER_BYTES = 1 << 20; // argument buffers larger than this are freed after the call

class Widget {
  #core;
  #freshCore;
  #buffers = []; // [ptr, capacity] per argument slot, reused across calls
  #limits = new Map(); // `${entry} ${options JSON}` → the core's input limit for it (a few entries)

  constructor(core, freshCore) {
    this.#core = core;
    this.#freshCore = freshCore;
  }

  /**
   * Validates and renders an article: JSON text, its UTF-8 bytes (a Uint8Array: invalid UTF-8 is
   * then a located json-syntax error), or an object (serialised here).
   */
  render(article, options = {}) {
    const out = this.#call(ARTICLE, articleInput(article), options, true);
    const report = JSON.parse(out.report);
    return { ok: report.ok, html: out.html, errors: report.errors, warnings: report.warnings, meta: report.meta };
  }

  /** Validates an article without keeping its HTML. */
  validate(article, options = {}) {
    const report = JSON.parse(this.#call(ARTICLE, articleInput(article), options, false).report);
    return { ok: report.ok, errors: report.errors, warnings: report.warnings, meta: report.meta };
  }

  /**
   * Renders one Markdown string to safe HTML (no article context: no citations), with a Markdown
   * field's limits. → { ok, html, errors, warnings }, located in the Markdown text.
   */
  renderMarkdownResult(markdown, options = {}) {
    const out = this.#call(MARKDOWN, markdownInput(markdown), options);
    const report = JSON.parse(out.report);
    return { ok: report.ok, html: out.html, errors: report.errors, warnings: report.warnings };
  }

  /** renderMarkdownResult's HTML alone ('' when the Markdown is over its limit). */
  renderMarkdown(markdown, options = {}) {
    return this.#call(MARKDOWN, markdownInput(markdown), options).html; // the report is not read
  }

  /**
   * What the error state tells a reader, worded by the core in the first of `facts.lang` it has
   * labels for: { title, message, retry, retryLabel, shown, more }; null if the core cannot answer.
   * facts: { kind, status?, lang?: string[], codes?: string[] } (web/widget/failure.js).
   */
  failureText(facts) {
    try {
      const [ptr, len] = this.#write(0, JSON.stringify(facts ?? {}));
      return ptr ? JSON.parse(decode(this.#core.failureText(ptr, len)).report) : null;
    } catch {
      return null;
    }
  }

  /**
   * The index page of a site of articles: { lang, title, articles: [{ href, title, description?,
   * kicker?, published?, readingMinutes? }] } (an object or its JSON text) → { ok, html, errors,
   * warnings }. Render options used: canonicalUrl, limits.
   */
  renderIndex(index, options = {}) {
    const out = this.#call(INDEX, articleInput(index), options);
    const report = JSON.parse(out.report);
    return { ok: report.ok, html: out.html, errors: report.errors, warnings: report.warnings };
  }

  /** Bytes of wasm linear memory (it only grows; a steady value over many renders means no leak). */
  memoryBytes() {
    return this.#core.HEAPU8.length;
  }

  /** Frees the module's result buffers (the module itself is released with the object). */
  release() {
    for (const [ptr] of this.#buffers) if (ptr) this.#core._free(ptr);
    this.#buffers = [];
    this.#core.release();
  }

  #call(entry, input, options, ...extra) {
    const optionsText = JSON.stringify(options ?? {});
    try {
      return this.#callCore(entry, input, optionsText, extra);
    } catch {
      // Only a trap gets here (the core reports every problem as data): the instance is unusable.
      // A fresh one answers this call as out-of-memory, and the next call as on a fresh module.
      this.#core = this.#freshCore();
      this.#buffers = [];
      this.#limits.clear();
      const [optPtr, optLen] = this.#write(1, optionsText);
      return decode(this.#core.refuse(entry, input.length, true, optPtr, optLen));
    }
  }

  #callCore(entry, input, optionsText, extra) {
    const core = this.#core;
    const [optPtr, optLen] = this.#write(1, optionsText);
    // Refused before copying: the input's length (UTF-16 units or bytes) is at most its UTF-8 size.
    if (!optPtr || input.length > this.#inputLimit(entry, optionsText, optPtr, optLen))
      return decode(core.refuse(entry, input.length, !optPtr, optPtr, optLen));
    const [inPtr, inLen] = this.#write(0, input);
    if (!inPtr) return decode(core.refuse(entry, input.length, true, optPtr, optLen));
    const output =
      entry === ARTICLE ? core.render(inPtr, inLen, optPtr, optLen, ...extra)
      : entry === INDEX ? core.renderIndex(inPtr, inLen, optPtr, optLen)
      : core.renderMarkdown(inPtr, inLen, optPtr, optLen);
    const result = decode(output); // the views point into wasm memory and die at the next call
    this.#shrink();
    return result;
  }

  // The core decides the limit; asked once per options text (calls usually repeat their options).
  #inputLimit(entry, optionsText, optPtr, optLen) {
    const key = `${entry} ${optionsText}`;
    let limit = this.#limits.get(key);
    if (limit === undefined) {
      limit = this.#core.inputLimit(entry, optPtr, optLen);
      if (this.#limits.size >= 16) this.#limits.clear();
      this.#limits.set(key, limit);
    }
    return limit;
  }

  // Writes a string (UTF-8 encoded) or bytes into a reusable buffer in wasm memory; [0, 0] when
  // the module cannot allocate it.
  #write(slot, input) {
    const needed = typeof input === 'string' ? input.length * 3 + 1 : input.length + 1; // UTF-8: ≤ 3 bytes per UTF-16 unit
    let [ptr, capacity] = this.#buffers[slot] ?? [0, 0];
    if (capacity < needed) {
      if (ptr) this.#core._free(ptr);
      capacity = Math.max(needed, 4096);
      ptr = this.#core._malloc(capacity);
      this.#buffers[slot] = ptr ? [ptr, capacity] : [0, 0];
      if (!ptr) return [0, 0];
    }
    const memory = this.#core.HEAPU8.subarray(ptr, ptr + capacity);
    if (typeof input !== 'string') {
      memory.set(input);
      return [ptr, input.length];
    }
    return [ptr, encoder.encodeInto(input, memory).written];
  }

  // A large input's buffer is not kept for the next call: its memory goes back to the core's heap.
  #shrink() {
    this.#buffers.forEach(([ptr, capacity], slot) => {
      if (ptr && capacity > KEEP_BUFFER_BYTES) {
        this.#core._free(ptr);
        this.#buffers[slot] = [0, 0];
      }
    });
  }
}

function markdownInput(markdown) {
  return typeof markdown === 'string' || markdown instanceof Uint8Array ? markdown : String(markdown);
}

function articleInput(article) {
  if (typeof article === 'string' || article instanceof Uint8Array) return article;
  if (article instanceof ArrayBuffer) return new Uint8Array(article);
  return JSON.stringify(article) ?? '';
}

function decode(output) {
  return { html: decoder.decode(output.html), report: decoder.decode(output.report) };
}
