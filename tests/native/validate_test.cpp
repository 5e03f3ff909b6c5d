// Every validation code, each with the path it must point at.
#include <gtest/gtest.h>

#include "aw/validate.hpp"
#include "test_util.hpp"

namespace aw {
namespace {

using nlohmann::json;
using test::minimal_article;
using test::run;
using test::with_code;

// Runs `article`, expects exactly one diagnostic with `code` at `path` (plus any `also` codes).
void expect_only(const json& article, Code code, const std::string& path) {
  ArticleResult r = run(article);
  auto found = with_code(r, code);
  ASSERT_EQ(found.size(), 1u) << "got: " << test::codes(r);
  EXPECT_EQ(found[0].path, path);
  EXPECT_FALSE(found[0].message.empty());
  EXPECT_EQ(r.diagnostics.size(), 1u) << "got: " << test::codes(r);
  EXPECT_EQ(r.ok, code_severity(code) == Severity::Warning);
}

TEST(Validate, MinimalArticleIsClean) {
  ArticleResult r = run(minimal_article());
  EXPECT_TRUE(r.ok) << test::codes(r);
  EXPECT_TRUE(r.diagnostics.empty()) << test::codes(r);
  EXPECT_EQ(r.id, "test-article");
  EXPECT_FALSE(r.html.empty());
}

TEST(Validate, RootMustBeAnObject) {
  ArticleResult r = run(std::string("[1, 2]"));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, Code::WrongType);
  EXPECT_EQ(r.diagnostics[0].path, "");
}

TEST(Validate, MissingField) {
  json a = minimal_article();
  a.erase("title");
  expect_only(a, Code::MissingField, "/title");
}

TEST(Validate, WrongType) {
  json a = minimal_article();
  a["title"] = 42;
  expect_only(a, Code::WrongType, "/title");
  a = minimal_article();
  a["sections"][0]["spoiler"] = "yes";
  expect_only(a, Code::WrongType, "/sections/0/spoiler");
  a = minimal_article();
  a["authors"] = json::object();
  expect_only(a, Code::WrongType, "/authors");
}

TEST(Validate, EmptyValue) {
  json a = minimal_article();
  a["title"] = "   ";
  expect_only(a, Code::EmptyValue, "/title");
  a = minimal_article();
  a["sections"] = json::array();
  expect_only(a, Code::EmptyValue, "/sections");
}

TEST(Validate, TooLong) {
  json a = minimal_article();
  a["title"] = std::string(2001, 'x');
  expect_only(a, Code::TooLong, "/title");
  a = minimal_article();
  a["title"] = std::string(2000 / 2, 'x') + std::string(1000, 'y');  // exactly 2000: fine
  EXPECT_TRUE(run(a).ok);
  a = minimal_article();
  a["sections"][0]["body"] = std::string(100001, 'x');
  expect_only(a, Code::TooLong, "/sections/0/body");
}

TEST(Validate, TooMany) {
  json a = minimal_article();
  RenderOptions o;
  o.limits.max_items = 3;
  for (int i = 0; i < 4; ++i) a["faq"].push_back({{"question", "Q" + std::to_string(i)}, {"answer", "A"}});
  ArticleResult r = run(a, o);
  auto found = with_code(r, Code::TooMany);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, "/faq");
}

TEST(Validate, InvalidSlug) {
  json a = minimal_article();
  a["sections"][0]["id"] = "Not A Slug";
  expect_only(a, Code::InvalidSlug, "/sections/0/id");
  for (const char* bad : {"-lead", "UPPER", "a_b", "é"}) {
    a["sections"][0]["id"] = bad;
    EXPECT_FALSE(run(a).ok) << bad;
  }
}

TEST(Validate, InvalidDate) {
  json a = minimal_article();
  a["published"] = "2026-02-30";
  expect_only(a, Code::InvalidDate, "/published");
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2026-13-01"));
  EXPECT_FALSE(is_iso_date("2026-05"));
  EXPECT_TRUE(is_iso_date("2026-05", true));
  EXPECT_TRUE(is_iso_date("2026", true));
  EXPECT_FALSE(is_iso_date("May 18, 2026", true));
}

TEST(Validate, InvalidLanguage) {
  json a = minimal_article();
  a["lang"] = "english please";
  expect_only(a, Code::InvalidLanguage, "/lang");
}

TEST(Validate, InvalidValue) {
  json a = minimal_article();
  a["spoilers"] = {{"level", "extreme"}};
  expect_only(a, Code::InvalidValue, "/spoilers/level");
  a = minimal_article();
  a["readingMinutes"] = 0;
  expect_only(a, Code::InvalidValue, "/readingMinutes");
  a = minimal_article();
  a["dir"] = "up";
  expect_only(a, Code::InvalidValue, "/dir");
}

TEST(Validate, UnsafeUrl) {
  json a = minimal_article();
  a["related"] = json::array({{{"title", "x"}, {"url", "javascript:alert(1)"}}});
  expect_only(a, Code::UnsafeUrl, "/related/0/url");
  a = minimal_article();
  a["authors"][0]["url"] = "data:text/html,x";
  expect_only(a, Code::UnsafeUrl, "/authors/0/url");
}

TEST(Validate, DuplicateIds) {
  json a = minimal_article();
  a["sections"].push_back({{"id", "intro"}, {"heading", "Again"}});
  expect_only(a, Code::DuplicateId, "/sections/1/id");
  a = minimal_article();
  a["faq"] = json::array({{{"id", "intro"}, {"question", "Q"}, {"answer", "A"}}});
  expect_only(a, Code::DuplicateId, "/faq/0/id");
}

TEST(Validate, UnknownSourceInSectionList) {
  json a = minimal_article();
  a["sections"][0]["sources"] = json::array({"nowhere"});
  expect_only(a, Code::UnknownSource, "/sections/0/sources/0");
}

TEST(Validate, SectionsTooDeep) {
  json a = minimal_article();
  json s = {{"id", "l5"}, {"heading", "5"}};
  for (int level = 4; level >= 1; --level) s = {{"id", "l" + std::to_string(level)}, {"heading", "h"}, {"sections", json::array({s})}};
  a["sections"] = json::array({s});
  expect_only(a, Code::SectionsTooDeep, "/sections/0/sections/0/sections/0/sections/0/sections");
}

TEST(Validate, UnknownFieldIsAWarningAtTheKey) {
  json a = minimal_article();
  a["titel"] = "typo";
  a["x-cms-id"] = 7;   // reserved: ignored
  a["$schema"] = "x";  // reserved: ignored
  expect_only(a, Code::UnknownField, "/titel");
}

TEST(Validate, DateOrderIsAWarning) {
  json a = minimal_article();
  a["updated"] = "2026-01-01";
  expect_only(a, Code::DateOrder, "/updated");
}

TEST(Validate, ReportsEveryProblemInOnePass) {
  json a = minimal_article();
  a["title"] = 1;
  a["published"] = "yesterday";
  a["lang"] = "??";
  a["sections"][0]["id"] = "Bad Id";
  a["sections"][0]["body"] = "cites [^ghost]";
  ArticleResult r = run(a);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(with_code(r, Code::WrongType).size(), 1u);
  EXPECT_EQ(with_code(r, Code::InvalidDate).size(), 1u);
  EXPECT_EQ(with_code(r, Code::InvalidLanguage).size(), 1u);
  EXPECT_EQ(with_code(r, Code::InvalidSlug).size(), 1u);
  EXPECT_EQ(with_code(r, Code::UnknownSource).size(), 1u);
  EXPECT_TRUE(r.html.empty());
}

TEST(Validate, LocationsPointIntoTheText) {
  std::string text =
      "{\n  \"id\": \"x\",\n  \"lang\": \"en\",\n  \"title\": 7,\n  \"authors\": [{\"name\": \"A\"}],\n"
      "  \"published\": \"2026-01-01\",\n  \"sections\": [{\"id\": \"a\", \"heading\": \"H\"}]\n}";
  ArticleResult r = run(text);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].line, 4u);
  EXPECT_EQ(r.diagnostics[0].column, 12u);
  EXPECT_EQ(r.diagnostics[0].offset, text.find("7"));
}

TEST(Validate, CodesHaveUniqueNames) {
  std::set<std::string_view> names;
  for (Code c : all_codes()) EXPECT_TRUE(names.insert(code_name(c)).second) << code_name(c);
  EXPECT_EQ(names.size(), static_cast<size_t>(Code::TooManyProblems) + 1);
}

TEST(Validate, EveryCodeIsDocumented) {
  std::string doc = test::read_file(test::source_path("docs/errors.md"));
  ASSERT_FALSE(doc.empty()) << "docs/errors.md is missing";
  for (Code c : all_codes())
    EXPECT_NE(doc.find("| `" + std::string(code_name(c)) + "` |"), std::string::npos) << code_name(c) << " is not in docs/errors.md";
}

}  // namespace
}  // namespace aw

namespace aw {
namespace {

// Messages a person can act on: the closest known name, and where the first of two ids is.
TEST(Validate, MessagesNameTheClosestFieldIdAnchorAndValue) {
  json a = test::minimal_article();
  a["quickAnwser"] = {{"question", "Q?"}, {"answer", "A."}};
  a["spoilers"] = {{"level", "majr"}};
  a["sources"] = json::array({{{"id", "caine-interview"}, {"label", "L"}, {"title", "T"}, {"url", "www.example.com/caine"}}});
  a["sections"][0]["body"] = "As Caine said [^caine]; see [below](#intor).";
  a["sections"].push_back({{"id", "intro"}, {"heading", "Again"}});
  std::string text = a.dump(1);
  ArticleResult r = render_article_json(text, RenderOptions{});
  auto message = [&](Code code) {
    for (const Diagnostic& d : r.diagnostics)
      if (d.code == code) return d.message;
    return std::string("(no ") + std::string(code_name(code)) + ")";
  };
  EXPECT_NE(message(Code::UnknownField).find("Did you mean \"quickAnswer\"?"), std::string::npos) << message(Code::UnknownField);
  EXPECT_NE(message(Code::InvalidValue).find("Did you mean \"major\"?"), std::string::npos) << message(Code::InvalidValue);
  EXPECT_NE(message(Code::UnknownSource).find("Did you mean \"caine-interview\"?"), std::string::npos) << message(Code::UnknownSource);
  EXPECT_NE(message(Code::MissingAnchor).find("Did you mean \"intro\"?"), std::string::npos) << message(Code::MissingAnchor);
  EXPECT_NE(message(Code::UrlWithoutScheme).find("did you mean \"https://www.example.com/caine\"?"), std::string::npos);
  const std::string dup = message(Code::DuplicateId);
  const size_t first_line =
      static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(text.find("\"intro\"")), '\n')) + 1;
  EXPECT_NE(dup.find("first at line " + std::to_string(first_line) + ", /sections/0/id"), std::string::npos) << dup;
  // Hints cost a comparison with every name: only the first Diagnostics::kMaxSuggestions get one.
  json many = test::minimal_article();
  for (int i = 0; i < 300; ++i) many["titl" + std::to_string(i)] = "x";
  size_t hinted = 0;
  for (const Diagnostic& d : run(many).diagnostics) hinted += d.message.find("Did you mean") != std::string::npos;
  EXPECT_EQ(hinted, Diagnostics::kMaxSuggestions);
  // No guess when nothing is close.
  EXPECT_EQ(did_you_mean("zzzzzz", {"title", "dek"}), "");
  EXPECT_EQ(did_you_mean("ab", {"abc-1", "abc-2"}), "");
}

}  // namespace
}  // namespace aw
