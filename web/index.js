// article-widget's public JavaScript API, for browsers and Node (ES module, no dependencies).
//
//   const w = await loadWidget();          // once, async: fetches and instantiates the wasm
//   w.render(jsonText, options)            // → { ok, html, errors, warnings, meta }   (sync)
//   w.validate(jsonText, options)          // → { ok, errors, warnings, meta }          (sync)
//   w.renderMarkdown(markdown, options)    // → HTML string                             (sync)
//
// All parsing, validation and rendering happen in C++ (src/); this file only moves bytes across
// the wasm boundary. Errors are data: nothing here throws for bad article input.

import createCore from './dist/article-widget-core.mjs';

// Where the wasm sits relative to this module. The browser bundle (web/dist/article-widget.js,
// built beside the wasm by CMake) replaces AW_WASM_PATH with './article-widget-core.wasm'.
const WASM_PATH = typeof AW_WASM_PATH === 'string' ? AW_WASM_PATH : './dist/article-widget-core.wasm';
const isNode = typeof process === 'object' && typeof process.versions?.node === 'string' && typeof window === 'undefined';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Loads the wasm module. Options: { wasmUrl?: string|URL, wasmBinary?: ArrayBuffer|Uint8Array } */
export async function loadWidget(options = {}) {
  const wasmUrl = String(options.wasmUrl ?? new URL(WASM_PATH, import.meta.url));
  const moduleArgs = {
    // Always explicit: the glue's own lookup trusts document.currentScript, which page markup
    // can clobber.
    locateFile: () => wasmUrl,
    print: () => {},
    printErr: () => {},
  };
  let failed = null; // rejects when the browser path below fails (the glue would wait forever)
  if (options.wasmBinary) {
    moduleArgs.wasmBinary = options.wasmBinary;
  } else if (isNode) {
    const { readFile } = await import('node:fs/promises');
    moduleArgs.wasmBinary = await readFile(new URL(wasmUrl));
  } else {
    // Fetch and compile now, while the glue sets itself up, rather than once it asks.
    const compiled = compileWasm(wasmUrl);
    let fail;
    failed = new Promise((_, reject) => (fail = reject));
    moduleArgs.instantiateWasm = (imports, receive) => {
      compiled.then((module) => WebAssembly.instantiate(module, imports)).then((instance) => receive(instance), fail);
      return {};
    };
  }
  const core = await (failed ? Promise.race([createCore(moduleArgs), failed]) : createCore(moduleArgs));
  return new Widget(core);
}

async function compileWasm(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  // Streaming compilation needs the right MIME type; a server that sends another still works.
  return response.headers.get('Content-Type')?.startsWith('application/wasm')
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}

class Widget {
  #core;
  #buffers = []; // [ptr, capacity] per argument slot, reused across calls

  constructor(core) {
    this.#core = core;
  }

  /** Validates and renders an article. `article` is JSON text (or an object, serialised here). */
  render(article, options = {}) {
    const text = typeof article === 'string' ? article : JSON.stringify(article) ?? '';
    const out = this.#call('render', text, options, true);
    const report = JSON.parse(out.report);
    return { ok: report.ok, html: out.html, errors: report.errors, warnings: report.warnings, meta: report.meta };
  }

  /** Validates an article without keeping its HTML. */
  validate(article, options = {}) {
    const text = typeof article === 'string' ? article : JSON.stringify(article) ?? '';
    const report = JSON.parse(this.#call('render', text, options, false).report);
    return { ok: report.ok, errors: report.errors, warnings: report.warnings, meta: report.meta };
  }

  /** Renders one Markdown string to safe HTML (no article context: no citations). */
  renderMarkdown(markdown, options = {}) {
    return this.#call('renderMarkdown', String(markdown), options).html;
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

  #call(fn, text, options, ...extra) {
    const [inPtr, inLen] = this.#write(0, text);
    const [optPtr, optLen] = this.#write(1, JSON.stringify(options ?? {}));
    const result = this.#core[fn](inPtr, inLen, optPtr, optLen, ...extra);
    // The views point into wasm memory and die at the next call: decode now.
    return { html: decoder.decode(result.html), report: decoder.decode(result.report) };
  }

  // UTF-8 encodes `text` straight into a reusable buffer in wasm memory.
  #write(slot, text) {
    const needed = text.length * 3 + 1; // UTF-8 never needs more than 3 bytes per UTF-16 unit
    let [ptr, capacity] = this.#buffers[slot] ?? [0, 0];
    if (capacity < needed) {
      if (ptr) this.#core._free(ptr);
      capacity = Math.max(needed, 4096);
      ptr = this.#core._malloc(capacity);
      this.#buffers[slot] = [ptr, capacity];
    }
    const { written } = encoder.encodeInto(text, this.#core.HEAPU8.subarray(ptr, ptr + capacity));
    return [ptr, written];
  }
}
