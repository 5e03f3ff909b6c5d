// Where the bytes of a .wasm go: section sizes, and (when the module keeps a "name" section, e.g.
// linked with --profiling-funcs) code bytes per function, grouped by origin. No dependencies.
//
//   node bench/wasm-profile.js file.wasm [--top 30]
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'elem', 'code', 'data', 'datacount'];

export function profileWasm(bytes) {
  let p = 8;
  const u32 = () => {
    let result = 0, shift = 0, b;
    do {
      b = bytes[p++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return result;
  };
  const str = () => {
    const n = u32();
    const s = new TextDecoder().decode(bytes.subarray(p, p + n));
    p += n;
    return s;
  };
  const sections = [];
  let importedFuncs = 0;
  const bodies = []; // [size] per defined function
  const names = new Map(); // function index → name
  const dataSegments = [];
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = u32();
    const start = p;
    let name = SECTION_NAMES[id] ?? `id${id}`;
    if (id === 0) name = `custom:${str()}`;
    sections.push({ name, size: size + (start - (start - 1)) + lebLen(size) });
    if (id === 2) {
      const n = u32();
      for (let i = 0; i < n; i++) {
        str(); str();
        const kind = bytes[p++];
        if (kind === 0) { u32(); importedFuncs++; }
        else if (kind === 1) { p++; const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 3) { p += 2; }
      }
    } else if (id === 10) {
      const n = u32();
      for (let i = 0; i < n; i++) {
        const before = p;
        const len = u32();
        bodies.push({ size: len + (p - before), start: before, end: p + len });
        p += len;
      }
    } else if (id === 11) {
      const n = u32();
      for (let i = 0; i < n; i++) {
        const flags = u32();
        if (flags === 2) u32();
        if (flags !== 1) { while (bytes[p] !== 0x0b) p++; p++; } // the offset expression
        const len = u32();
        dataSegments.push({ size: len, start: p, end: p + len });
        p += len;
      }
    } else if (name === 'custom:name') {
      while (p < start + size) {
        const sub = bytes[p++];
        const subSize = u32();
        const subEnd = p + subSize;
        if (sub === 1) {
          const n = u32();
          for (let i = 0; i < n; i++) { const idx = u32(); names.set(idx, str()); }
        }
        p = subEnd;
      }
    }
    p = start + size;
  }
  const functions = bodies.map((b, i) => ({ name: names.get(importedFuncs + i) ?? `func${importedFuncs + i}`, ...b }));
  return { total: bytes.length, sections, functions, dataSegments };
}

function lebLen(n) {
  let k = 1;
  while (n >= 128) { n = Math.floor(n / 128); k++; }
  return k;
}

// Function names defined in cmark's C sources (its static helpers included), read once.
let cmarkNames = null;
function cmarkFunctions() {
  if (cmarkNames) return cmarkNames;
  cmarkNames = new Set();
  const dir = new URL('../build/deps/cmark-0.30.2/src/', import.meta.url);
  let files;
  try { files = readdirSync(dir).filter((f) => f.endsWith('.c') || f.endsWith('.h') || f.endsWith('.inc')); } catch { return cmarkNames; }
  for (const f of files) {
    for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/^(?:static\s+)?(?:inline\s+)?(?:CMARK_INLINE\s+)?(?:const\s+)?[A-Za-z_][\w \t*]*?\b([A-Za-z_]\w*)\s*\(/gm)) cmarkNames.add(m[1]);
  }
  return cmarkNames;
}

// Origin of a (demangled) function name, for the size breakdown.
export function originOf(name) {
  const plain = name.replace(/^byn\$mgfn-shared\$/, '').replace(/\.\d+$/, '');
  if (/nlohmann/.test(name)) return 'nlohmann-json';
  if (cmarkFunctions().has(plain) || /^(cmark_|_scan_|houdini_)/.test(plain)) return 'cmark (C)';
  if (/^aw::|\(anonymous namespace\)::/.test(name)) return 'project (aw::, and what LTO inlined into the bindings)';
  if (/emscripten::|_embind_|EmVal|BindingType|__getTypeName|embind/.test(name)) return 'Embind';
  if (/^__cxxabiv1|^__cxa_|type_info|^__dynamic_cast|update_offset_to_base|^is_equal/.test(name)) return 'C++ ABI (RTTI, dynamic_cast)';
  if (/^std::|^void std::|^bool std::|__2::/.test(name)) return 'libc++ (std::)';
  if (/^(dlmalloc|dlfree|dlrealloc|malloc|free|realloc|calloc|sbrk|dispose_chunk|init_mparams|sys_alloc|prepend_alloc|tmalloc_|internal_memalign|emmalloc|emscripten_builtin_|operator new|operator delete|try_realloc_chunk|change_mparam|release_unused_segments|add_segment|posix_memalign|memalign|aligned_alloc)/.test(plain) || /^(emmalloc|claim_more_memory|attempt_allocate|allocate_memory|region_|compute_free_list|link_to_free_list|unlink_from_free_list|prepend_to_free_list|create_memory_region|validate_)/.test(plain)) return 'malloc';
  if (/^(__.*tf[23]?|__extend|__trunc|__float|__fix|fmt_fp|fmt_[a-z]|printf_core|pop_arg|__vfprintf_internal|vfprintf|vsnprintf|snprintf|sn_write|__stdio_write|__fwritex|__towrite|fwrite|fputs|fprintf|getint|pad|out|strtox|strtod|strtold|strtof|__floatscan|__shgetc|__shlim|scalbnl?|fmodl|frexpl?|copysignl|__multi3|__ashlti3|__lshrti3|decfloat|hexfloat|scanexp|__intscan)/.test(plain)) return 'printf / strtod (musl, with long double)';
  if (/^(mem|str|is[a-z]+$|to(lower|upper)$|abort|__|a_|qsort|sift|trinkle|shr|shl|pntz|cycle|wc|mbr|__lock|__unlock|stack|emscripten_stack)/.test(plain)) return 'libc (other)';
  return 'other';
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 30;
  const prof = profileWasm(readFileSync(file));
  const out = [];
  out.push(`${file}: ${prof.total} bytes`);
  out.push('sections:');
  for (const s of prof.sections) out.push(`  ${s.name.padEnd(28)} ${String(s.size).padStart(8)}`);
  const bytes = readFileSync(file);
  const concat = (parts) => Buffer.concat(parts.map((x) => bytes.subarray(x.start, x.end)));
  if (prof.dataSegments.length) {
    const sizes = prof.dataSegments.map((d) => d.size);
    out.push(`  (${sizes.length} data segments, largest ${Math.max(...sizes)} bytes; data alone brotli ${brotli(concat(prof.dataSegments))})`);
  }
  const byOrigin = new Map();
  for (const f of prof.functions) {
    const o = originOf(f.name);
    const e = byOrigin.get(o) ?? { bytes: 0, count: 0, parts: [] };
    e.bytes += f.size; e.count++; e.parts.push(f);
    byOrigin.set(o, e);
  }
  const code = prof.functions.reduce((a, f) => a + f.size, 0);
  out.push(`code by origin (${prof.functions.length} functions, ${code} bytes, brotli alone ${brotli(concat(prof.functions))}):`);
  out.push(`  ${'origin'.padEnd(20)} ${'bytes'.padStart(8)}  ${'share'.padStart(6)}  ${'brotli'.padStart(7)}  functions`);
  for (const [o, e] of [...byOrigin].sort((a, b) => b[1].bytes - a[1].bytes))
    out.push(`  ${o.padEnd(20)} ${String(e.bytes).padStart(8)}  ${(100 * e.bytes / code).toFixed(1).padStart(5)}%  ${String(brotli(concat(e.parts))).padStart(7)}  ${e.count}`);
  out.push(`largest ${top} functions:`);
  for (const f of [...prof.functions].sort((a, b) => b.size - a.size).slice(0, top))
    out.push(`  ${String(f.size).padStart(7)} ${String(brotli(concat([f]))).padStart(6)}  ${f.name.slice(0, 150)}`);
  console.log(out.join('\n'));
}
