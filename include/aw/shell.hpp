// Server-side rendering shells around a rendered article (RenderOptions::shell):
//
// "element":
//   <article-widget src="SRC" data-aw-ssr>
//     <template shadowrootmode="open">
//       <link rel="stylesheet" href="STYLESHEET">   (or <style>…</style>)
//       <article class="aw-article" …>…</article>
//     </template>
//   </article-widget>
// The browser attaches the declarative shadow root while parsing, so the article reads — styled,
// gated parts hidden — without JavaScript; web/widget.js then finds the rendered article in the
// existing shadow root and wires it up in place (no second render, no layout shift).
// With dom "light" the same children sit in the element itself, with no template:
//   <article-widget src="SRC" dom="light" data-aw-ssr> <link …> <article …>…</article> </article-widget>
// (the link is then to the light stylesheet, dist/article-widget.light.css).
//
// "page": <!doctype html> with lang/dir, <title>, <meta name="description">, Open Graph and
// Twitter card tags (og:image: the hero), the JSON-LD, the canonical link, the module script (if
// script_src) and the element above in <body>.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "aw/diagnostics.hpp"
#include "aw/options.hpp"

namespace aw {

struct ShellInput {
  std::string article_html;  // moved into the result when there is no shell
  std::string_view title, lang, dir, description, json_ld;
  std::string_view published, updated;    // ISO dates (article:published_time, …)
  std::vector<std::string_view> authors;  // names (article:author)
  std::string image;                      // og:image (the hero), with its size and text alternative
  int image_width = 0, image_height = 0;
  std::string_view image_alt;
};

std::string wrap_in_shell(ShellInput in, const RenderOptions& options);

// The index page of a site of articles (`article-widget build`), from JSON:
//   {"lang": "en", "title": "Articles", "articles": [{"href", "title", "description"?, "kicker"?,
//    "published"?, "readingMinutes"?, "lang"?, "dir"?}]}
// Text escaped, hrefs checked like every link (an unsafe one is an invalid-value error); dates
// and "{n} min read" in the index's language. Problems are located in that JSON. The options'
// canonical_url and stylesheet_href (with stylesheet_integrity) are linked in its head.
struct IndexResult {
  bool ok = false;
  std::string html;
  std::vector<Diagnostic> diagnostics;
};
IndexResult render_index_page(std::string_view index_json, const RenderOptions& options);

}  // namespace aw
