// Issue 14: images (hero, figures), quotes, notes, citation locators and click-to-load videos —
// their validation (located), their markup (docs/HTML.md "Figures" … "Videos"), the image-origin
// policy, JSON-LD and og:image.
#include <gtest/gtest.h>

#include "aw/escape.hpp"
#include "aw/validate.hpp"
#include "test_util.hpp"

namespace aw {
namespace {

using nlohmann::json;
using test::minimal_article;
using test::run;
using test::with_code;

using test::contains;

json image(const std::string& src = "/media/still.png") {
  return {{"src", src}, {"width", 1200}, {"height", 675}, {"alt", "Mia at the piano"}};
}

json with_media(json entry, bool gated_section = false) {
  json a = minimal_article();
  a["sections"][0]["media"] = json::array({std::move(entry)});
  if (gated_section) {
    a["spoilers"] = {{"level", "major"}};
    a["sections"][0]["spoiler"] = true;
  }
  return a;
}

// The one diagnostic of `r` (and that it is the only one).
Diagnostic only(const ArticleResult& r) {
  EXPECT_EQ(r.diagnostics.size(), 1u) << test::codes(r);
  return r.diagnostics.empty() ? Diagnostic{} : r.diagnostics[0];
}

// ---- Images ----------------------------------------------------------------------------------

TEST(Media, HeroIsEagerWithHighPriorityFiguresAreLazy) {
  json a = with_media({{"figure", image()}});
  a["hero"] = image("/media/hero.png");
  a["hero"]["srcset"] = json::array({{{"src", "/media/hero-800.png"}, {"width", 800}}, {{"src", "/media/hero.png"}, {"width", 1600}}});
  a["hero"]["sizes"] = "(min-width: 48rem) 46rem, 100vw";
  ArticleResult r = run(a);
  ASSERT_TRUE(r.ok) << test::codes(r);
  EXPECT_TRUE(contains(r.html,
                       "<figure class=\"aw-figure aw-hero\">\n<img class=\"aw-image\" src=\"/media/hero.png\" "
                       "srcset=\"/media/hero-800.png 800w, /media/hero.png 1600w\" sizes=\"(min-width: 48rem) 46rem, 100vw\" "
                       "width=\"1200\" height=\"675\" alt=\"Mia at the piano\" loading=\"eager\" fetchpriority=\"high\" "
                       "decoding=\"async\" />"))
      << r.html;
  EXPECT_TRUE(contains(r.html,
                       "<figure class=\"aw-figure\">\n<img class=\"aw-image\" src=\"/media/still.png\" width=\"1200\" "
                       "height=\"675\" alt=\"Mia at the piano\" loading=\"lazy\" decoding=\"async\" />"))
      << r.html;
  // The hero sits under the header, before anything else.
  EXPECT_LT(r.html.find("</header>"), r.html.find("aw-hero"));
  EXPECT_LT(r.html.find("aw-hero"), r.html.find("<section"));
}

TEST(Media, CaptionIsInlineMarkdownThenTheCredit) {
  json fig = image();
  fig["caption"] = "The *last* shot.";
  fig["credit"] = "Photo: Dale & Co";
  ArticleResult r = run(with_media({{"figure", fig}}));
  ASSERT_TRUE(r.ok) << test::codes(r);
  EXPECT_TRUE(contains(r.html,
                       "<figcaption class=\"aw-caption\"><span class=\"aw-caption-text\">The <em>last</em> shot.</span> "
                       "<span class=\"aw-credit\">Photo: Dale &amp; Co</span></figcaption>"))
      << r.html;
  fig["caption"] = "One.\n\nTwo.";
  r = run(with_media({{"figure", fig}}));
  Diagnostic d = only(r);
  EXPECT_EQ(d.code, Code::NotInline);
  EXPECT_EQ(d.path, "/sections/0/media/0/figure/caption");
  EXPECT_TRUE(contains(r.html, "<div class=\"aw-caption-text\"><p>One.</p>\n<p>Two.</p></div>")) << r.html;
}

TEST(Media, AltIsRequiredUnlessDecorativeAndThenAbsent) {
  json fig = image();
  fig.erase("alt");
  Diagnostic d = only(run(with_media({{"figure", fig}})));
  EXPECT_EQ(d.code, Code::MissingField);
  EXPECT_EQ(d.path, "/sections/0/media/0/figure/alt");
  fig["decorative"] = true;
  ArticleResult r = run(with_media({{"figure", fig}}));
  EXPECT_TRUE(r.ok && r.diagnostics.empty()) << test::codes(r);
  EXPECT_TRUE(contains(r.html, "alt=\"\" loading=\"lazy\""));
  fig["alt"] = "Words";
  d = only(run(with_media({{"figure", fig}})));
  EXPECT_EQ(d.code, Code::InvalidValue);
  EXPECT_EQ(d.path, "/sections/0/media/0/figure/alt");
  fig["decorative"] = false;  // false is no excuse: alt stays required, and here it is given
  EXPECT_TRUE(run(with_media({{"figure", fig}})).diagnostics.empty());
}

TEST(Media, WidthAndHeightAreRequiredWholePixels) {
  for (const char* field : {"width", "height"}) {
    json fig = image();
    fig.erase(field);
    Diagnostic d = only(run(with_media({{"figure", fig}})));
    EXPECT_EQ(d.code, Code::MissingField);
    EXPECT_EQ(d.path, std::string("/sections/0/media/0/figure/") + field);
    fig[field] = 0;
    EXPECT_EQ(only(run(with_media({{"figure", fig}}))).code, Code::InvalidValue);
    fig[field] = 10001;
    EXPECT_EQ(only(run(with_media({{"figure", fig}}))).code, Code::InvalidValue);
  }
}

TEST(Media, ImageUrlsAreCheckedAndLocated) {
  const std::pair<const char*, Code> bad[] = {{"javascript:alert(1)", Code::UnsafeUrl}, {"data:image/png;base64,AA", Code::UnsafeUrl},
                                              {"mailto:a@b.example", Code::UnsafeUrl},  {"#frag", Code::InvalidUrl},
                                              {"/a b.png", Code::InvalidUrl},           {"/\\evil.example/a.png", Code::UnsafeUrl}};
  for (const auto& [src, code] : bad) {
    json a = minimal_article();
    a["hero"] = image(src);
    ArticleResult r = run(a);
    Diagnostic d = only(r);
    EXPECT_EQ(d.code, code) << src;
    EXPECT_EQ(d.path, "/hero/src") << src;
    EXPECT_FALSE(r.ok);
  }
  EXPECT_TRUE(is_image_url("/media/a.png") && is_image_url("a.png") && is_image_url("https://img.example/a.png") &&
              is_image_url("//img.example/a.png"));
}

TEST(Media, OtherOriginsOnlyFromTheAllowlist) {
  json a = with_media({{"figure", image("https://img.example/still.png")}});
  a["sections"][0]["media"][0]["figure"]["srcset"] = json::array(
      {{{"src", "https://img.example/still-600.png"}, {"width", 600}}, {{"src", "https://other.example/x.png"}, {"width", 900}}});
  ArticleResult r = run(a);
  auto refused = with_code(r, Code::ImageNotAllowed);
  ASSERT_EQ(refused.size(), 1u) << test::codes(r);  // the src (its srcset is then never written)
  EXPECT_EQ(refused[0].path, "/sections/0/media/0/figure/src");
  EXPECT_TRUE(r.ok);
  EXPECT_FALSE(contains(r.html, "img.example"));
  EXPECT_TRUE(contains(r.html, "<p class=\"aw-image-unavailable\">Mia at the piano</p>")) << r.html;

  RenderOptions o;
  std::vector<Diagnostic> problems;
  o = parse_render_options(R"({"imageOrigins": ["HTTPS://IMG.example/"]})", problems);
  ASSERT_TRUE(problems.empty());
  r = run(a, o);
  refused = with_code(r, Code::ImageNotAllowed);
  ASSERT_EQ(refused.size(), 1u) << test::codes(r);
  EXPECT_EQ(refused[0].path, "/sections/0/media/0/figure/srcset/1/src");
  EXPECT_TRUE(contains(r.html, "src=\"https://img.example/still.png\" srcset=\"https://img.example/still-600.png 600w\"")) << r.html;
  EXPECT_FALSE(contains(r.html, "other.example"));

  // Markdown images follow the same allowlist.
  a["sections"][0]["body"] = "![a still](https://img.example/md.png) ![x](https://other.example/md.png)";
  r = run(a, o);
  EXPECT_TRUE(contains(r.html, "<img src=\"https://img.example/md.png\" alt=\"a still\" />"));
  EXPECT_FALSE(contains(r.html, "other.example/md.png"));

  for (const char* bad : {R"(["https://img.example/path"])", R"x(["javascript:alert(1)"])x", R"(["img.example"])",
                          R"("https://img.example")", R"([7])", R"(["https://a@img.example"])"}) {
    problems.clear();
    parse_render_options(std::string(R"({"imageOrigins": )") + bad + "}", problems);
    ASSERT_EQ(problems.size(), 1u) << bad;
    EXPECT_EQ(problems[0].code, Code::InvalidOption) << bad;
  }
}

TEST(Media, OriginsAndResolution) {
  EXPECT_EQ(url_origin("HTTPS://Img.Example:8443/a.png?x#y"), "https://img.example:8443");
  EXPECT_EQ(url_origin("https://user@img.example/a"), "https://img.example");
  EXPECT_EQ(url_origin("//img.example/a"), "");
  EXPECT_EQ(url_origin("/a.png"), "");
  EXPECT_EQ(url_resolve("https://pub.example/films/la-la-land?x=1", "/media/a.png"), "https://pub.example/media/a.png");
  EXPECT_EQ(url_resolve("https://pub.example/films/la-la-land", "media/a.png"), "https://pub.example/films/media/a.png");
  EXPECT_EQ(url_resolve("https://pub.example", "a.png"), "https://pub.example/a.png");
  EXPECT_EQ(url_resolve("https://pub.example/x", "//cdn.example/a.png"), "https://cdn.example/a.png");
  EXPECT_EQ(url_resolve("https://pub.example/x", "https://cdn.example/a.png"), "https://cdn.example/a.png");
  EXPECT_EQ(url_resolve("", "/media/a.png"), "/media/a.png");
  std::string out;
  escape_srcset_url(out, "/a,b.png,,");
  EXPECT_EQ(out, "/a,b.png%2C%2C");
}

TEST(Media, HeroIsTheJsonLdImageAndOgImage) {
  json a = minimal_article();
  a["hero"] = image("/media/hero.png");
  RenderOptions o;
  o.canonical_url = "https://pub.example/films/x";
  o.shell = "page";
  ArticleResult r = run(a, o);
  ASSERT_TRUE(r.ok) << test::codes(r);
  json ld = json::parse(r.json_ld);
  EXPECT_EQ(ld["image"], json({{"@type", "ImageObject"}, {"height", 675}, {"url", "https://pub.example/media/hero.png"}, {"width", 1200}}));
  EXPECT_TRUE(contains(r.html,
                       "<meta property=\"og:image\" content=\"https://pub.example/media/hero.png\">\n"
                       "<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"675\">\n"
                       "<meta property=\"og:image:alt\" content=\"Mia at the piano\">\n"))
      << r.html;
  a["hero"]["src"] = "https://tracker.example/p.gif";  // not allowed to load: not announced either
  r = run(a, o);
  EXPECT_FALSE(json::parse(r.json_ld).contains("image"));
  EXPECT_FALSE(contains(r.html, "og:image"));
}

TEST(Media, GatedFigureIsInsideItsGateLazy) {
  ArticleResult r = run(with_media({{"figure", image()}}, true));
  ASSERT_TRUE(r.ok) << test::codes(r);
  const size_t gated = r.html.find("data-aw-gated=\"intro\" hidden>");
  ASSERT_NE(gated, std::string::npos);
  EXPECT_GT(r.html.find("<img class=\"aw-image\""), gated);
  EXPECT_TRUE(contains(r.html, "loading=\"lazy\""));
  // A spoiler entry in an open section has a gate of its own, with its own words.
  json a = with_media({{"figure", image()}, {"spoiler", true}});
  a["spoilers"] = {{"level", "minor"}};
  r = run(a);
  EXPECT_TRUE(
      contains(r.html, "<div class=\"aw-gate\" data-aw-gate=\"_media-1\">\n<p class=\"aw-gate-text\">This image contains spoilers.</p>"))
      << r.html;
  EXPECT_LT(r.html.find("data-aw-gated=\"_media-1\" hidden>"), r.html.find("<img"));
  RenderOptions open;
  open.reveal_spoilers = true;
  EXPECT_FALSE(contains(run(a, open).html, "aw-gate"));
}

TEST(Media, SpoilerTermsInUngatedImageQuoteAndVideoText) {
  json a = with_media({{"figure", image()}});
  a["spoilers"] = {{"level", "major"}, {"terms", {"piano"}}};
  a["hero"] = image();
  a["hero"]["credit"] = "Photo: the piano";
  a["sections"][0]["media"].push_back({{"video", {{"vimeo", "1084537"}, {"title", "The piano scene"}}}});
  a["sections"][0]["media"].push_back({{"spoiler", true}, {"quote", {{"text", "x"}, {"speaker", "The piano"}}}});  // gated: fine
  ArticleResult r = run(a);
  std::vector<std::string> paths;
  for (const Diagnostic& d : with_code(r, Code::SpoilerTermUngated)) paths.push_back(d.path);
  EXPECT_EQ(paths,
            (std::vector<std::string>{"/hero/alt", "/hero/credit", "/sections/0/media/0/figure/alt", "/sections/0/media/1/video/title"}))
      << test::codes(r);
}

// ---- Media entries -----------------------------------------------------------------------------

TEST(Media, AnEntryIsExactlyOneOfFigureVideoQuote) {
  Diagnostic d = only(run(with_media({{"spoiler", true}})));
  EXPECT_EQ(d.code, Code::MissingField);
  EXPECT_EQ(d.path, "/sections/0/media/0");
  d = only(run(with_media({{"figure", image()}, {"quote", {{"text", "Hi."}}}})));
  EXPECT_EQ(d.code, Code::InvalidValue);
  EXPECT_EQ(d.path, "/sections/0/media/0/quote");
}

// ---- Quotes ------------------------------------------------------------------------------------

TEST(Media, QuoteWithSpeakerSourceAndTimestamp) {
  json a =
      with_media({{"quote", {{"text", "Here's to the *fools*."}, {"speaker", "Mia"}, {"source", "variety"}, {"timestamp", "1:52:10"}}}});
  a["sources"] = json::array({{{"id", "variety"}, {"label", "Variety's review"}, {"title", "Review"}}});
  ArticleResult r = run(a);
  ASSERT_TRUE(r.ok && r.diagnostics.empty()) << test::codes(r);
  EXPECT_TRUE(contains(
      r.html,
      "<figure class=\"aw-quote aw-quote-block\">\n<blockquote class=\"aw-quote-text\">\n<p>Here&#39;s to the "
      "<em>fools</em>.</p>\n</blockquote>\n<figcaption class=\"aw-quote-attribution\"><span class=\"aw-quote-speaker\">Mia</span>, "
      "<cite class=\"aw-quote-source\">Variety&#39;s review</cite><sup class=\"aw-cite\"><a class=\"aw-cite-ref\" tabindex=\"0\" "
      "id=\"aw-_ref_variety_1\" href=\"#aw-_fn_variety\" data-aw-source=\"variety\" aria-label=\"Source 1\">1</a></sup>, "
      "<span class=\"aw-timestamp\"><time datetime=\"PT1H52M10S\">1:52:10</time></span></figcaption>\n</figure>"))
      << r.html;
  EXPECT_TRUE(contains(r.html, "<li class=\"aw-endnote\" id=\"aw-_fn_variety\" value=\"1\""));  // cited, so no unused-source
  a["sections"][0]["media"][0]["quote"]["style"] = "pull";
  EXPECT_TRUE(contains(run(a).html, "<figure class=\"aw-quote aw-quote-pull\">"));
  a["sections"][0]["media"][0]["quote"]["source"] = "varietyy";
  r = run(a);
  auto unknown = with_code(r, Code::UnknownSource);  // (and the source is now unused)
  ASSERT_EQ(unknown.size(), 1u) << test::codes(r);
  EXPECT_EQ(unknown[0].path, "/sections/0/media/0/quote/source");
  EXPECT_TRUE(contains(unknown[0].message, "Did you mean \"variety\"?")) << unknown[0].message;
}

TEST(Media, Timestamps) {
  for (auto [text, seconds] : std::initializer_list<std::pair<const char*, long>>{
           {"0:45", 45}, {"5:07", 307}, {"52:10", 3130}, {"1:52:10", 6730}, {"12:00:00", 43200}})
    EXPECT_EQ(timestamp_seconds(text), seconds) << text;
  for (const char* bad : {"45", "1:5", "60:00", "1:60:00", "1:52:60", "123:00:00", "1::10", ":10", "1:02:03:04", "1:0a", " 1:00", "-1:00"})
    EXPECT_EQ(timestamp_seconds(bad), -1) << bad;
  Diagnostic d = only(run(with_media({{"quote", {{"text", "Hi."}, {"timestamp", "75:00"}}}})));
  EXPECT_EQ(d.code, Code::InvalidValue);
  EXPECT_EQ(d.path, "/sections/0/media/0/quote/timestamp");
}

// ---- Notes and locators ----------------------------------------------------------------------

json noted_article() {
  json a = minimal_article();
  a["sources"] = json::array({{{"id", "variety"}, {"label", "Variety"}, {"title", "Review"}}});
  a["notes"] = json::array({{{"id", "aside"}, {"text", "A *remark*, citing[^variety, p. 4]."}}});
  a["sections"][0]["body"] = "First[^variety, p. 2] then a note[^aside] and again[^variety].";
  return a;
}

TEST(Notes, NumberedWithSourcesShownInTheEndnotes) {
  ArticleResult r = run(noted_article());
  ASSERT_TRUE(r.ok && r.diagnostics.empty()) << test::codes(r);
  EXPECT_TRUE(contains(r.html, "data-aw-source=\"variety\" aria-label=\"Source 1, p. 2\">1</a>")) << r.html;
  EXPECT_TRUE(contains(r.html, "href=\"#aw-_fn_aside\" data-aw-note=\"aside\" aria-label=\"Note 2\">2</a>")) << r.html;
  EXPECT_TRUE(contains(r.html, "<h2 class=\"aw-endnotes-title\" id=\"aw-_sources\">Notes</h2>"));
  EXPECT_TRUE(contains(r.html,
                       "<li class=\"aw-endnote aw-note\" id=\"aw-_fn_aside\" value=\"2\" data-aw-note=\"aside\"><span "
                       "class=\"aw-endnote-text\">A <em>remark</em>, citing<sup class=\"aw-cite\"><a class=\"aw-cite-ref\" tabindex=\"0\" "
                       "id=\"aw-_ref_variety_3\" href=\"#aw-_fn_variety\" data-aw-source=\"variety\" aria-label=\"Source 1, p. "
                       "4\">1</a></sup>.</span> <a class=\"aw-backref\" href=\"#aw-_ref_aside_1\""))
      << r.html;
  // Each citation's locator next to its way back.
  EXPECT_TRUE(contains(r.html,
                       " <a class=\"aw-backref\" href=\"#aw-_ref_variety_1\" aria-label=\"Back to citation 1.1, p. 2\">"
                       "↩<sup>1</sup></a><span class=\"aw-locator\">p. 2</span> <a class=\"aw-backref\" "
                       "href=\"#aw-_ref_variety_2\" aria-label=\"Back to citation 1.2\">↩<sup>2</sup></a> <a "
                       "class=\"aw-backref\" href=\"#aw-_ref_variety_3\" aria-label=\"Back to citation 1.3, p. 4\">↩<sup>3</sup></a>"
                       "<span class=\"aw-locator\">p. 4</span>"))
      << r.html;
}

TEST(Notes, ProblemsAreLocated) {
  json a = noted_article();
  a["notes"].push_back({{"id", "variety"}, {"text", "Clash."}});
  Diagnostic d = only(run(a));
  EXPECT_EQ(d.code, Code::DuplicateId);
  EXPECT_EQ(d.path, "/notes/1/id");

  a = noted_article();
  a["notes"][0]["text"] = "Loops[^aside].";
  d = only(run(a));
  EXPECT_EQ(d.code, Code::UnknownSource);
  EXPECT_EQ(d.path, "/notes/0/text");
  EXPECT_TRUE(contains(d.message, "cannot cite another note")) << d.message;

  a = noted_article();
  a["sections"][0]["body"] = "A[^asid].";
  ArticleResult r = run(a);
  auto unknown = with_code(r, Code::UnknownSource);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_TRUE(contains(unknown[0].message, "Did you mean \"aside\"?")) << unknown[0].message;
  auto unused = with_code(r, Code::UnusedSource);  // the note and the source are cited nowhere now
  ASSERT_EQ(unused.size(), 2u) << test::codes(r);
  EXPECT_EQ(unused[1].path, "/notes/0");
}

TEST(Notes, ANoteCitedOnlyInGatedPartsAppearsWithThem) {
  json a = noted_article();
  a["spoilers"] = {{"level", "major"}};
  a["sections"][0]["body"] = "Open[^variety].";
  a["sections"].push_back({{"id", "ending"}, {"heading", "The end"}, {"spoiler", true}, {"body", "Gated[^aside]."}});
  std::string html = run(a).html;
  EXPECT_TRUE(contains(html, "id=\"aw-_fn_aside\" value=\"2\" data-aw-note=\"aside\" data-aw-after-reveal=\"ending\" hidden>")) << html;
  a["sections"][0]["body"] = "Open[^variety][^aside].";  // cited outside the gate too: always shown
  html = run(a).html;
  EXPECT_TRUE(contains(html, "id=\"aw-_fn_aside\" value=\"2\" data-aw-note=\"aside\"><span")) << html;
  a["sections"][0]["body"] = "Open[^variety] ||and a secret[^aside]||.";  // in an inline spoiler: appears with it
  html = run(a).html;
  EXPECT_TRUE(contains(html, "data-aw-gated=\"_spoiler-1\" hidden>and a secret<sup class=\"aw-cite\">")) << html;
  EXPECT_TRUE(contains(html, "id=\"aw-_fn_aside\" value=\"2\" data-aw-note=\"aside\" data-aw-after-reveal=\"_spoiler-1\" hidden>")) << html;
}

// ---- Videos ------------------------------------------------------------------------------------

TEST(Video, NothingFromTheProviderUntilPlay) {
  json v = {{"youtube", "aqz-KE-bpKQ"}, {"title", "The \"trailer\""}, {"start", "1:02:03"}};
  ArticleResult r = run(with_media({{"video", v}}));
  ASSERT_TRUE(r.ok && r.diagnostics.empty()) << test::codes(r);
  EXPECT_TRUE(contains(r.html,
                       "<figure class=\"aw-video\" data-aw-video=\"youtube\">\n<div class=\"aw-video-frame\"><button type=\"button\" "
                       "class=\"aw-video-play\" data-aw-js data-aw-action=\"play\" "
                       "data-aw-embed=\"https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1&amp;start=3723\" "
                       "data-aw-title=\"The &quot;trailer&quot;\" aria-label=\"Play video: The &quot;trailer&quot;\"><span "
                       "class=\"aw-video-play-icon\" aria-hidden=\"true\"></span></button></div>\n<figcaption class=\"aw-caption\"><a "
                       "class=\"aw-video-link\" href=\"https://www.youtube.com/watch?v=aqz-KE-bpKQ&amp;t=3723s\" rel=\"noopener "
                       "noreferrer\">Watch “The &quot;trailer&quot;” on YouTube</a></figcaption>\n</figure>"))
      << r.html;
  // No <iframe>, no request-making attribute naming the provider: only the link and the button's data.
  EXPECT_FALSE(contains(r.html, "<iframe"));
  EXPECT_FALSE(contains(r.html, "src=\"https://www.youtube"));

  v = {{"vimeo", "1084537"}, {"title", "Clip"}, {"poster", {{"src", "/media/poster.png"}, {"width", 1280}, {"height", 720}}}};
  r = run(with_media({{"video", v}}));
  EXPECT_TRUE(contains(r.html, "data-aw-embed=\"https://player.vimeo.com/video/1084537?dnt=1&amp;autoplay=1\"")) << r.html;
  EXPECT_TRUE(contains(r.html, "href=\"https://vimeo.com/1084537\""));
  EXPECT_TRUE(contains(r.html,
                       "<img class=\"aw-video-poster\" src=\"/media/poster.png\" width=\"1280\" height=\"720\" alt=\"\" "
                       "loading=\"lazy\" decoding=\"async\" />"));
}

TEST(Video, IdsAreIdsNeverUrls) {
  for (const char* bad : {"https://evil.example/embed/x", "aqz-KE-bpK", "aqz-KE-bpKQQ", "aqz-KE-bp/Q", "aqz-KE-bp\"Q"}) {
    Diagnostic d = only(run(with_media({{"video", {{"youtube", bad}, {"title", "T"}}}})));
    EXPECT_EQ(d.code, Code::InvalidValue) << bad;
    EXPECT_EQ(d.path, "/sections/0/media/0/video/youtube") << bad;
  }
  for (const char* bad : {"0123", "12a", "//evil.example", "1234567890123"}) {
    Diagnostic d = only(run(with_media({{"video", {{"vimeo", bad}, {"title", "T"}}}})));
    EXPECT_EQ(d.code, Code::InvalidValue) << bad;
  }
  Diagnostic d = only(run(with_media({{"video", {{"title", "T"}}}})));
  EXPECT_EQ(d.code, Code::MissingField);
  EXPECT_EQ(d.path, "/sections/0/media/0/video");
  d = only(run(with_media({{"video", {{"title", "T"}, {"youtube", "aqz-KE-bpKQ"}, {"vimeo", "1084537"}}}})));
  EXPECT_EQ(d.code, Code::InvalidValue);
}

}  // namespace
}  // namespace aw
