// Embind bindings: they only move bytes. JS writes the input into the module's memory (malloc +
// TextEncoder.encodeInto) and reads results through typed_memory_view + TextDecoder, so no
// per-character copies happen at the boundary. Everything a call decides is decided in the core
// (aw::call_* in api.hpp). Results stay valid until the next call (they live in `last`).
// Compiled twice (CMakeLists.txt): the full module for Node, the CLI and server-side rendering, and
// with AW_READER_BUILD the browser's reader module, which binds only what web/widget/ calls
// (render, inputLimit, refuse, failureText, release).
#include <emscripten/bind.h>

#include <string>
#include <string_view>

#include "aw/api.hpp"

namespace {

using emscripten::val;

aw::CallOutput last;

std::string_view bytes(uintptr_t ptr, size_t len) { return {reinterpret_cast<const char*>(ptr), len}; }

val view(const std::string& s) { return val(emscripten::typed_memory_view(s.size(), reinterpret_cast<const unsigned char*>(s.data()))); }

val hand_over(aw::CallOutput output) {
  last = std::move(output);
  val out = val::object();
  out.set("html", view(last.html));
  out.set("report", view(last.report));
  return out;
}

val render(uintptr_t json, size_t json_len, uintptr_t opts, size_t opts_len, bool want_html) {
  return hand_over(aw::call_render(bytes(json, json_len), bytes(opts, opts_len), want_html));
}

#ifndef AW_READER_BUILD
val render_markdown(uintptr_t md, size_t md_len, uintptr_t opts, size_t opts_len) {
  return hand_over(aw::call_render_markdown(bytes(md, md_len), bytes(opts, opts_len)));
}

val render_index(uintptr_t index, size_t index_len, uintptr_t opts, size_t opts_len) {
  return hand_over(aw::call_render_index(bytes(index, index_len), bytes(opts, opts_len)));
}
#endif

// entry: 0 = article (render, validate), 1 = Markdown (renderMarkdown), 2 = index (renderIndex).
size_t input_limit(int entry, uintptr_t opts, size_t opts_len) {
  return aw::call_input_limit(static_cast<aw::Entry>(entry), bytes(opts, opts_len));
}

val refuse(int entry, size_t input_bytes, bool out_of_memory, uintptr_t opts, size_t opts_len) {
  return hand_over(aw::call_refused(static_cast<aw::Entry>(entry), input_bytes, out_of_memory, bytes(opts, opts_len)));
}

val failure_text(uintptr_t facts, size_t facts_len) { return hand_over({"", aw::call_failure_text(bytes(facts, facts_len))}); }

void release() { last = aw::CallOutput(); }

}  // namespace

EMSCRIPTEN_BINDINGS(article_widget) {
  emscripten::function("render", &render);
#ifndef AW_READER_BUILD
  emscripten::function("renderMarkdown", &render_markdown);
  emscripten::function("renderIndex", &render_index);
#endif
  emscripten::function("inputLimit", &input_limit);
  emscripten::function("refuse", &refuse);
  emscripten::function("failureText", &failure_text);
  emscripten::function("release", &release);
}
