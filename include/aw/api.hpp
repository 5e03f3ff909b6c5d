// The library's front door: JSON text in, HTML and a report out. Nothing here throws; every
// problem is a Diagnostic. The wasm bindings and the native tests both call these.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "aw/diagnostics.hpp"
#include "aw/options.hpp"
#include "aw/render.hpp"

namespace aw {

struct ArticleResult {
  bool ok = false;                      // no errors (warnings allowed)
  std::string html;                     // empty unless ok
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in document order of discovery
  // meta (valid when the document parsed as an object)
  std::string id, title, lang, spoilers = "none";
  std::string kicker, published, updated;  // as written (dates ISO)
  std::vector<std::string> authors;        // names
  std::string description;                 // for <meta name="description"> (no gated text unless opted in)
  std::string json_ld;                     // schema.org Article + FAQPage, safe inside <script type="application/ld+json">
  std::string hero_image, hero_alt_text;   // for the page shell's og:image
  int hero_width = 0, hero_height = 0;
  RenderedArticle rendered;  // html moved out; toc, dir, reading minutes kept
};

// Validates and renders. With want_html=false the HTML is not kept (validation only).
ArticleResult render_article_json(std::string_view json_text, const RenderOptions& options, bool want_html = true);

// Render options from their JSON form ({"idPrefix":"aw1-","revealSpoilers":true,"limits":{…}});
// problems become invalid-option diagnostics and the option keeps its default.
RenderOptions parse_render_options(std::string_view options_json, std::vector<Diagnostic>& problems);

// Standalone Markdown → HTML (no article context: no citations, no anchor checks), with a Markdown
// field's limits: over limits.max_markdown_bytes is an input-too-large error and no HTML; nesting
// past limits.max_markdown_nesting renders as plain text with an error. Problems are located in
// the Markdown text itself (path "").
struct MarkdownResult {
  bool ok = false;
  std::string html;
  std::vector<Diagnostic> diagnostics;
};
MarkdownResult render_markdown_checked(std::string_view markdown, const RenderOptions& options);
inline std::string render_markdown_fragment(std::string_view markdown, const RenderOptions& options) {
  return render_markdown_checked(markdown, options).html;
}

// The report as JSON: {"ok":…,"errors":[…],"warnings":[…],"meta":{…}}. Diagnostics carry
// code, severity, path, line, column, offset (UTF-8 bytes) and message.
std::string result_report_json(const ArticleResult& result, const RenderOptions& options);

// The calls of the JavaScript API, whole: options JSON in, HTML and report JSON out. The wasm
// bindings only move these bytes; everything decided about a call is decided here.
struct CallOutput {
  std::string html, report;
};
enum class Entry { Article = 0, Markdown = 1, Index = 2 };
// The byte limit on an entry's input under these options (maxInputBytes, maxMarkdownBytes). The
// caller refuses a longer input before copying it into wasm: a text of n UTF-16 units is at least
// n UTF-8 bytes, so no input over the limit ever costs memory here.
size_t call_input_limit(Entry entry, std::string_view options_json);
CallOutput call_render(std::string_view json_text, std::string_view options_json, bool want_html);
CallOutput call_render_markdown(std::string_view markdown, std::string_view options_json);
// The index page of a site (shell.hpp's render_index_page); report as for Markdown.
CallOutput call_render_index(std::string_view index_json, std::string_view options_json);
// The result for an input that was never handed over: at least `input_bytes` long and over the
// limit, or (out_of_memory) too large for the memory the module could get.
CallOutput call_refused(Entry entry, size_t input_bytes, bool out_of_memory, std::string_view options_json);

// What the error state tells a reader, decided here so the shim only shows it. Facts in, as JSON:
// {"kind": "network" | "timeout" | "http" | "stylesheet" | "invalid" | …, "status": 404,
//  "lang": [the article's language, the page's…], "codes": [the errors' codes, for "invalid"]}.
// Out: {"title", "message", "retry" (whether asking again can help), "retryLabel", "shown" (how
// many located problems to list), "more" ("…and 4 more", or "")}, in the first of the languages
// the label table has.
std::string call_failure_text(std::string_view facts_json);

}  // namespace aw
