// The Markdown writer: what it keeps from cmark, what it changes on purpose, citations.
#include <gtest/gtest.h>

#include <chrono>

#include "aw/markdown.hpp"
#include "test_util.hpp"

namespace aw {
namespace {

struct Reported {
  Code code;
  size_t index;
};

std::string md(std::string_view text, MarkdownOptions o = {}, std::vector<Reported>* reports = nullptr) {
  if (reports) o.report = [reports](Code c, size_t i, std::string) { reports->push_back({c, i}); };
  std::string out;
  render_markdown(out, text, o);
  return out;
}

TEST(Markdown, MatchesCmarkForOrdinaryContent) {
  EXPECT_EQ(md("Hello *em* **strong** `code`\n"), "<p>Hello <em>em</em> <strong>strong</strong> <code>code</code></p>\n");
  EXPECT_EQ(md("- a\n- b\n"), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
  EXPECT_EQ(md("3. x\n"), "<ol start=\"3\">\n<li>x</li>\n</ol>\n");
  EXPECT_EQ(md("> q\n"), "<blockquote>\n<p>q</p>\n</blockquote>\n");
  EXPECT_EQ(md("```js x\n<a>\n```\n"), "<pre><code class=\"language-js\">&lt;a&gt;\n</code></pre>\n");
  EXPECT_EQ(md("a  \nb\n"), "<p>a<br />\nb</p>\n");
  EXPECT_EQ(md("***\n"), "<hr />\n");
}

TEST(Markdown, HeadingsGetPrefixedUniqueIds) {
  UniqueIds used;
  MarkdownOptions o;
  o.id_prefix = "w1-";
  o.used_ids = &used;
  EXPECT_EQ(md("# Hello World\n\n# Hello World\n", o),
            "<h1 id=\"w1-hello-world\">Hello World</h1>\n<h1 id=\"w1-hello-world-2\">Hello World</h1>\n");
  o.heading_shift = 2;
  EXPECT_EQ(md("#### deep\n", o), "<h6 id=\"w1-deep\">deep</h6>\n");  // capped at h6
}

TEST(Markdown, StringSetKeepsEveryStringThroughItsGrowth) {
  StringSet set;
  EXPECT_TRUE(set.insert(""));
  EXPECT_FALSE(set.insert(""));
  for (int round = 0; round < 2; ++round)
    for (int i = 0; i < 5000; ++i) EXPECT_EQ(set.insert("a-" + std::to_string(i)), round == 0) << i;
  EXPECT_TRUE(set.insert("a-5000"));
  EXPECT_FALSE(set.insert("a-4999"));
}

TEST(Markdown, UniqueIdsSkipTakenSuffixes) {
  UniqueIds ids(std::set<std::string>{"a-3"});
  EXPECT_EQ(ids.claim("a"), "a");
  EXPECT_EQ(ids.claim("a"), "a-2");
  EXPECT_EQ(ids.claim("a"), "a-4");  // a-3 is an anchor
  EXPECT_EQ(ids.claim("a-2"), "a-2-2");
  EXPECT_EQ(ids.claim("a-5"), "a-5");
  EXPECT_EQ(ids.claim("a"), "a-6");
}

// 25 000 equal headings (the 100 KB field limit of "# a\n"): suffixes were searched from -2 each
// time, ~3×10⁸ set lookups (minutes); now one step each.
TEST(Markdown, ManyEqualHeadingsAreLinear) {
  std::string text;
  for (int i = 0; i < 25000; ++i) text += "# a\n";
  UniqueIds used;
  MarkdownOptions o;
  o.used_ids = &used;
  std::string html = md(text, o);
  EXPECT_NE(html.find("<h1 id=\"aw-a-25000\">a</h1>\n"), std::string::npos);
  EXPECT_EQ(used.claim("a"), "a-25001");
}

// ||text||: a reveal control, then the text, hidden. Pairs form inside one inline container, so
// they nest with emphasis the way its delimiters do.
TEST(Markdown, InlineSpoilers) {
  auto spoiler = [](int n, std::string_view inner) {
    std::string k = std::to_string(n);
    return "<button type=\"button\" class=\"aw-spoiler-chip\" data-aw-gate=\"_spoiler-" + k +
           "\" data-aw-action=\"reveal\" aria-controls=\"aw-_spoiler-" + k + "_content\">Spoiler</button>" +
           "<span class=\"aw-inline-spoiler\" id=\"aw-_spoiler-" + k + "_content\" data-aw-gated=\"_spoiler-" + k + "\" hidden>" +
           std::string(inner) + "</span>";
  };
  EXPECT_EQ(md("She ||marries David|| in the end.\n"), "<p>She " + spoiler(1, "marries David") + " in the end.</p>\n");
  EXPECT_EQ(md("||a *b* c|| and ||d||\n"), "<p>" + spoiler(1, "a <em>b</em> c") + " and " + spoiler(2, "d") + "</p>\n");
  EXPECT_EQ(md("*||in emphasis||*\n"), "<p><em>" + spoiler(1, "in emphasis") + "</em></p>\n");
  EXPECT_EQ(md("||see [the end](/end)||\n"), "<p>" + spoiler(1, "see <a href=\"/end\">the end</a>") + "</p>\n");
  // Literal: crossing emphasis, unmatched, empty, escaped, in code, in link text, in a URL.
  EXPECT_EQ(md("*a ||b* c||\n"), "<p><em>a ||b</em> c||</p>\n");
  EXPECT_EQ(md("a || b\n"), "<p>a || b</p>\n");
  EXPECT_EQ(md("||||\n"), "<p>||||</p>\n");
  EXPECT_EQ(md("\\|\\|not\\|\\|\n"), "<p>||not||</p>\n");
  EXPECT_EQ(md("`||x||` and\n\n```\n||y||\n```\n"), "<p><code>||x||</code> and</p>\n<pre><code>||y||\n</code></pre>\n");
  EXPECT_EQ(md("[||x||](/a||b)\n"), "<p><a href=\"/a%7C%7Cb\">||x||</a></p>\n");
  // U+0091 (the delimiter's stand-in while cmark parses) already in the text is not taken for a
  // delimiter: in a field with "||" it becomes U+0092, another invisible C1 control.
  EXPECT_EQ(md("a \u0091\u0091b\u0091\u0091\n"), "<p>a \u0091\u0091b\u0091\u0091</p>\n");
  EXPECT_EQ(md("a \u0091\u0091b\u0091\u0091 ||c||\n"), "<p>a \u0092\u0092b\u0092\u0092 " + spoiler(1, "c") + "</p>\n");
  // Heading ids never hold a spoiler.
  UniqueIds used;
  MarkdownOptions o;
  o.used_ids = &used;
  EXPECT_EQ(md("# The end ||Mia leaves||\n", o).rfind("<h1 id=\"aw-the-end\">The end " + spoiler(1, "Mia leaves") + "</h1>", 0), 0u);
  // Revealed by the publisher (revealSpoilers): the text alone.
  MarkdownOptions open;
  open.reveal_spoilers = true;
  EXPECT_EQ(md("She ||marries||.\n", open), "<p>She <span class=\"aw-inline-spoiler\">marries</span>.</p>\n");
}

TEST(Markdown, RawHtmlIsDroppedAndReportedOnce) {
  std::vector<Reported> r;
  EXPECT_EQ(md("<script>alert(1)</script>\n\nText <b onclick=x>bold</b> <img src=x onerror=alert(1)>\n", {}, &r), "<p>Text bold </p>\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].code, Code::RawHtmlDropped);
  EXPECT_EQ(r[0].index, 0u);
}

TEST(Markdown, EntitiesNeverDecodeIntoMarkup) {
  EXPECT_EQ(md("&lt;script&gt; &#60;b&#62; &amp;\n"), "<p>&lt;script&gt; &lt;b&gt; &amp;</p>\n");
}

TEST(Markdown, UnsafeLinksBecomeText) {
  std::vector<Reported> r;
  EXPECT_EQ(md("[click](javascript:alert(1)) [x](&#106;avascript:alert(1)) [ok](https://a.test)\n", {}, &r),
            "<p>click x <a href=\"https://a.test\" rel=\"noopener noreferrer\">ok</a></p>\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].code, Code::UnsafeMarkdownUrl);
}

TEST(Markdown, AutolinksAreCheckedToo) {
  EXPECT_EQ(md("<javascript:alert(1)> <https://a.test>\n"),
            "<p>javascript:alert(1) <a href=\"https://a.test\" rel=\"noopener noreferrer\">https://a.test</a></p>\n");
}

TEST(Markdown, ReferenceDefinitionsAreCheckedToo) { EXPECT_EQ(md("[a][r]\n\n[r]: vbscript:msgbox\n"), "<p>a</p>\n"); }

TEST(Markdown, ImagesAreSameOriginUnlessAllowed) {
  EXPECT_EQ(md("![a cat](/img/cat.png \"T\")\n"), "<p><img src=\"/img/cat.png\" alt=\"a cat\" title=\"T\" /></p>\n");
  EXPECT_EQ(md("![a *cat*](https://tracker.test/p.gif)\n"), "<p>a cat</p>\n");
  EXPECT_EQ(md("![x](data:image/png;base64,AAAA)\n"), "<p>x</p>\n");
  MarkdownOptions o;
  o.allow_remote_images = true;
  EXPECT_EQ(md("![c](https://cdn.test/c.png)\n", o), "<p><img src=\"https://cdn.test/c.png\" alt=\"c\" /></p>\n");
  EXPECT_EQ(md("![c](javascript:x)\n", o), "<p>c</p>\n");
}

TEST(Markdown, AttributesCannotBeBrokenOutOf) {
  EXPECT_EQ(md("[a](</x\" onmouseover=\"y> \"t\\\"x\")\n"), "<p><a href=\"/x%22%20onmouseover=%22y\" title=\"t&quot;x\">a</a></p>\n");
  EXPECT_EQ(md("```\"><script>\n```\n"), "<pre><code class=\"language-&quot;&gt;&lt;script&gt;\"></code></pre>\n");
}

MarkdownOptions citing(std::vector<std::string>& cited) {
  MarkdownOptions o;
  o.id_prefix = "p-";
  o.cite = [&cited](std::string_view id, std::string_view locator, Citation& c) -> std::string {
    if (id == "ghost") return "no such source";
    cited.emplace_back(std::string(id) + (locator.empty() ? "" : "@" + std::string(locator)));
    c.ref_id = "_ref_" + std::string(id) + "_" + std::to_string(cited.size());
    c.number = static_cast<int>(cited.size());
    c.label = id == "aside" ? "Note {n}" : "Source {n}";
    c.note = id == "aside";
    return {};
  };
  return o;
}

TEST(Markdown, FootnoteReferencesBecomeCitations) {
  std::vector<std::string> cited;
  std::string html = md("A quote.\"[^variety] More[^hart].\n", citing(cited));
  EXPECT_EQ(
      html,
      "<p>A quote.&quot;<sup class=\"aw-cite\"><a class=\"aw-cite-ref\" tabindex=\"0\" id=\"p-_ref_variety_1\" href=\"#p-_fn_variety\" "
      "data-aw-source=\"variety\" aria-label=\"Source 1\">1</a></sup> More<sup class=\"aw-cite\"><a class=\"aw-cite-ref\" "
      "tabindex=\"0\" id=\"p-_ref_hart_2\" href=\"#p-_fn_hart\" data-aw-source=\"hart\" aria-label=\"Source 2\">2</a></sup>.</p>\n");
  EXPECT_EQ(cited, (std::vector<std::string>{"variety", "hart"}));
}

TEST(Markdown, CitationsCarryTheirLocatorAndNotesTheirOwnName) {
  std::vector<std::string> cited;
  std::string html = md("Said so[^variety, p. 2] and[^aside] and[^hart,  1:52:10 ].\n", citing(cited));
  EXPECT_EQ(cited, (std::vector<std::string>{"variety@p. 2", "aside", "hart@1:52:10"}));
  EXPECT_NE(html.find("data-aw-source=\"variety\" aria-label=\"Source 1, p. 2\">1</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"#p-_fn_aside\" data-aw-note=\"aside\" aria-label=\"Note 2\">2</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("aria-label=\"Source 3, 1:52:10\">3</a>"), std::string::npos) << html;
  // Not a locator: no comma and space, a bracket inside, or longer than 100 bytes.
  cited.clear();
  std::string plain = md("a[^variety,p. 2] b[^variety, [x] c[^variety, " + std::string(101, 'x') + "]\n", citing(cited));
  EXPECT_TRUE(cited.empty());
  EXPECT_EQ(plain.find("aw-cite"), std::string::npos) << plain;
  // The locator is text: escaped.
  cited.clear();
  html = md("x[^variety, 1 < 2 & \"q\"]\n", citing(cited));
  EXPECT_NE(html.find("aria-label=\"Source 1, 1 &lt; 2 &amp; &quot;q&quot;\""), std::string::npos) << html;
}

TEST(Markdown, InlineOnlyDropsTheParagraphAndWarnsOfBlocks) {
  MarkdownOptions o;
  o.inline_only = true;
  std::vector<Reported> r;
  EXPECT_EQ(md("A *still* of [Mia](/mia).", o, &r), "A <em>still</em> of <a href=\"/mia\">Mia</a>.");
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(md("- a\n- b\n", o, &r), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].code, Code::NotInline);
}

TEST(Markdown, NoCitationsInCodeOrLinkText) {
  std::vector<std::string> cited;
  std::string html = md("`[^variety]`\n\n    [^variety]\n\n[see [^variety]](/x)\n", citing(cited));
  EXPECT_EQ(html,
            "<p><code>[^variety]</code></p>\n<pre><code>[^variety]\n</code></pre>\n"
            "<p><a href=\"/x\">see <sup class=\"aw-cite\">1</sup></a></p>\n");
}

TEST(Markdown, UnknownCitationIsReportedAtItsPosition) {
  std::vector<std::string> cited;
  std::vector<Reported> r;
  std::string text = "Some text [^ghost] here.";
  EXPECT_EQ(md(text, citing(cited), &r), "<p>Some text [^ghost] here.</p>\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].code, Code::UnknownSource);
  EXPECT_EQ(r[0].index, text.find("[^ghost]"));
}

TEST(Markdown, NotFootnotes) {
  std::vector<std::string> cited;
  EXPECT_EQ(md("[^] [^a b] [^x\n", citing(cited)), "<p>[^] [^a b] [^x</p>\n");
  EXPECT_TRUE(cited.empty());
}

TEST(Markdown, AnchorLinksArePrefixedWhenKnownAndReportedWhenNot) {
  std::set<std::string> anchors{"final-shot"};
  MarkdownOptions o;
  o.id_prefix = "p-";
  o.anchors = &anchors;
  std::vector<Reported> r;
  EXPECT_EQ(md("[a](#final-shot) [b](#nowhere)\n", o, &r), "<p><a href=\"#p-final-shot\">a</a> <a href=\"#nowhere\">b</a></p>\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].code, Code::MissingAnchor);
}

TEST(Markdown, NulBecomesReplacementCharacter) {
  EXPECT_EQ(md(std::string_view("a\0b", 3)),
            "<p>a\xEF\xBF\xBD"
            "b</p>\n");
}

TEST(Markdown, NestingGuardKeepsQuadraticInputsAwayFromCmark) {
  std::string evil;
  for (int i = 0; i < 20000; ++i) evil += "- ";
  evil += "x" + std::string(20000, '\n');
  std::vector<Reported> r;
  auto start = std::chrono::steady_clock::now();
  std::string html = md(evil, {}, &r);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].code, Code::MarkdownTooNested);
  EXPECT_EQ(html.rfind("<p>- - - ", 0), 0u);
  (void)start;  // timing is a benchmark's job (bench/), not a test's
  EXPECT_EQ(markdown_nesting("- a\n  - b\n    - c\n"), 3u);
  EXPECT_EQ(markdown_nesting("> > > x\n"), 3u);
  EXPECT_EQ(markdown_nesting("plain\n\n1. one\n"), 1u);
  EXPECT_EQ(markdown_nesting("          indented code\n"), 0u);
}

// The word-at-a-time count against the plain one: every byte value at every offset of a word and
// of the tail, and runs of specials next to their neighbours in the byte order ('^', 'Z', 'a').
TEST(Markdown, InlineSpecialsCountsEachByte) {
  const std::string_view specials = "[]!*_`<&\\";
  auto plain = [&](std::string_view s) {
    size_t n = 0;
    for (char c : s) n += specials.find(c) != std::string_view::npos;
    return n;
  };
  for (int b = 0; b < 256; ++b)
    for (size_t at = 0; at < 19; ++at) {
      std::string s(19, 'a');
      s[at] = static_cast<char>(b);
      EXPECT_EQ(inline_specials(s), plain(s)) << "byte " << b << " at " << at;
    }
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string s(round % 41, ' ');
    for (char& c : s) {
      seed = seed * 1103515245u + 12345u;
      c = "[]!*_`<&\\^Za \x80\xff"[(seed >> 16) % 16];
    }
    EXPECT_EQ(inline_specials(s), plain(s)) << s;
  }
}

TEST(Markdown, WordCount) {
  EXPECT_EQ(count_words("  one two\tthree\nfour  "), 4u);
  EXPECT_EQ(count_words(""), 0u);
}

}  // namespace
}  // namespace aw
