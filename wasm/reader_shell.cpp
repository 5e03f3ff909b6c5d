// The browser's reader module (CMakeLists.txt, article-widget-reader) links this file instead of
// shell.cpp: the shim renders with the default shell "none" and never renders an index page, so
// the page shell, the <article-widget> element shell and the index page stay out of its wasm.
// Node, the CLI and server-side rendering use the full module (shell.cpp).
#include "aw/shell.hpp"

namespace aw {

std::string wrap_in_shell(ShellInput in, const RenderOptions& options) {
  // "element" and "page" are server-side rendering's: the reader module returns no HTML for them
  // rather than a page without its shell (the shim never asks for either).
  if (options.shell == "element" || options.shell == "page") return {};
  return std::move(in.article_html);
}

IndexResult render_index_page(std::string_view /*index_json*/, const RenderOptions& /*options*/) { return {}; }

}  // namespace aw
