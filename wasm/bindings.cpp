// Embind bindings: no logic here. Strings cross as UTF-8 bytes: JS writes the input into the
// module's memory (malloc + TextEncoder.encodeInto) and reads results through typed_memory_view
// + TextDecoder, so no per-character copies happen at the boundary. Results stay valid until the
// next call (they live in `last`).
#include <emscripten/bind.h>

#include <string>
#include <string_view>

#include "aw/api.hpp"

namespace {

using emscripten::val;

struct LastResult {
  std::string html, report;
} last;

std::string_view bytes(uintptr_t ptr, size_t len) { return {reinterpret_cast<const char*>(ptr), len}; }

val view(const std::string& s) {
  return val(emscripten::typed_memory_view(s.size(), reinterpret_cast<const unsigned char*>(s.data())));
}

val results() {
  val out = val::object();
  out.set("html", view(last.html));
  out.set("report", view(last.report));
  return out;
}

aw::RenderOptions options_from(uintptr_t ptr, size_t len, std::vector<aw::Diagnostic>& problems) {
  return aw::parse_render_options(bytes(ptr, len), problems);
}

val render(uintptr_t json, size_t json_len, uintptr_t opts, size_t opts_len, bool want_html) {
  std::vector<aw::Diagnostic> problems;
  aw::RenderOptions options = options_from(opts, opts_len, problems);
  aw::ArticleResult result = aw::render_article_json(bytes(json, json_len), options, want_html && problems.empty());
  if (!problems.empty()) {
    result.ok = false;
    result.html.clear();
    result.diagnostics.insert(result.diagnostics.begin(), problems.begin(), problems.end());
  }
  last.html = std::move(result.html);
  last.report = aw::result_report_json(result, options);
  return results();
}

val render_markdown(uintptr_t md, size_t md_len, uintptr_t opts, size_t opts_len) {
  std::vector<aw::Diagnostic> problems;
  aw::RenderOptions options = options_from(opts, opts_len, problems);
  last.html = aw::render_markdown_fragment(bytes(md, md_len), options);
  last.report.clear();
  return results();
}

void release() {
  last.html = std::string();
  last.report = std::string();
}

}  // namespace

EMSCRIPTEN_BINDINGS(article_widget) {
  emscripten::function("render", &render);
  emscripten::function("renderMarkdown", &render_markdown);
  emscripten::function("release", &release);
}
