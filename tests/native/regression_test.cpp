// Regression tests for problems found by the fuzzer (tests/fuzz/fuzz_article.cpp) and by the
// hostile-input work (docs/SECURITY.md). Each names what broke and how it was fixed.
#include <gtest/gtest.h>

#include "aw/markdown.hpp"
#include "test_util.hpp"

namespace aw {
namespace {

using nlohmann::json;
using test::minimal_article;
using test::run;

std::string rep(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Found while porting the quadratic cases: structured data (JSON-LD, description) re-parsed FAQ
// answers and the quick answer with cmark even when the article had failed a limit, so a 96 KB
// "- - - … x\n\n\n…" FAQ answer took 105 s natively although the renderer had refused it
// (markdown-too-nested). Fix (src/api.cpp): structured data is built only for a valid article.
TEST(Regression, StructuredDataNeverParsesARefusedField) {
  json a = minimal_article();
  a["faq"] = json::array({{{"question", "Q?"}, {"answer", rep("- ", 30000) + "x" + rep("\n", 30000)}}});
  a["quickAnswer"] = {{"question", "Q?"}, {"answer", rep("> ", 30000) + "x" + rep("\n", 30000)}};
  ArticleResult r = run(a);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(test::with_code(r, Code::MarkdownTooNested).size(), 2u) << test::codes(r);
  EXPECT_TRUE(r.json_ld.empty());
  EXPECT_TRUE(r.description.empty());
  // A valid article still gets both.
  ArticleResult ok = run(minimal_article());
  ASSERT_TRUE(ok.ok);
  EXPECT_FALSE(ok.json_ld.empty());
}

// Found by bench/pathological.js: cmark 0.30.2 is quadratic on "![[]()" repeated (fixed upstream
// in 0.30.3, CVE-2023-22486): 72 KB took 1.3 s, 180 KB 11 s. Fix (src/markdown.cpp):
// markdown_image_bracket_work() bounds ("![" count × "]" count) per block before cmark runs.
TEST(Regression, ImageBracketWorkIsCountedPerBlock) {
  EXPECT_EQ(markdown_image_bracket_work(""), 0u);
  EXPECT_EQ(markdown_image_bracket_work("![a](b) [c](d)"), 2u);     // 1 image opener × 2 closers
  EXPECT_EQ(markdown_image_bracket_work("![a](b)\n\n[c](d)"), 1u);  // a blank line ends a block
  EXPECT_EQ(markdown_image_bracket_work("![a](b)\n \t\n[c](d)"), 1u);
  size_t at = 99;
  EXPECT_EQ(markdown_image_bracket_work("x\n\n![![]]\n", &at), 4u);
  EXPECT_EQ(at, 3u);
  EXPECT_GT(markdown_image_bracket_work(rep("![[]()", 400)), kMaxImageBracketWork);
}

// Found by reading json_source.cpp for the 100 000-deep case: with maxDepth raised, every level
// stores its full JSON Pointer (frames and value_offsets), so memory grew with depth squared —
// depth 20 000 took 1.3 GB and 11 s, 100 000 was killed. Fix: Limits::kDepthCeiling (1000) holds
// for every caller (src/json_source.cpp) and the option is validated (src/api.cpp).
TEST(Regression, DepthCeilingHoldsForNativeCallers) {
  RenderOptions o;
  o.limits.max_depth = 50000;
  ArticleResult r = run(rep("{\"a\":", 20000) + "1" + rep("}", 20000), o);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, Code::JsonTooDeep);
  EXPECT_EQ(r.diagnostics[0].path.size(), 2u * Limits::kDepthCeiling);
}

// Found by tests/native/hostile_test.cpp (NUL bytes): nlohmann's lexer treats a raw NUL as the end
// of the input, so a complete article followed by "\0" and anything at all was accepted — what
// the widget rendered differed from what any other JSON parser (a CMS, JSON.parse) would say.
// Fix (src/json_source.cpp): a NUL left after a successful parse is a json-syntax error there.
TEST(Regression, TextAfterANulByteIsNotIgnored) {
  std::string text = minimal_article().dump() + std::string("\0", 1) + "<script>alert(1)</script>";
  ArticleResult r = run(text);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, Code::JsonSyntax);
  EXPECT_EQ(r.diagnostics[0].offset, minimal_article().dump().size());
}

// Found with a minified (one-line) hostile article: every diagnostic counted the code points from
// its line's start, so 300 000 unknown fields on one 3.5 MB line took 357 s, and the report was
// 53 MB. Fixes (src/diagnostics.cpp): columns come from 4 KiB checkpoints; at most 1000 errors and
// 1000 warnings are kept, plus one too-many-problems warning per list cut (ok stays false).
TEST(Regression, ManyDiagnosticsOnOneHugeLine) {
  std::string text = "{\"faq\": [";
  for (int o = 0; o < 20; ++o) {
    text += "{";
    for (int i = 0; i < 150; ++i) text += "\"k\u00e9" + std::to_string(i) + "\": \"\u00e9\u00e9\", ";
    text += "\"z\": 1}, ";
  }
  text += "1]}";
  ArticleResult r = run(text);
  EXPECT_FALSE(r.ok);
  size_t warnings = 0, cut = 0;
  for (const auto& d : r.diagnostics) {
    if (d.severity == Severity::Warning) ++warnings;
    if (d.code == Code::TooManyProblems) ++cut;
    // the column is still exact: recount it the slow way
    uint32_t col = 1;
    for (size_t i = 0; i < d.offset; ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    ASSERT_EQ(d.line, 1u);
    ASSERT_EQ(d.column, col) << d.path;
  }
  EXPECT_EQ(cut, 1u);                              // the warnings' list says it is cut
  EXPECT_EQ(warnings, Diagnostics::kMaxKept + 1);  // 3 000 unknown fields: 1 000 kept + that note
}

// Found while measuring hostile sizes: a 4 MB "[1,1,1,…]" built two million values and JSON
// Pointers (4.4 s natively, more in wasm) before the validator said too-many. Fix
// (src/json_source.cpp): no array or object grows past maxItems while parsing.
TEST(Regression, TooManyStopsTheParser) {
  std::string text = "{\"faq\": [" + rep("1,", 2000000) + "1]}";
  ArticleResult r = run(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << test::codes(r);
  EXPECT_EQ(r.diagnostics[0].code, Code::TooMany);
  EXPECT_EQ(r.diagnostics[0].path, "/faq");
  EXPECT_EQ(r.diagnostics[0].offset, 9u + 2 * 2000);  // at the 2001st entry
  std::string object = "{";
  for (int i = 0; i < 3000; ++i) object += "\"k" + std::to_string(i) + "\": 1, ";
  object += "\"z\": 1}";
  ArticleResult o = run(object);
  ASSERT_EQ(o.diagnostics.size(), 1u);
  EXPECT_EQ(o.diagnostics[0].code, Code::TooMany);
  EXPECT_EQ(o.diagnostics[0].path, "");
}

}  // namespace
}  // namespace aw
