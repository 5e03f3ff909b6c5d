// The format is declared once (src/format.cpp): the committed schema, FORMAT.md's field tables and
// the TypeScript article types must be exactly what the tables generate (UPDATE_GOLDEN=1 rewrites
// them; review the diff), and the tables themselves must be complete.
#include <cstdlib>
#include <fstream>
#include <set>

#include "aw/format.hpp"
#include "test_util.hpp"

namespace aw {
namespace {

using format::Kind;

void expect_generated(const std::string& relative, const std::string& generated) {
  const std::string path = test::source_path(relative);
  if (std::getenv("UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << generated;
  EXPECT_EQ(test::read_file(path), generated) << relative << " is not what src/format.cpp generates (UPDATE_GOLDEN=1 rewrites it)";
}

TEST(Format, SchemaIsGenerated) { expect_generated("schema/article.schema.json", format::json_schema()); }

TEST(Format, FormatDocIsGenerated) {
  const std::string md = test::read_file(test::source_path("docs/FORMAT.md"));
  // Every table has its block in FORMAT.md (a missing marker would silently generate nothing).
  for (const format::Object* o : format::all_objects())
    EXPECT_NE(md.find("<!-- format:fields " + std::string(o->name) + " -->"), std::string::npos) << o->name;
  EXPECT_NE(md.find("<!-- format:kinds -->"), std::string::npos);
  expect_generated("docs/FORMAT.md", format::update_format_md(md));
}

TEST(Format, TypeScriptTypesAreGenerated) {
  const std::string dts = test::read_file(test::source_path("web/index.d.ts"));
  EXPECT_NE(dts.find("// <format:types generated"), std::string::npos);
  expect_generated("web/index.d.ts", format::update_typescript(dts));
}

TEST(Format, EveryFieldIsDescribedAndNamedOnce) {
  for (const format::Object* o : format::all_objects()) {
    EXPECT_STRNE(o->doc, "") << o->name;
    std::set<std::string_view> names;
    for (const format::Field& f : o->fields) {
      EXPECT_TRUE(names.insert(f.name).second) << o->name << "." << f.name << " is declared twice";
      EXPECT_STRNE(f.doc, "") << o->name << "." << f.name;
      EXPECT_TRUE(f.kind == Kind::Object || f.kind == Kind::List ? f.child || f.set : f.set != nullptr) << o->name << "." << f.name;
      if (f.kind == Kind::List) EXPECT_TRUE(f.object || f.item) << o->name << "." << f.name;
      if (f.kind == Kind::Enum) EXPECT_GT(f.values.size, 0u) << o->name << "." << f.name;
    }
  }
}

// The tables drive the validator: every declared field is read, and a field the tables do not
// declare is unknown, at every object of the format.
TEST(Format, TheValidatorReadsWhatTheTablesDeclare) {
  using nlohmann::json;
  json a = test::minimal_article();
  a["subject"] = {{"title", "T"}};
  a["spoilers"] = {{"level", "minor"}};
  a["quickAnswer"] = {{"question", "Q?"}, {"answer", "A."}};
  a["sources"] = json::array({{{"id", "s"}, {"label", "L"}, {"title", "T"}}});
  a["sections"][0]["sources"] = json::array({"s"});
  a["sections"][0]["sections"] = json::array({{{"id", "sub"}, {"heading", "Sub"}}});
  a["faq"] = json::array({{{"question", "Q?"}, {"answer", "A."}}});
  a["related"] = json::array({{{"title", "T"}, {"url", "/x"}}});
  ASSERT_TRUE(test::run(a).ok) << test::codes(test::run(a));
  const std::pair<const char*, json*> objects[] = {{"", &a},
                                                   {"/subject", &a["subject"]},
                                                   {"/authors/0", &a["authors"][0]},
                                                   {"/spoilers", &a["spoilers"]},
                                                   {"/quickAnswer", &a["quickAnswer"]},
                                                   {"/sources/0", &a["sources"][0]},
                                                   {"/sections/0", &a["sections"][0]},
                                                   {"/sections/0/sections/0", &a["sections"][0]["sections"][0]},
                                                   {"/faq/0", &a["faq"][0]},
                                                   {"/related/0", &a["related"][0]}};
  for (const auto& [pointer, object] : objects) {
    (*object)["notAField"] = 1;
    ArticleResult r = test::run(a);
    auto unknown = test::with_code(r, Code::UnknownField);
    ASSERT_EQ(unknown.size(), 1u) << pointer;
    EXPECT_EQ(unknown[0].path, std::string(pointer) + "/notAField");
    object->erase("notAField");
  }
}

}  // namespace
}  // namespace aw
