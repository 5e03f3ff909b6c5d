// schema.org JSON-LD for an article: an Article (headline, authors, reviewers, dates, publisher)
// and, when it has questions, an FAQPage. The text is safe inside
// <script type="application/ld+json">: every < > & U+2028 U+2029 is a \u escape.
//
// Gated (spoiler) text stays out by default: search engines show JSON-LD as snippets, and a
// spoiler-conscious publisher does not want the ending in a results page. FAQPage also must only
// describe answers visible on the page, which gated answers are not until revealed.
// RenderOptions::spoilers_in_metadata opts in.
#pragma once
#include <string>

#include "aw/model.hpp"
#include "aw/options.hpp"

namespace aw {

std::string article_json_ld(const Article& article, const RenderOptions& options);

// A plain-text description for <meta name="description">: the dek, else the quick answer unless
// it is gated, else "".
std::string article_description(const Article& article, const RenderOptions& options);

// The hero's URL for JSON-LD "image" and og:image: resolved against canonicalUrl (they want an
// absolute URL), or "" without a hero or when the render options do not let it load.
std::string hero_image_url(const Article& article, const RenderOptions& options);

}  // namespace aw
