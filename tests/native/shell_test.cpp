// Server-side rendering shells: the declarative-shadow-DOM element and the whole page.
#include <gtest/gtest.h>

#include "test_util.hpp"

namespace aw {
namespace {

bool contains(const std::string& h, const std::string& n) { return h.find(n) != std::string::npos; }

TEST(Shell, NoneIsTheArticleAlone) {
  ArticleResult r = test::run(test::minimal_article());
  EXPECT_EQ(r.html.rfind("<article class=\"aw-article\"", 0), 0u);
}

TEST(Shell, ElementWrapsTheArticleInADeclarativeShadowRoot) {
  std::vector<Diagnostic> problems;
  RenderOptions o = parse_render_options(
      R"({"shell": "element", "src": "/a/x.json?v=1&w='2'", "stylesheetHref": "/web/article-widget.css"})", problems);
  ASSERT_TRUE(problems.empty());
  ArticleResult r = test::run(test::minimal_article(), o);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.html.rfind("<article-widget src=\"/a/x.json?v=1&amp;w=&#x27;2&#x27;\" data-aw-ssr>\n<template shadowrootmode=\"open\">\n"
                         "<link rel=\"stylesheet\" href=\"/web/article-widget.css\">\n<article class=\"aw-article\"", 0),
            0u);
  EXPECT_TRUE(contains(r.html, "</article>\n</template>\n</article-widget>\n"));
}

TEST(Shell, PageHasHeadMetadataAndInlineStyleThatCannotBreakOut) {
  std::vector<Diagnostic> problems;
  RenderOptions o = parse_render_options(
      R"({"shell": "page", "stylesheetText": "a{color:red}</style><script>x</script>", "scriptSrc": "/web/widget.js",
          "canonicalUrl": "https://s.test/a"})",
      problems);
  ASSERT_TRUE(problems.empty());
  nlohmann::json a = test::minimal_article();
  a["title"] = "Title </title><script>";
  a["dek"] = "Dek \"quoted\"";
  ArticleResult r = test::run(a, o);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.html.rfind("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">", 0), 0u);
  EXPECT_TRUE(contains(r.html, "<title>Title &lt;/title&gt;&lt;script&gt;</title>"));
  EXPECT_TRUE(contains(r.html, "<meta name=\"description\" content=\"Dek &quot;quoted&quot;\">"));
  EXPECT_TRUE(contains(r.html, "<script type=\"application/ld+json\">{\"@context\""));
  EXPECT_TRUE(contains(r.html, "<link rel=\"canonical\" href=\"https://s.test/a\">"));
  EXPECT_TRUE(contains(r.html, "<script type=\"module\" src=\"/web/widget.js\"></script>"));
  EXPECT_TRUE(contains(r.html, "<style>a{color:red}<\\/style><script>x<\\/script></style>"));
  EXPECT_TRUE(contains(r.html, "<article-widget data-aw-ssr>"));
}

TEST(Shell, BadShellOptionsAreErrors) {
  std::vector<Diagnostic> problems;
  parse_render_options(R"({"shell": "iframe", "scriptSrc": "javascript:x", "stylesheetHref": 3})", problems);
  ASSERT_EQ(problems.size(), 3u);
}

}  // namespace
}  // namespace aw
