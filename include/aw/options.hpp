// Limits and render options. Defaults are documented in docs/API.md; every limit is configurable.
#pragma once
#include <cstddef>
#include <map>
#include <string>

namespace aw {

struct Limits {
  size_t max_input_bytes = 4u << 20;      // whole JSON text
  size_t max_depth = 64;                  // JSON nesting
  size_t max_items = 2000;                // entries in any one array
  size_t max_text_chars = 2000;           // a plain-text field, in code points
  size_t max_markdown_bytes = 100000;     // one Markdown field
  size_t max_markdown_nesting = 32;       // lists/block quotes inside one another
};

struct RenderOptions {
  std::string id_prefix = "aw-";  // every emitted id starts with it: ^[A-Za-z][A-Za-z0-9_-]{0,31}$
  bool reveal_spoilers = false;   // render gated parts open (e.g. a publisher's spoiler-free policy off)
  bool allow_remote_images = false;  // Markdown images from other origins (default: same-origin only)
  bool spoilers_in_metadata = false;  // gated text in JSON-LD / description (see structured_data.hpp)
  std::string publisher_name, publisher_url, publisher_logo;  // schema.org publisher
  std::string canonical_url;                                  // schema.org mainEntityOfPage
  std::map<std::string, std::string> labels;  // publisher overrides of interface words (labels.hpp keys)
  Limits limits;
};

}  // namespace aw
