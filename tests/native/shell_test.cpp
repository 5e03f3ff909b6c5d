// Server-side rendering shells: the declarative-shadow-DOM element and the whole page.
#include <gtest/gtest.h>

#include "aw/shell.hpp"
#include "test_util.hpp"

namespace aw {
namespace {

using test::contains;

TEST(Shell, NoneIsTheArticleAlone) {
  ArticleResult r = test::run(test::minimal_article());
  EXPECT_EQ(r.html.rfind("<article class=\"aw-article\"", 0), 0u);
}

// The minimal article rendered with these options (which must be valid); "" if it failed.
std::string shelled(const char* options) {
  std::vector<Diagnostic> problems;
  RenderOptions o = parse_render_options(options, problems);
  EXPECT_TRUE(problems.empty()) << options;
  ArticleResult r = test::run(test::minimal_article(), o);
  return r.ok ? r.html : "";
}

TEST(Shell, ElementWrapsTheArticleInADeclarativeShadowRoot) {
  std::string html = shelled(R"({"shell": "element", "src": "/a/x.json?v=1&w='2'", "stylesheetHref": "/web/article-widget.css"})");
  EXPECT_EQ(html.rfind("<article-widget src=\"/a/x.json?v=1&amp;w=&#x27;2&#x27;\" data-aw-ssr>\n<template shadowrootmode=\"open\">\n"
                       "<link rel=\"stylesheet\" href=\"/web/article-widget.css\">\n<article class=\"aw-article\"",
                       0),
            0u);
  EXPECT_TRUE(contains(html, "</article>\n</template>\n</article-widget>\n"));
  // The default is the shadow root; "shadow" says so explicitly.
  EXPECT_TRUE(
      contains(shelled(R"({"shell": "page", "dom": "shadow"})"), "<article-widget data-aw-ssr>\n<template shadowrootmode=\"open\">"));
}

TEST(Shell, LightElementHoldsTheArticleAsItsOwnChildren) {
  std::string html =
      shelled(R"({"shell": "element", "dom": "light", "src": "/a/x.json", "stylesheetHref": "/aw/article-widget.light.css"})");
  EXPECT_EQ(html.rfind("<article-widget src=\"/a/x.json\" dom=\"light\" data-aw-ssr>\n"
                       "<link rel=\"stylesheet\" href=\"/aw/article-widget.light.css\">\n<article class=\"aw-article\"",
                       0),
            0u);
  EXPECT_TRUE(contains(html, "</article>\n</article-widget>\n"));
  EXPECT_FALSE(contains(html, "<template"));
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

TEST(Shell, PageHasLinkPreviewTagsAndIntegrity) {
  std::vector<Diagnostic> problems;
  RenderOptions o = parse_render_options(
      R"({"shell": "page", "canonicalUrl": "https://s.test/a", "publisher": {"name": "S & Co"},
          "scriptSrc": "/aw/a.js", "scriptIntegrity": "sha384-AbC+/=", "stylesheetHref": "/aw/a.css",
          "stylesheetIntegrity": "sha256-x"})",
      problems);
  ASSERT_TRUE(problems.empty());
  nlohmann::json a = test::minimal_article();
  a["title"] = "T \"1\"";
  a["dek"] = "D <b>";
  a["updated"] = a["published"];
  ArticleResult r = test::run(a, o);
  ASSERT_TRUE(r.ok);
  for (const char* tag :
       {"<meta property=\"og:type\" content=\"article\">", "<meta property=\"og:title\" content=\"T &quot;1&quot;\">",
        "<meta property=\"og:description\" content=\"D &lt;b&gt;\">", "<meta property=\"og:url\" content=\"https://s.test/a\">",
        "<meta property=\"og:site_name\" content=\"S &amp; Co\">", "<meta name=\"twitter:card\" content=\"summary\">",
        "<meta name=\"twitter:title\" content=\"T &quot;1&quot;\">", "<meta name=\"twitter:description\" content=\"D &lt;b&gt;\">"})
    EXPECT_TRUE(contains(r.html, tag)) << tag;
  EXPECT_TRUE(contains(r.html, "<meta property=\"article:published_time\" content=\"" + a["published"].get<std::string>() + "\">"));
  EXPECT_TRUE(contains(r.html, "<meta property=\"article:modified_time\""));
  EXPECT_TRUE(contains(r.html, "<meta property=\"article:author\" content=\"" + a["authors"][0]["name"].get<std::string>() + "\">"));
  EXPECT_TRUE(contains(r.html, "<script type=\"module\" src=\"/aw/a.js\" integrity=\"sha384-AbC+/=\" crossorigin=\"anonymous\"></script>"));
  EXPECT_TRUE(contains(r.html, "<link rel=\"stylesheet\" href=\"/aw/a.css\" integrity=\"sha256-x\" crossorigin=\"anonymous\">"));
}

TEST(Shell, IndexPageListsArticlesEscaped) {
  IndexResult r = render_index_page(
      R"({"lang": "es", "title": "Todo <i>", "articles": [
            {"href": "a/b.html?x=1&y=2", "title": "Uno & dos", "kicker": "K", "description": "D \"q\"", "published": "2026-03-05", "readingMinutes": 7},
            {"href": "c.html", "title": "Tres", "lang": "he", "dir": "rtl"}]})",
      RenderOptions{});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.html.rfind("<!doctype html>\n<html lang=\"es\" dir=\"ltr\">", 0), 0u);
  EXPECT_TRUE(contains(r.html, "<h1>Todo &lt;i&gt;</h1>"));
  EXPECT_TRUE(contains(r.html, "<h2><a href=\"a/b.html?x=1&amp;y=2\">Uno &amp; dos</a></h2>"));
  EXPECT_TRUE(contains(r.html, "<p>D &quot;q&quot;</p>"));
  EXPECT_TRUE(contains(r.html, "<time datetime=\"2026-03-05\">5 de marzo de 2026</time> · 7 min de lectura")) << r.html;
  EXPECT_TRUE(contains(r.html, "<li><article>\n<p class=\"kicker\">K</p>"));
  EXPECT_TRUE(contains(r.html, "<li><article lang=\"he\" dir=\"rtl\">\n<h2><a href=\"c.html\">Tres</a></h2>\n</article>"));
}

TEST(Shell, IndexPageLinksItsStylesheetWithIntegrity) {
  RenderOptions o;
  o.stylesheet_href = "assets/index.css";
  o.stylesheet_integrity = "sha384-AbC";
  IndexResult r = render_index_page(R"({"lang": "en", "title": "T", "articles": [{"href": "a.html", "title": "A"}]})", o);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(
      contains(r.html, "<link rel=\"stylesheet\" href=\"assets/index.css\" integrity=\"sha384-AbC\" crossorigin=\"anonymous\">\n</head>"))
      << r.html;
  EXPECT_FALSE(contains(render_index_page(R"({"lang": "en", "title": "T", "articles": []})", RenderOptions{}).html, "stylesheet"));
}

TEST(Shell, IndexPageProblemsAreData) {
  IndexResult r = render_index_page(
      R"j({"lang": "en", "title": "T", "articles": [{"href": "javascript:alert(1)", "title": "x"}, {"title": 3}, 4]})j", RenderOptions{});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.html, "");
  std::vector<std::string> paths;
  for (const Diagnostic& d : r.diagnostics) paths.push_back(d.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"/articles/0/href", "/articles/1/href", "/articles/1/title", "/articles/2"}));
  EXPECT_FALSE(render_index_page("[", RenderOptions{}).ok);
}

TEST(Shell, BadShellOptionsAreErrors) {
  std::vector<Diagnostic> problems;
  parse_render_options(R"({"shell": "iframe", "scriptSrc": "javascript:x", "stylesheetHref": 3, "scriptIntegrity": "md5-x",
                           "stylesheetIntegrity": "sha384-a\"b", "dom": "iframe"})",
                       problems);
  ASSERT_EQ(problems.size(), 6u);
  EXPECT_EQ(problems.back().path, "/dom");
}

}  // namespace
}  // namespace aw
