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
  bool ok = false;        // no errors (warnings allowed)
  std::string html;       // empty unless ok
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in document order of discovery
  // meta (valid when the document parsed as an object)
  std::string id, title, lang, spoilers = "none";
  std::string description;  // for <meta name="description"> (no gated text unless opted in)
  std::string json_ld;      // schema.org Article + FAQPage, safe inside <script type="application/ld+json">
  RenderedArticle rendered;  // html moved out; toc, dir, reading minutes kept
};

// Validates and renders. With want_html=false the HTML is not kept (validation only).
ArticleResult render_article_json(std::string_view json_text, const RenderOptions& options, bool want_html = true);

// Render options from their JSON form ({"idPrefix":"aw1-","revealSpoilers":true,"limits":{…}});
// problems become invalid-option diagnostics and the option keeps its default.
RenderOptions parse_render_options(std::string_view options_json, std::vector<Diagnostic>& problems);

// Standalone Markdown → HTML (no article context: no citations, no anchor checks). Input past
// limits.max_input_bytes is cut; nesting past limits.max_markdown_nesting renders as plain text.
std::string render_markdown_fragment(std::string_view markdown, const RenderOptions& options);

// The report as JSON: {"ok":…,"errors":[…],"warnings":[…],"meta":{…}}. Diagnostics carry
// code, severity, path, line, column, offset (UTF-8 bytes) and message.
std::string result_report_json(const ArticleResult& result, const RenderOptions& options);

}  // namespace aw
