// Hostile and malformed input (docs/SECURITY.md, "Bad input and limits"): every kind of broken
// JSON, wrong and missing fields, huge strings and arrays, 100 000-deep nesting, and cmark's own
// pathological Markdown cases at their sizes (test/pathological_tests.py of cmark 0.30.2) plus the
// quadratic cases 0.30.2 still has. Each must give a located diagnostic (or, for Markdown, finish
// with the structure cmark's test expects), never crash, abort or leak (this suite also runs under
// ASan + UBSan) — and the next article must render exactly as before.
// Time is not asserted here (noisy machines); bench/pathological.js measures growth.
#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "aw/markdown.hpp"
#include "test_util.hpp"

namespace aw {
namespace {

using nlohmann::json;
using test::minimal_article;
using test::run;
using test::with_code;

const std::string& seed_text() {
  static const std::string text = test::read_file(test::source_path("examples/la-la-land.json"));
  return text;
}
const std::string& seed_html() {
  static const std::string html = run(seed_text()).html;
  return html;
}

std::string rep(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

// Every test in this file ends by rendering the seed article: no state survives a bad input.
class Hostile : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(seed_html().empty()); }
  void TearDown() override { EXPECT_EQ(run(seed_text()).html, seed_html()) << "the next article renders differently"; }

  // Exactly one error, with this code, at this path; its location lies inside the text.
  static Diagnostic only_error(const std::string& text, Code code, const std::string& path, const RenderOptions& o = {}) {
    ArticleResult r = run(text, o);
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.html.empty());
    std::vector<Diagnostic> errors;
    for (const auto& d : r.diagnostics)
      if (d.severity == Severity::Error) errors.push_back(d);
    EXPECT_EQ(errors.size(), 1u) << test::codes(r);
    if (errors.empty()) return {};
    EXPECT_EQ(errors[0].code, code) << test::codes(r);
    EXPECT_EQ(errors[0].path, path) << test::codes(r);
    EXPECT_LE(errors[0].offset, text.size());
    EXPECT_GE(errors[0].line, 1u);
    EXPECT_GE(errors[0].column, 1u);
    return errors[0];
  }
};

// ---- malformed JSON ---------------------------------------------------------------------------

TEST_F(Hostile, EveryTruncationIsAJsonSyntaxErrorAtTheEnd) {
  std::string text = minimal_article().dump();
  for (size_t n = 0; n < text.size(); ++n) {
    std::string cut = text.substr(0, n);
    ArticleResult r = run(cut);
    ASSERT_FALSE(r.ok) << cut;
    ASSERT_EQ(r.diagnostics.size(), 1u) << cut << " → " << test::codes(r);
    EXPECT_EQ(r.diagnostics[0].code, Code::JsonSyntax) << cut;
    EXPECT_LE(r.diagnostics[0].offset, n);
    EXPECT_GE(r.diagnostics[0].offset + 8, n) << "the error should sit where the text stops: " << cut;
  }
}

// At the comma, in the array or object that holds it (not at an element that is not there), in
// words that say what to do.
TEST_F(Hostile, TrailingCommasAreLocated) {
  Diagnostic d = only_error(R"({"title": "a", "authors": [1, 2,]})", Code::JsonSyntax, "/authors");
  EXPECT_EQ(d.column, 32u);
  EXPECT_NE(d.message.find("a trailing comma before ']'"), std::string::npos) << d.message;
  d = only_error(R"({"title": "a",})", Code::JsonSyntax, "");  // after the last member
  EXPECT_NE(d.message.find("a trailing comma before '}'"), std::string::npos) << d.message;
  only_error("[1,]", Code::JsonSyntax, "");
}

TEST_F(Hostile, SyntaxErrorsSayWhatToFix) {
  Diagnostic d = only_error("{\"a\": 1 \"b\": 2}", Code::JsonSyntax, "/a");
  EXPECT_NE(d.message.find("a missing comma"), std::string::npos) << d.message;
  EXPECT_EQ(d.column, 9u);  // at "b", before which the comma belongs
  d = only_error("[1 2]", Code::JsonSyntax, "/1");
  EXPECT_NE(d.message.find("a missing comma"), std::string::npos) << d.message;
  d = only_error("{\"a\" 1}", Code::JsonSyntax, "/a");
  EXPECT_NE(d.message.find("a missing ':'"), std::string::npos) << d.message;
  d = only_error("{\"a\": \"x", Code::JsonSyntax, "/a");
  EXPECT_NE(d.message.find("an unterminated string"), std::string::npos) << d.message;
  d = only_error("{\"a\": \"x\ny\"}", Code::JsonSyntax, "/a");
  EXPECT_NE(d.message.find("a line break inside a string"), std::string::npos) << d.message;
}

TEST_F(Hostile, OtherSyntaxErrors) {
  for (const char* text : {"{'title': 'x'}", "{\"a\": 1} x", "/* c */ {}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": tru}", "{\"a\" 1}",
                           "{\"a\": \"x\ny\"}", "{\"a\": \"\\x\"}", "", "   ", "\"", "{\"a\": NaN}", "{\"a\":-}"}) {
    ArticleResult r = run(std::string(text));
    ASSERT_EQ(r.diagnostics.size(), 1u) << text;
    EXPECT_EQ(r.diagnostics[0].code, Code::JsonSyntax) << text;
  }
}

TEST_F(Hostile, InvalidUtf8IsAJsonSyntaxErrorAtTheByte) {
  const std::pair<const char*, size_t> cases[] = {
      {"\x80", 1},              // lone continuation byte
      {"\xC3\x28", 2},          // bad continuation
      {"\xC0\xAF", 2},          // overlong '/'
      {"\xE0\x80\xAF", 3},      // overlong, 3 bytes
      {"\xED\xA0\x80", 3},      // a UTF-16 surrogate encoded as UTF-8 (CESU-8)
      {"\xF4\x90\x80\x80", 4},  // past U+10FFFF
      {"\xF8\x88\x80\x80\x80", 5},
      {"\xFF", 1},
      {"\xE2\x82", 2},  // cut short before the closing quote
  };
  for (const auto& [bytes, n] : cases) {
    std::string text = std::string("{\"title\": \"ab") + std::string(bytes, n) + "cd\"}";
    Diagnostic d = only_error(text, Code::JsonSyntax, "/title");
    EXPECT_GE(d.offset, 13u) << "located in the string, not at its start";
    EXPECT_EQ(d.line, 1u);
  }
}

TEST_F(Hostile, LoneSurrogateEscapesAreRejected) {
  for (const char* s : {"\\ud800", "\\udc00", "\\ud800x", "\\ud800\\ud800", "\\udfff\\ud800", "\\ud83d\\u0041"})
    only_error(std::string("{\"title\": \"") + s + "\"}", Code::JsonSyntax, "/title");
  json a = minimal_article();
  std::string text = a.dump();
  text.replace(text.find("A title"), 7, "smile \\ud83d\\ude00");  // a proper pair is fine
  ArticleResult r = run(text);
  ASSERT_TRUE(r.ok) << test::codes(r);
  EXPECT_NE(r.html.find("smile \xF0\x9F\x98\x80"), std::string::npos);
}

TEST_F(Hostile, ByteOrderMarkIsAcceptedOnceAtTheStart) {
  ArticleResult r = run("\xEF\xBB\xBF" + seed_text());
  ASSERT_TRUE(r.ok) << test::codes(r);
  EXPECT_EQ(r.html, seed_html());
  // Positions still count from the real start of the text.
  std::string bad = "\xEF\xBB\xBF{\"id\": \"Bad Id\"}";
  ArticleResult b = run(bad);
  auto slugs = with_code(b, Code::InvalidSlug);
  ASSERT_EQ(slugs.size(), 1u);
  EXPECT_EQ(bad.substr(slugs[0].offset, 8), "\"Bad Id\"");
  // Twice, in the middle, or UTF-16's: not JSON.
  only_error("\xEF\xBB\xBF\xEF\xBB\xBF{}", Code::JsonSyntax, "");
  only_error("{\xEF\xBB\xBF}", Code::JsonSyntax, "");
  only_error(std::string("\xFF\xFE{\0}", 5), Code::JsonSyntax, "");
}

TEST_F(Hostile, NulBytes) {
  // Raw NUL: a control character inside a string, garbage outside one. (nlohmann alone takes a
  // NUL for the end of the input and would accept "{…}\0anything": regression, see
  // regression_test.cpp.)
  only_error(std::string("{\"title\": \"a\0b\"}", 16), Code::JsonSyntax, "/title");
  EXPECT_EQ(only_error(std::string("{\"title\": \"a\"}\0", 15), Code::JsonSyntax, "").offset, 14u);
  EXPECT_EQ(only_error(seed_text() + std::string("\0{\"title\": 1}", 14), Code::JsonSyntax, "").offset, seed_text().size());
  EXPECT_EQ(only_error(std::string("{\0\"title\": \"a\"}", 15), Code::JsonSyntax, "").offset, 1u);
  // Escaped NUL is a character like any other: shown as U+FFFD, in text and in Markdown.
  json a = minimal_article();
  std::string text = a.dump();
  text.replace(text.find("A title"), 7, "A\\u0000B");
  text.replace(text.find("Hello *world*."), 14, "C\\u0000*D*");
  ArticleResult r = run(text);
  ASSERT_TRUE(r.ok) << test::codes(r);
  EXPECT_NE(r.html.find(">A\xEF\xBF\xBD"
                        "B</h1>"),
            std::string::npos);
  EXPECT_NE(r.html.find("C\xEF\xBF\xBD<em>D</em>"), std::string::npos);
  EXPECT_EQ(r.html.find('\0'), std::string::npos);
}

TEST_F(Hostile, DuplicateKeysAreRejectedAtTheSecondKey) {
  std::string text = R"({"id": "a", "title": "one", "title": "two"})";
  Diagnostic d = with_code(run(text), Code::DuplicateKey).at(0);
  EXPECT_EQ(d.path, "/title");
  EXPECT_EQ(d.offset, text.rfind("\"title\""));
  json a = minimal_article();
  std::string nested = a.dump();
  nested.replace(nested.find("\"heading\""), 9, "\"id\":\"again\",\"heading\"");
  auto dups = with_code(run(nested), Code::DuplicateKey);
  ASSERT_EQ(dups.size(), 1u);
  EXPECT_EQ(dups[0].path, "/sections/0/id");
  // Keys differing in case are different keys (and "Title" is an unknown field).
  json b = minimal_article();
  b["Title"] = "x";
  ArticleResult r = run(b);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(with_code(r, Code::UnknownField).size(), 1u);
}

TEST_F(Hostile, NumbersAtTheEdges) {
  for (const char* n : {"1e999", "-1e999", "18446744073709551616", "-9223372036854775809", "1e-999", "-0", "600.5", "601.0", "6.01e2"}) {
    json a = minimal_article();
    std::string text = a.dump();
    text.insert(1, std::string("\"readingMinutes\": ") + n + ", ");
    ArticleResult r = run(text);
    EXPECT_FALSE(r.ok) << n;  // never an integer in 1–600; past double's range not even JSON to nlohmann
    bool located =
        !with_code(r, Code::WrongType).empty() || !with_code(r, Code::InvalidValue).empty() || !with_code(r, Code::JsonSyntax).empty();
    EXPECT_TRUE(located) << n << ": " << test::codes(r);
    for (const auto& d : r.diagnostics) EXPECT_EQ(d.path, "/readingMinutes") << n;
  }
  // A number with no fraction is an integer, as JSON Schema defines it (so the schema and the
  // validator agree): 600.0 and 1E2 are whole numbers in range.
  for (const char* n : {"600.0", "1E2", "5e0"}) {
    std::string text = minimal_article().dump();
    text.insert(1, std::string("\"readingMinutes\": ") + n + ", ");
    EXPECT_TRUE(run(text).ok) << n;
  }
}

// ---- wrong, missing and unknown fields --------------------------------------------------------

TEST_F(Hostile, WrongTypesEverywhere) {
  const char* pointers[] = {"/id",        "/lang",     "/title",      "/authors/0/role", "/authors",        "/authors/0", "/authors/0/name",
                            "/published", "/sections", "/sections/0", "/sections/0/id",  "/sections/0/body"};  // all present
  for (const char* p : pointers) {
    for (json wrong : {json(42), json(nullptr), json::array(), json::object({{"x", 1}}), json(true)}) {
      json a = minimal_article();
      json::json_pointer ptr(p);
      if (a.contains(ptr) && a[ptr].type() == wrong.type()) continue;  // (at() would abort: no exceptions)
      a[ptr] = wrong;
      ArticleResult r = run(a);
      EXPECT_FALSE(r.ok) << p << " = " << wrong.dump();
      bool at_path = false;
      for (const auto& d : r.diagnostics) at_path = at_path || (d.path == p && (d.code == Code::WrongType || d.code == Code::EmptyValue));
      EXPECT_TRUE(at_path) << p << " = " << wrong.dump() << ": " << test::codes(r);
    }
  }
}

TEST_F(Hostile, MissingFieldsAreEachReported) {
  for (const char* key : {"id", "lang", "title", "authors", "published", "sections"}) {
    json a = minimal_article();
    a.erase(key);
    ArticleResult r = run(a);
    auto missing = with_code(r, Code::MissingField);
    ASSERT_EQ(missing.size(), 1u) << key << ": " << test::codes(r);
    EXPECT_EQ(missing[0].path, std::string("/") + key);
  }
  EXPECT_EQ(with_code(run(std::string("{}")), Code::MissingField).size(), 6u);
}

TEST_F(Hostile, UnknownFieldsWarnAndReservedOnesAreIgnored) {
  json a = minimal_article();
  a["titel"] = "typo";
  a["sections"][0]["bdy"] = "typo";
  a["x-cms"] = {{"anything", json::array({1, 2, 3})}};
  a["$schema"] = "https://example.test/schema.json";
  ArticleResult r = run(a);
  ASSERT_TRUE(r.ok) << test::codes(r);
  auto unknown = with_code(r, Code::UnknownField);
  ASSERT_EQ(unknown.size(), 2u) << test::codes(r);
  EXPECT_EQ(unknown[0].path, "/titel");
  EXPECT_EQ(unknown[1].path, "/sections/0/bdy");
}

// ---- size limits ------------------------------------------------------------------------------

TEST_F(Hostile, TenMegabyteStringIsInputTooLargeWithDefaults) {
  json a = minimal_article();
  a["title"] = std::string(10u << 20, 'x');
  std::string text = a.dump();
  Diagnostic d = only_error(text, Code::InputTooLarge, "");
  EXPECT_EQ(d.offset, 0u);
  // With the input limit raised the same string is too long for a title, and for Markdown.
  RenderOptions o;
  o.limits.max_input_bytes = 32u << 20;
  only_error(text, Code::TooLong, "/title", o);
  json b = minimal_article();
  b["sections"][0]["body"] = rep("word ", 2u << 20);
  only_error(b.dump(), Code::TooLong, "/sections/0/body", o);
}

TEST_F(Hostile, HugeArraysAreTooMany) {
  json a = minimal_article();
  std::string text = a.dump();
  text.insert(1, "\"faq\": [" + rep("1,", 1000000) + "1], ");  // 2 MB, a million entries
  only_error(text, Code::TooMany, "/faq");
  json b = minimal_article();
  for (int i = 0; i < 2001; ++i) b["related"].push_back({{"title", "t"}, {"url", "/x"}});
  only_error(b.dump(), Code::TooMany, "/related");
}

TEST_F(Hostile, HundredThousandDeepNestingStopsAtTheDepthLimit) {
  const size_t n = 100000;
  Diagnostic d = only_error(rep("[", n) + rep("]", n), Code::JsonTooDeep, rep("/0", 64));
  EXPECT_EQ(d.offset, 64u);
  only_error(rep("{\"a\":", n) + "1" + rep("}", n), Code::JsonTooDeep, rep("/a", 64));
  only_error(rep("[{\"a\":", n / 2), Code::JsonTooDeep, rep("/0/a", 32));  // and unterminated
  // Deep inside an otherwise valid article (a reserved x- field is still parsed).
  std::string text = minimal_article().dump();
  text.insert(1, "\"x-deep\": " + rep("[", n) + rep("]", n) + ", ");
  only_error(text, Code::JsonTooDeep, "/x-deep" + rep("/0", 63));
}

TEST_F(Hostile, RaisedDepthLimitStillHasACeiling) {
  // JSON Pointers per level make memory grow with depth squared: configured limits above
  // Limits::kDepthCeiling (1000) are held at it.
  RenderOptions o;
  o.limits.max_depth = 100000000;
  Diagnostic d = only_error(rep("[", 100000) + rep("]", 100000), Code::JsonTooDeep, rep("/0", Limits::kDepthCeiling), o);
  EXPECT_NE(d.message.find("1000"), std::string::npos) << d.message;
  std::vector<Diagnostic> problems;
  parse_render_options(R"({"limits": {"maxDepth": 1001}})", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "/limits/maxDepth");
  problems.clear();
  EXPECT_EQ(parse_render_options(R"({"limits": {"maxDepth": 1000}})", problems).limits.max_depth, 1000u);
  EXPECT_TRUE(problems.empty());
}

// ---- pathological Markdown: cmark 0.30.2's test/pathological_tests.py, at its sizes ----------

std::string fragment(const std::string& md, size_t nesting = 32) {
  RenderOptions o;
  o.limits.max_input_bytes = 64u << 20;
  o.limits.max_markdown_bytes = 64u << 20;
  o.limits.max_markdown_nesting = nesting;
  o.limits.max_markdown_elements = 64u << 20;  // cmark's own sizes, past the default work budget
  return render_markdown_fragment(md, o);
}

TEST_F(Hostile, CmarkPathologicalCasesFinishWithCmarksStructure) {
  std::string h = fragment(rep("*a **a ", 65000) + "b" + rep(" a** a*", 65000));
  EXPECT_EQ(count(h, "<em>a <strong>a "), 65000u);
  EXPECT_EQ(count(h, " a</strong> a</em>"), 65000u);

  EXPECT_EQ(fragment(rep("a_ ", 65000)).find("<em>"), std::string::npos);   // closers without openers
  EXPECT_EQ(fragment(rep("_a ", 65000)).find("<em>"), std::string::npos);   // openers without closers
  EXPECT_EQ(fragment(rep("a]", 65000)).find("<a "), std::string::npos);     // link closers
  EXPECT_EQ(fragment(rep("[a", 65000)).find("<a "), std::string::npos);     // link openers
  EXPECT_EQ(fragment(rep("*a_ ", 50000)).find("<em>"), std::string::npos);  // mismatched
  h = fragment(rep("*a ", 20000) + rep("_a*_ ", 20000));                    // issue #389
  EXPECT_EQ(count(h, "<em>a "), 20000u);
  EXPECT_EQ(fragment("a**b" + rep("c* ", 50000)).find("<em>"), std::string::npos);  // multiple of 3
  h = fragment(rep("[ a_", 50000));                                                 // link openers, emph closers
  EXPECT_EQ(h.find("<a "), std::string::npos);
  EXPECT_EQ(h.find("<em>"), std::string::npos);
  EXPECT_EQ(fragment(rep("[ (](", 80000)).find("<a "), std::string::npos);
  EXPECT_EQ(fragment("**x [a*b**c*](d)"), "<p>**x <a href=\"d\">a<em>b**c</em></a></p>\n");
  h = fragment(rep("[", 50000) + "a" + rep("]", 50000));  // nested brackets
  EXPECT_EQ(count(h, "["), 50000u);
  EXPECT_EQ(h.find("<a "), std::string::npos);
  EXPECT_EQ(fragment(std::string("abc\0de\0", 7)),
            "<p>abc\xEF\xBF\xBD"
            "de\xEF\xBF\xBD</p>\n");
  std::string ticks;
  for (int x = 1; x < 5000; ++x) ticks += "e" + std::string(static_cast<size_t>(x), '`');
  h = fragment(ticks);  // backticks
  EXPECT_EQ(h.rfind("<p>e`e``", 0), 0u);
  EXPECT_EQ(h.find("<code>"), std::string::npos);
  EXPECT_EQ(fragment(rep("[a](<b", 30000)).find("<a "), std::string::npos);  // unclosed links A
  EXPECT_EQ(fragment(rep("[a](b", 30000)).find("<a "), std::string::npos);   // unclosed links B
}

TEST_F(Hostile, CmarkPathologicalReferenceCollisions) {
  // Keys whose cmark refmap hash collides (REFMAP_SIZE 16), as pathological_tests.py builds them.
  auto badhash = [](const std::string& ref) {
    uint32_t h = 0;
    for (unsigned char c : ref) h = c + (h << 6) + (h << 16) - h;
    return h % 16 == 0;
  };
  std::vector<std::string> keys;
  for (int i = 0; keys.size() < 50000; ++i)
    if (std::string k = "x" + std::to_string(i); badhash(k)) keys.push_back(k);
  std::string doc;
  for (size_t i = 1; i < keys.size(); ++i) doc += "[" + keys[i] + "]: /url\n\n[" + keys[0] + "]\n\n";
  EXPECT_EQ(count(fragment(doc), "<p>[" + keys[0] + "]</p>\n"), 49999u);
}

TEST_F(Hostile, NestedContainersAreRefusedNotParsed) {
  // pathological_tests.py's "nested block quotes" and "deeply nested lists" are past any nesting
  // limit: the field is shown as text, and in an article it is a located error.
  EXPECT_EQ(fragment(rep("> ", 50000) + "a").rfind("<p>&gt; &gt; &gt; ", 0), 0u);
  std::string lists;
  for (int x = 0; x < 1000; ++x) lists += rep("  ", static_cast<size_t>(x)) + "* a\n";
  EXPECT_EQ(fragment(lists, Limits::kMarkdownNestingCeiling).rfind("<p>* a\n  * a", 0), 0u);
  // Within the limit, the same shape renders as cmark renders it.
  std::string thirty;
  for (int x = 0; x < 30; ++x) thirty += rep("  ", static_cast<size_t>(x)) + "* a\n";
  EXPECT_EQ(count(fragment(thirty), "<ul>"), 30u);
  // TOOLCHAIN.md's quadratic case, in an article.
  json a = minimal_article();
  a["sections"][0]["body"] = rep("- ", 30000) + "x" + rep("\n", 30000);
  std::string text = a.dump();
  Diagnostic d = only_error(text, Code::MarkdownTooNested, "/sections/0/body");
  EXPECT_EQ(text.substr(d.offset, 4), "- - ");
}

TEST_F(Hostile, QuadraticImageBracketsAreRefused) {
  // cmark 0.30.2 (no CVE-2023-22486 fix) walks every open "![" at each link: "![[]()" × n is
  // quadratic. The pre-scan refuses it before cmark sees it.
  for (const std::string& evil :
       {rep("![[]()", 15000), rep("![x ", 5000) + rep("[]()", 5000), rep("![![[]()", 10000), "[a]: /u\n\n" + rep("![[a]", 15000)}) {
    EXPECT_GT(markdown_image_bracket_work(evil), kMaxImageBracketWork);
    std::string shown = fragment(evil);  // as plain text: no link, no image
    EXPECT_EQ(shown.rfind("<p>", 0), 0u);
    EXPECT_EQ(shown.find("<a "), std::string::npos);
    EXPECT_EQ(shown.find("<img "), std::string::npos);
    json a = minimal_article();
    a["faq"] = json::array({{{"question", "Q?"}, {"answer", evil}}});
    only_error(a.dump(), Code::MarkdownTooNested, "/faq/0/answer");
  }
  // A paragraph with many images and links, and many paragraphs, are fine.
  std::string busy = rep("![a](/a.png) [b](/b) ", 200) + "\n\n";
  EXPECT_LE(markdown_image_bracket_work(rep(busy, 50)), kMaxImageBracketWork);
  EXPECT_EQ(count(fragment(rep(busy, 50)), "<img "), 10000u);
}

TEST_F(Hostile, RaisedNestingLimitStillHasACeiling) {
  std::vector<Diagnostic> problems;
  parse_render_options(R"({"limits": {"maxMarkdownNesting": 100000}})", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "/limits/maxMarkdownNesting");
  MarkdownOptions mo;
  mo.max_nesting = 1000000;  // native callers are held at the ceiling too
  std::vector<Code> reported;
  mo.report = [&](Code c, size_t, std::string) { reported.push_back(c); };
  std::string out;
  render_markdown(out, rep("- ", 20000) + "x" + rep("\n", 20000), mo);
  EXPECT_EQ(reported, std::vector<Code>{Code::MarkdownTooNested});
}

}  // namespace
}  // namespace aw
