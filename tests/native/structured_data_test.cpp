// schema.org JSON-LD: structure, script safety, and gated text kept out by default.
#include <gtest/gtest.h>

#include "test_util.hpp"

namespace aw {
namespace {

using nlohmann::json;

json seed() { return json::parse(test::read_file(test::source_path("examples/la-la-land.json"))); }

json ld(const ArticleResult& r) {
  json parsed = json::parse(r.json_ld, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << r.json_ld;
  return parsed;
}

TEST(StructuredData, ArticleAndFaqPage) {
  RenderOptions o;
  o.publisher_name = "Reel Endings";
  o.publisher_url = "https://reel.test/";
  o.canonical_url = "https://reel.test/la-la-land-ending";
  ArticleResult r = test::run(seed(), o);
  json graph = ld(r);
  ASSERT_TRUE(graph.is_array());
  ASSERT_EQ(graph.size(), 2u);
  const json& article = graph[0];
  EXPECT_EQ(article["@context"], "https://schema.org");
  EXPECT_EQ(article["@type"], "Article");
  EXPECT_EQ(article["headline"], "La La Land: the twist, final scene, and what the ending means.");
  EXPECT_EQ(article["author"][0]["name"], "Simon");
  EXPECT_EQ(article["author"][0]["jobTitle"], "Staff Writer");
  EXPECT_EQ(article["reviewedBy"][0]["name"], "Arthur");
  EXPECT_EQ(article["datePublished"], "2026-05-18");
  EXPECT_EQ(article["dateModified"], "2026-05-20");
  EXPECT_EQ(article["publisher"]["name"], "Reel Endings");
  EXPECT_EQ(article["mainEntityOfPage"], "https://reel.test/la-la-land-ending");
  EXPECT_EQ(article["about"]["@type"], "Movie");
  EXPECT_EQ(article["about"]["name"], "La La Land");
  const json& faq = graph[1];
  EXPECT_EQ(faq["@type"], "FAQPage");
  ASSERT_EQ(faq["mainEntity"].size(), 2u);
  EXPECT_EQ(faq["mainEntity"][0]["@type"], "Question");
  EXPECT_EQ(faq["mainEntity"][0]["name"], "What is La La Land about?");
  EXPECT_EQ(faq["mainEntity"][0]["acceptedAnswer"]["@type"], "Answer");
  EXPECT_EQ(faq["mainEntity"][0]["acceptedAnswer"]["text"].get<std::string>().rfind("Mia, an aspiring actress", 0), 0u);
}

TEST(StructuredData, GatedTextStaysOutUnlessOptedIn) {
  json a = seed();
  a.erase("dek");
  a["faq"][1]["spoiler"] = true;
  ArticleResult r = test::run(a);
  EXPECT_EQ(r.description, "");  // the quick answer is a spoiler
  json graph = ld(r);
  EXPECT_FALSE(graph[0].contains("description"));
  EXPECT_EQ(graph[1]["mainEntity"].size(), 1u);
  EXPECT_EQ(r.json_ld.find("five-year-later"), std::string::npos);
  RenderOptions o;
  o.spoilers_in_metadata = true;
  ArticleResult open = test::run(a, o);
  EXPECT_EQ(open.description.rfind("La La Land (2016) ends with a five-year-later epilogue", 0), 0u);
  EXPECT_EQ(ld(open)[1]["mainEntity"].size(), 2u);
}

TEST(StructuredData, ScriptEndAndCommentsAreEscaped) {
  json a = test::minimal_article();
  a["title"] = "</script><script>alert(1)</script><!--";
  a["faq"] = json::array({{{"question", "a </SCRIPT> b"}, {"answer", "x & y [^]"}}});
  ArticleResult r = test::run(a);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.json_ld.find('<'), std::string::npos);
  EXPECT_EQ(r.json_ld.find('>'), std::string::npos);
  EXPECT_EQ(r.json_ld.find('&'), std::string::npos);
  EXPECT_EQ(ld(r)[0]["headline"], "</script><script>alert(1)</script><!--");  // same text once parsed
  EXPECT_EQ(ld(r)[1]["mainEntity"][0]["name"], "a </SCRIPT> b");
}

TEST(StructuredData, FootnoteMarkersAndMarkdownBecomePlainText) {
  json a = test::minimal_article();
  a["faq"] = json::array({{{"question", "Q"}, {"answer", "It is *very* good[^src].\n\nSecond `para`."}}});
  a["sources"] = json::array({{{"id", "src"}, {"label", "L"}, {"title", "T"}}});
  ArticleResult r = test::run(a);
  EXPECT_EQ(ld(r)[1]["mainEntity"][0]["acceptedAnswer"]["text"], "It is very good. Second para.");
}

}  // namespace
}  // namespace aw
