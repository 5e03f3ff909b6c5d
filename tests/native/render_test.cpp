// The article HTML contract (docs/HTML.md): parts, gating, ids, labels, endnotes, and golden
// files for every example (tests/golden/*.html; UPDATE_GOLDEN=1 rewrites them).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "aw/escape.hpp"
#include "aw/labels.hpp"
#include "test_util.hpp"

namespace aw {
namespace {

using nlohmann::json;
using test::minimal_article;
using test::run;

using test::contains;

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

json spoiler_article() {
  json a = minimal_article();
  a["spoilers"] = {{"level", "major"}};
  a["subject"] = {{"title", "The Film"}, {"year", 2016}, {"kind", "film"}};
  a["quickAnswer"] = {{"question", "What happens?"}, {"answer", "Everyone **leaves**."}, {"spoiler", true}};
  a["sections"].push_back(
      {{"id", "ending"},
       {"heading", "The ending"},
       {"body", "SECRET-ENDING"},
       {"spoiler", true},
       {"sections", json::array({{{"id", "inner"}, {"heading", "Inner"}, {"body", "SECRET-INNER"}, {"spoiler", true}}})}});
  a["faq"] = json::array({{{"id", "open-q"}, {"question", "Open?"}, {"answer", "Yes."}},
                          {{"id", "gated-q"}, {"question", "Who dies?"}, {"answer", "SECRET-FAQ"}, {"spoiler", true}}});
  return a;
}

TEST(Render, HeaderHasKickerDatesReadingTimeTitleDekByline) {
  json a = minimal_article();
  a["kicker"] = "Ending Explained";
  a["dek"] = "The dek.";
  a["updated"] = "2026-05-20";
  a["readingMinutes"] = 12;
  a["reviewers"] = json::array({{{"name", "Arthur"}}});
  std::string html = run(a).html;
  EXPECT_TRUE(contains(html, "<span class=\"aw-kicker\">Ending Explained</span>"));
  EXPECT_TRUE(contains(html, "<span class=\"aw-updated\">Updated <time datetime=\"2026-05-20\">May 2026</time></span>"));
  EXPECT_TRUE(contains(html, "<span class=\"aw-reading-time\">12 min read</span>"));
  EXPECT_TRUE(contains(html, "<h1 class=\"aw-title\" id=\"aw-_title\">A title</h1>"));
  EXPECT_TRUE(contains(html, "<p class=\"aw-dek\">The dek.</p>"));
  EXPECT_TRUE(contains(html, "By <span class=\"aw-person\">Ada</span>, <span class=\"aw-role\">Editor</span>"));
  EXPECT_TRUE(contains(html, "Reviewed by <span class=\"aw-person\">Arthur</span>"));
  EXPECT_TRUE(contains(html, "Published <time datetime=\"2026-05-18\">May 18, 2026</time>"));
}

TEST(Render, ReadingTimeIsComputedWhenAbsent) {
  json a = minimal_article();
  std::string words;
  for (int i = 0; i < 1000; ++i) words += "word ";
  a["sections"][0]["body"] = words;
  ArticleResult r = run(a);
  EXPECT_EQ(r.rendered.reading_minutes, 5);  // ~1010 words at 230/min, rounded up
  EXPECT_TRUE(contains(r.html, "5 min read"));
}

TEST(Render, GatedPartsAreHiddenWithRevealControls) {
  ArticleResult r = run(spoiler_article());
  ASSERT_TRUE(r.ok) << test::codes(r);
  const std::string& h = r.html;
  EXPECT_TRUE(contains(h, "data-aw-spoilers=\"major\""));
  EXPECT_TRUE(contains(h, "This article contains major spoilers for The Film (2016)."));
  EXPECT_TRUE(contains(h, "data-aw-action=\"reveal-all\""));
  // each secret sits inside a hidden gated container
  for (const char* secret : {"Everyone <strong>leaves</strong>", "SECRET-ENDING", "SECRET-INNER", "SECRET-FAQ"}) {
    size_t at = h.find(secret);
    ASSERT_NE(at, std::string::npos) << secret;
    size_t gate = h.rfind("<div class=\"aw-gated\"", at);
    ASSERT_NE(gate, std::string::npos) << secret;
    EXPECT_TRUE(contains(h.substr(gate, h.find('>', gate) - gate), " hidden")) << secret;
  }
  EXPECT_EQ(count(h, "class=\"aw-gated\""), 3u);  // quick answer, section (inner rides along), FAQ item
  EXPECT_TRUE(contains(h, "<div class=\"aw-gated\" id=\"aw-ending_content\" data-aw-gated=\"ending\" hidden>"));
  EXPECT_TRUE(contains(h, "aria-controls=\"aw-ending_content\" data-aw-js>Reveal</button>"));
  // headings of gated sections stay visible; the un-gated FAQ item is plain
  EXPECT_TRUE(contains(h, "<h2 class=\"aw-section-title\" id=\"aw-ending_title\">The ending</h2>\n<div class=\"aw-gate\""));
  EXPECT_TRUE(contains(h, "<div class=\"aw-faq-answer\">\n<div class=\"aw-body\">\n<p>Yes.</p>"));
}

TEST(Render, RevealSpoilersOptionAndNoLevelMeanNoGates) {
  RenderOptions o;
  o.reveal_spoilers = true;
  std::string h = run(spoiler_article(), o).html;
  EXPECT_FALSE(contains(h, "class=\"aw-gated\""));
  EXPECT_FALSE(contains(h, "reveal-all"));
  EXPECT_TRUE(contains(h, "aw-spoiler-warning"));  // the warning still informs
  json a = spoiler_article();
  a.erase("spoilers");
  h = run(a).html;
  EXPECT_FALSE(contains(h, "class=\"aw-gated\""));
  EXPECT_FALSE(contains(h, "aw-spoiler-warning"));
}

TEST(Render, EveryIdCarriesThePrefix) {
  RenderOptions o;
  o.id_prefix = "w7-";
  json a = spoiler_article();
  a["sources"] = json::array({{{"id", "src"}, {"label", "L"}, {"title", "T"}}});
  a["sections"][0]["body"] = "# Heading\n\nCited[^src].";
  std::string h = run(a, o).html;
  std::regex id_attr("\\s(id|aria-controls|aria-labelledby)=\"([^\"]*)\"");
  size_t n = 0;
  for (std::sregex_iterator it(h.begin(), h.end(), id_attr), end; it != end; ++it, ++n)
    EXPECT_EQ((*it)[2].str().rfind("w7-", 0), 0u) << (*it)[0].str();
  EXPECT_GT(n, 10u);
  std::regex href("href=\"#([^\"]*)\"");
  for (std::sregex_iterator it(h.begin(), h.end(), href), end; it != end; ++it)
    EXPECT_EQ((*it)[1].str().rfind("w7-", 0), 0u) << (*it)[0].str();
  EXPECT_TRUE(contains(h, "data-aw-prefix=\"w7-\""));
}

TEST(Render, InvalidPrefixIsAnOptionError) {
  std::vector<Diagnostic> problems;
  parse_render_options(R"({"idPrefix": "\"><script>"})", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, Code::InvalidOption);
  problems.clear();
  RenderOptions o = parse_render_options(R"({"idPrefix": "ok-1", "revealSpoilers": true, "limits": {"maxDepth": 5}})", problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(o.id_prefix, "ok-1");
  EXPECT_TRUE(o.reveal_spoilers);
  EXPECT_EQ(o.limits.max_depth, 5u);
  parse_render_options("{not json", problems);
  EXPECT_EQ(problems.size(), 1u);
}

TEST(Render, CitationsNumberInPageOrderAndEndnotesLinkBack) {
  json a = minimal_article();
  a["sources"] =
      json::array({{{"id", "first"}, {"label", "First"}, {"title", "One"}, {"url", "https://one.test"}},
                   {{"id", "second"}, {"label", "Second"}, {"title", "Two"}, {"author", "Au"}, {"publisher", "Pub"}, {"date", "2016-08"}},
                   {{"id", "listed"}, {"label", "Only listed"}, {"title", "Three"}}});
  a["quickAnswer"] = {{"question", "Q"}, {"answer", "Answer[^second]."}};
  a["sections"][0]["body"] = "Body[^first] and[^second].";
  a["sections"][0]["sources"] = json::array({"listed", "first"});
  ArticleResult r = run(a);
  ASSERT_TRUE(r.ok) << test::codes(r);
  const std::string& h = r.html;
  // quick answer comes first on the page, so "second" is 1
  EXPECT_TRUE(contains(h, "id=\"aw-_ref_second_1\" href=\"#aw-_fn_second\" data-aw-source=\"second\" aria-label=\"Source 1\">1</a>"));
  EXPECT_TRUE(contains(h, "id=\"aw-_ref_first_1\" href=\"#aw-_fn_first\" data-aw-source=\"first\" aria-label=\"Source 2\">2</a>"));
  EXPECT_TRUE(contains(h, "id=\"aw-_ref_second_2\""));
  EXPECT_TRUE(contains(
      h, "<p class=\"aw-drawing-on\">Drawing on <a href=\"#aw-_fn_listed\">Only listed</a> and <a href=\"#aw-_fn_first\">First</a>.</p>"));
  size_t e_second = h.find("id=\"aw-_fn_second\""), e_first = h.find("id=\"aw-_fn_first\""), e_listed = h.find("id=\"aw-_fn_listed\"");
  ASSERT_NE(e_second, std::string::npos);
  EXPECT_LT(e_second, e_first);
  EXPECT_LT(e_first, e_listed);
  EXPECT_TRUE(contains(h, "Au, “Two”, <cite>Pub</cite>, <time datetime=\"2016-08\">August 2016</time>."));
  EXPECT_TRUE(contains(h, "<a href=\"https://one.test\" rel=\"noopener noreferrer\">“One”</a>"));
  EXPECT_TRUE(contains(h, "<a class=\"aw-backref\" href=\"#aw-_ref_second_2\" aria-label=\"Back to citation 1.2\">"));
  EXPECT_EQ(count(h, "aw-backref"), 3u);
}

TEST(Render, UnusedSourceWarnsButIsListed) {
  json a = minimal_article();
  a["sources"] = json::array({{{"id", "lonely"}, {"label", "L"}, {"title", "T"}}});
  ArticleResult r = run(a);
  EXPECT_TRUE(r.ok);
  auto found = test::with_code(r, Code::UnusedSource);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, "/sources/0");
  EXPECT_TRUE(contains(r.html, "id=\"aw-_fn_lonely\""));
}

TEST(Render, MarkdownProblemsAreLocatedInsideTheJsonString) {
  std::string text = R"J({"id":"a","lang":"en","title":"T","authors":[{"name":"A"}],"published":"2026-01-01",
"sections":[{"id":"s","heading":"H","body":"caf\u00e9 \"q\"\n[^nope] and [x](#gone)"}]})J";
  ArticleResult r = run(text);
  auto unknown = test::with_code(r, Code::UnknownSource);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].offset, text.find("[^nope]"));
  EXPECT_EQ(unknown[0].line, 2u);
  auto anchor = test::with_code(r, Code::MissingAnchor);
  ASSERT_EQ(anchor.size(), 1u);
  EXPECT_EQ(anchor[0].offset, text.find("#gone"));
}

TEST(Render, TocFaqRelated) {
  json a = spoiler_article();
  a["related"] = json::array({{{"title", "Guide"}, {"summary", "S"}, {"url", "/guide"}, {"cta", "Open guide"}}});
  ArticleResult r = run(a);
  const std::string& h = r.html;
  EXPECT_TRUE(contains(h, "<nav class=\"aw-toc\" aria-labelledby=\"aw-_toc\">"));
  // A gated section's sub-sections join Contents only when it is revealed.
  EXPECT_TRUE(contains(h,
                       "<li><a href=\"#aw-ending\">The ending</a><ol data-aw-after-reveal=\"ending\" hidden><li><a "
                       "href=\"#aw-inner\">Inner</a></li></ol></li>"));
  EXPECT_TRUE(contains(
      h, "<details class=\"aw-faq-item\" id=\"aw-open-q\">\n<summary class=\"aw-faq-question\" id=\"aw-open-q_question\">Open?</summary>"));
  EXPECT_TRUE(contains(h, "<a class=\"aw-related-card\" href=\"/guide\"><span class=\"aw-related-title\">Guide</span>"));
  EXPECT_TRUE(contains(h, "<h2 class=\"aw-related-label\" id=\"aw-_related\">Continue reading</h2>"));
  ASSERT_EQ(r.rendered.toc.size(), 3u);  // intro, ending, FAQ: never the gated "Inner"
  EXPECT_EQ(r.rendered.toc[1].anchor, "aw-ending");
  EXPECT_EQ(r.rendered.toc[2].anchor, "aw-_faq");
  EXPECT_EQ(run(a,
                [] {
                  RenderOptions o;
                  o.reveal_spoilers = true;
                  return o;
                }())
                .rendered.toc.size(),
            4u);
  // page order: warning, quick answer, toc, sections, related, faq, endnotes
  EXPECT_LT(h.find("aw-spoiler-warning"), h.find("aw-quick-answer"));
  EXPECT_LT(h.find("aw-quick-answer"), h.find("aw-toc"));
  EXPECT_LT(h.find("aw-toc"), h.find("aw-section"));
  EXPECT_LT(h.find("aw-section"), h.find("aw-related"));
  EXPECT_LT(h.find("aw-related"), h.find("aw-faq"));
}

TEST(Render, LabelsFollowTheArticleLanguage) {
  json a = spoiler_article();
  a["lang"] = "es";
  a["updated"] = "2026-05-20";
  std::string h = run(a).html;
  EXPECT_TRUE(contains(h, "Aviso de spoilers"));
  EXPECT_TRUE(contains(h, "Preguntas frecuentes"));
  EXPECT_TRUE(contains(h, "18 de mayo de 2026"));
  EXPECT_TRUE(contains(h, "Actualizado <time datetime=\"2026-05-20\">mayo de 2026</time>"));
  a["lang"] = "he";
  ArticleResult r = run(a);
  EXPECT_EQ(r.rendered.dir, "rtl");
  EXPECT_TRUE(contains(r.html, "dir=\"rtl\""));
  a["lang"] = "de-AT";
  EXPECT_TRUE(contains(run(a).html, "18. Mai 2026"));
  a["lang"] = "fr";
  EXPECT_TRUE(contains(run(a).html, "18 mai 2026"));
  a["lang"] = "sw";  // no table: English labels
  EXPECT_TRUE(contains(run(a).html, "Frequently Asked"));
}

TEST(Render, PublisherLabelOverrides) {
  std::vector<Diagnostic> problems;
  RenderOptions o = parse_render_options(R"({"labels": {"faq": "Questions <& answers>", "readingTime": "{n}-minute read"}})", problems);
  ASSERT_TRUE(problems.empty());
  json a = spoiler_article();
  a["readingMinutes"] = 3;
  std::string h = run(a, o).html;
  EXPECT_TRUE(contains(h, ">Questions &lt;&amp; answers&gt;</h2>"));
  EXPECT_TRUE(contains(h, "3-minute read"));
  parse_render_options(R"({"labels": {"nope": "x", "faq": 3}})", problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].path, "/labels/faq");
  EXPECT_EQ(problems[1].path, "/labels/nope");
}

TEST(Render, ListsJoinPerLanguage) {
  EXPECT_EQ(join_list(labels_for("en"), {"A", "B", "C"}), "A, B, and C");
  EXPECT_EQ(join_list(labels_for("en"), {"A", "B"}), "A and B");
  EXPECT_EQ(join_list(labels_for("es"), {"A", "B", "C"}), "A, B y C");
}

TEST(Render, SafeHeadingsAndQuestionsStandInUntilReveal) {
  json a = spoiler_article();
  a["sections"][1]["heading"] = "Mia marries David";
  a["sections"][1]["safeHeading"] = "The last scene";
  a["faq"][1]["safeQuestion"] = "Does anyone die?";
  a["faq"][1].erase("id");
  ArticleResult r = run(a);
  ASSERT_TRUE(r.ok) << test::codes(r);
  const std::string& h = r.html;
  const std::string both =
      "<span data-aw-until-reveal=\"ending\">The last scene</span><span data-aw-after-reveal=\"ending\" hidden>Mia marries David</span>";
  EXPECT_TRUE(contains(h, "<a href=\"#aw-ending\">" + both + "</a>"));                                  // Contents
  EXPECT_TRUE(contains(h, "<h2 class=\"aw-section-title\" id=\"aw-ending_title\">" + both + "</h2>"));  // the heading
  // The item's id comes from its safe question, never from the gated one.
  EXPECT_TRUE(contains(h,
                       "<details class=\"aw-faq-item\" id=\"aw-does-anyone-die\">\n<summary class=\"aw-faq-question\" "
                       "id=\"aw-does-anyone-die_question\"><span data-aw-until-reveal=\"does-anyone-die\">Does anyone die?</span><span "
                       "data-aw-after-reveal=\"does-anyone-die\" hidden>Who dies?</span></summary>"));
  EXPECT_EQ(r.rendered.toc[1].title, "The last scene");
  // Revealed by the publisher: the real words only.
  RenderOptions open;
  open.reveal_spoilers = true;
  ArticleResult revealed = run(a, open);
  EXPECT_TRUE(contains(revealed.html, "<h2 class=\"aw-section-title\" id=\"aw-ending_title\">Mia marries David</h2>"));
  EXPECT_FALSE(contains(revealed.html, "data-aw-until-reveal"));
  EXPECT_EQ(revealed.rendered.toc[1].title, "Mia marries David");
}

TEST(Render, SpoilerTermsInUngatedTextWarnAtTheTerm) {
  json a = spoiler_article();
  a["spoilers"]["terms"] = json::array({"married", "five years later", "ДАВИД"});
  a["title"] = "Why she MARRIED him";
  a["dek"] = "Five  years\u00A0later: the end";
  a["sections"][0]["heading"] = "Давид and Mia";                                          // Cyrillic, case-folded
  a["sections"][1]["heading"] = "Mar\u200Bried at last";                                  // gated, no safe heading: visible
  a["sections"][1]["sections"][0]["heading"] = "Married inside";                          // inside the gate: not checked
  a["faq"][1]["question"] = "Who got married?";                                           // gated item
  a["faq"][1]["safeQuestion"] = "Who ends up with whom?";                                 // what readers see: clean
  a["related"] = json::array({{{"title", "Unmarried and other words"}, {"url", "/r"}}});  // not a whole word
  std::string text = a.dump(1);
  ArticleResult r = render_article_json(text, RenderOptions{});
  ASSERT_TRUE(r.ok) << test::codes(r);
  std::vector<std::pair<std::string, size_t>> found;
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == Code::SpoilerTermUngated) found.push_back({d.path, d.offset});
  ASSERT_EQ(found.size(), 5u) << test::codes(r);
  EXPECT_EQ(found[0], std::make_pair(std::string("/title"), text.find("MARRIED")));
  EXPECT_EQ(found[1], std::make_pair(std::string("/dek"), text.find("Five  years")));
  EXPECT_EQ(found[2], std::make_pair(std::string("/sections/0/heading"), text.find("Давид")));
  EXPECT_EQ(found[3], std::make_pair(std::string("/sections/1/heading"), text.find("Mar\u200Bried")));
  EXPECT_EQ(found[4].first, "");  // the description, made from the dek here: "Five years later…"
  EXPECT_EQ(r.description.rfind("Five", 0), 0u);
}

TEST(Render, EveryTextFieldIsEscaped) {
  const std::string evil = "<img src=x onerror=alert(1)>\"'&";
  json a = minimal_article();
  for (const char* k : {"kicker", "title", "dek"}) a[k] = evil;
  a["authors"][0]["name"] = evil;
  a["authors"][0]["role"] = evil;
  a["reviewers"] = json::array({{{"name", evil}}});
  a["spoilers"] = {{"level", "minor"}, {"warning", evil}};
  a["quickAnswer"] = {{"question", evil}, {"answer", evil}};
  a["sections"][0]["heading"] = evil;
  a["sources"] = json::array({{{"id", "s"}, {"label", evil}, {"title", evil}, {"author", evil}, {"publisher", evil}}});
  a["sections"][0]["sources"] = json::array({"s"});
  a["faq"] = json::array({{{"question", evil}, {"answer", evil}}});
  a["related"] = json::array({{{"label", evil}, {"title", evil}, {"summary", evil}, {"cta", evil}, {"url", "/x?a=%22b%22&c='d'"}}});
  ArticleResult r = run(a);
  ASSERT_TRUE(r.ok) << test::codes(r);
  EXPECT_FALSE(contains(r.html, "<img"));
  EXPECT_FALSE(contains(r.html, "onerror=alert(1)>"));
  EXPECT_GE(count(r.html, "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"), 14u);
  EXPECT_TRUE(contains(r.html, "href=\"/x?a=%22b%22&amp;c=&#x27;d&#x27;\""));
}

TEST(Render, UrlFieldsMustHoldUrls) {
  for (const char* bad : {"<IMG SRC=x>", "/x?a=\"b\"", "a b", "100%", "https://", "http:/x", "https:///path", "//", "mailto:"}) {
    json a = minimal_article();
    a["related"] = json::array({{{"title", "T"}, {"url", bad}}});
    ArticleResult r = run(a);
    EXPECT_EQ(test::codes(r), "invalid-url@/related/0/url ") << bad;
  }
  for (const char* good : {"/movies/x", "page", "../up?q=1#f", "https://example.com", "https://user@h.example:8080/p?q#f",
                           "http://[::1]:80/", "mailto:a@b.example", "//cdn.example/x", "https://例え.jp/パス", "/a%20b"}) {
    json a = minimal_article();
    a["related"] = json::array({{{"title", "T"}, {"url", good}}});
    EXPECT_TRUE(run(a).ok) << good;
  }
}

// Golden files: the full HTML of every example, byte for byte.
TEST(Render, GoldenExamples) {
  namespace fs = std::filesystem;
  bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(test::source_path("examples"))) {
    if (entry.path().extension() != ".json") continue;
    ArticleResult r = run(test::read_file(entry.path().string()));
    ASSERT_TRUE(r.ok) << entry.path() << ": " << test::codes(r);
    fs::path golden = fs::path(test::source_path("tests/golden")) / (entry.path().stem().string() + ".html");
    if (update) {
      fs::create_directories(golden.parent_path());
      std::ofstream(golden, std::ios::binary) << r.html;
    }
    EXPECT_EQ(r.html, test::read_file(golden.string())) << golden << " differs (UPDATE_GOLDEN=1 rewrites it; review the diff)";
    ++checked;
  }
  EXPECT_GE(checked, 3u);
}

// The references ascii_html wrote (code points above U+009F), as UTF-8 again.
std::string decode_references(const std::string& html) {
  std::string out;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 2, "&#") == 0) {
      size_t end = i + 2;
      uint32_t cp = 0;
      while (end < html.size() && html[end] >= '0' && html[end] <= '9') cp = cp * 10 + static_cast<uint32_t>(html[end++] - '0');
      if (end < html.size() && html[end] == ';' && cp > 0x9F) {
        append_utf8(out, cp);
        i = end;
        continue;
      }
    }
    out += html[i];
  }
  return out;
}

// The widget's call (mount: true): every example's article fragment in ASCII that is the same
// document, and no page-building meta.
TEST(Render, MountGivesTheSameArticleInAsciiWithoutPageMeta) {
  namespace fs = std::filesystem;
  RenderOptions mount;
  mount.mount = true;
  size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(test::source_path("examples"))) {
    if (entry.path().extension() != ".json") continue;
    const std::string text = test::read_file(entry.path().string());
    ArticleResult plain = render_article_json(text, RenderOptions{});
    ArticleResult mounted = render_article_json(text, mount);
    ASSERT_TRUE(mounted.ok) << entry.path();
    EXPECT_TRUE(std::all_of(mounted.html.begin(), mounted.html.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        << entry.path();
    EXPECT_EQ(decode_references(mounted.html), plain.html) << entry.path();
    EXPECT_FALSE(plain.json_ld.empty());
    EXPECT_TRUE(mounted.json_ld.empty());
    EXPECT_EQ(mounted.diagnostics.size(), plain.diagnostics.size()) << entry.path();
    ++checked;
  }
  EXPECT_GE(checked, 3u);
  RenderOptions page;  // with a shell, the page is written as it is
  page.shell = "page";
  RenderOptions page_mount = page;
  page_mount.mount = true;
  const std::string seed = test::read_file(test::source_path("examples/la-la-land.json"));
  EXPECT_EQ(render_article_json(seed, page_mount).html, render_article_json(seed, page).html);
}

}  // namespace
}  // namespace aw
