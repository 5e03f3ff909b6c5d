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
  EXPECT_EQ(markdown_image_bracket_work("![a](b) [c](d)"), 2u);    // 1 image opener × 2 closers
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

}  // namespace
}  // namespace aw
