// Limits and render options. Defaults are documented in docs/API.md; every limit is configurable.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace aw {

struct Limits {
  size_t max_input_bytes = 4u << 20;   // whole JSON text
  size_t max_depth = 64;               // JSON nesting
  size_t max_items = 2000;             // entries in any one array
  size_t max_text_chars = 2000;        // a plain-text field, in code points
  size_t max_markdown_bytes = 100000;  // one Markdown field
  size_t max_markdown_nesting = 32;    // lists/block quotes inside one another
  // The work budget of one render (docs/SECURITY.md): past either, rendering stops with a located
  // render-budget-exceeded error, so no input within the limits above can freeze a reader's tab.
  size_t max_markdown_elements = 200000;  // cmark nodes over all Markdown fields, citations included
  size_t max_html_bytes = 16u << 20;      // the article's HTML

  // Hard ceilings, whatever a caller configures (docs/SECURITY.md): past them memory (JSON
  // Pointers per level) or cmark 0.30.2's time (per nesting level and line) stops being linear.
  static constexpr size_t kDepthCeiling = 1000;
  static constexpr size_t kMarkdownNestingCeiling = 256;
  // Every other limit is at most this: larger values could not be held in 32-bit wasm memory.
  static constexpr size_t kSizeCeiling = 1u << 30;
};

struct RenderOptions {
  std::string id_prefix = "aw-";                              // every emitted id starts with it: ^[A-Za-z][A-Za-z0-9_-]{0,31}$
  bool reveal_spoilers = false;                               // render gated parts open (e.g. a publisher's spoiler-free policy off)
  bool allow_remote_images = false;                           // images from any other origin (default: same-origin only)
  std::vector<std::string> image_origins;                     // or from these origins only (url_origin's form: "https://img.example.com")
  bool spoilers_in_metadata = false;                          // gated text in JSON-LD / description (see structured_data.hpp)
  std::string publisher_name, publisher_url, publisher_logo;  // schema.org publisher
  std::string canonical_url;                                  // schema.org mainEntityOfPage
  // Server-side rendering: what wraps the <article>. "none" (the article alone), "element"
  // (<article-widget> with a declarative shadow root the browser script hydrates in place) or
  // "page" (a whole HTML document: head with title, description and JSON-LD, then the element).
  std::string shell = "none";
  // The call renders for mounting in the page (what the browser widget does): the HTML fragment
  // comes as ASCII (ascii_html: it crosses into JavaScript ~10× faster) and an article's meta
  // leaves out what only page building reads (jsonLd, toc). Ignored with a shell.
  bool mount = false;
  bool mounting() const { return mount && shell == "none"; }
  // Where the element's markup puts the article: "shadow" (a declarative shadow root) or "light"
  // (the element's own children, dom="light", styled by the light stylesheet: reader modes and
  // text search see it; docs/HTML.md "Light DOM").
  std::string dom = "shadow";
  std::string src;              // the element's src attribute (the article's URL), optional
  std::string stylesheet_href;  // <link rel="stylesheet"> inside the shadow root
  std::string stylesheet_text;  // or the stylesheet inlined in a <style> (for standalone pages)
  std::string script_src;       // page shell: the module script that hydrates the element
  // Subresource Integrity ("sha384-…") of the linked stylesheet and the page's script: the
  // browser refuses a file that does not match (crossorigin="anonymous" is added with it).
  std::string stylesheet_integrity, script_integrity;
  std::map<std::string, std::string> labels;  // publisher overrides of interface words (labels.hpp keys)
  Limits limits;
};

}  // namespace aw
