// Article → the widget's HTML (the contract in docs/HTML.md), in page order, in one walk.
// Markdown problems that only rendering can find (unknown citations, broken anchors, unsafe
// links) are reported to `diags` located inside their JSON string.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "aw/diagnostics.hpp"
#include "aw/model.hpp"
#include "aw/options.hpp"

namespace aw {

struct TocEntry {
  std::string id;      // the article's id for it (section id)
  std::string anchor;  // the element id in the output (prefix + id)
  std::string title;
  int level = 1;
};

struct RenderedArticle {
  std::string html;
  int reading_minutes = 0;
  std::string dir;  // "ltr" | "rtl"
  std::vector<TocEntry> toc;
};

// json_text is the document the article came from (to locate Markdown problems).
RenderedArticle render_article(const Article& article, const RenderOptions& options, std::string_view json_text, Diagnostics& diags);

// Whether an id prefix is acceptable: ^[A-Za-z][A-Za-z0-9_-]{0,31}$ (cannot collide with the
// host page's ids by accident, cannot break out of an attribute).
bool is_valid_id_prefix(std::string_view prefix);

}  // namespace aw
