#include <gtest/gtest.h>

#include "aw/json_source.hpp"

namespace aw {
namespace {

struct Parsed {
  bool ok;
  JsonDocument doc;
  std::vector<Diagnostic> diags;
};

Parsed parse(std::string_view text, Limits limits = {}) {
  Parsed p;
  Diagnostics d(text);
  p.ok = parse_json(text, limits, p.doc, d);
  p.diags = d.all();
  return p;
}

TEST(JsonSource, RecordsTheOffsetOfEveryValue) {
  std::string text = "{\n  \"a\": [1, \"two\", {\"b\": null}],\n  \"c\": true\n}";
  Parsed p = parse(text);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.doc.value_offsets.at(""), 0u);
  EXPECT_EQ(text.substr(p.doc.value_offsets.at("/a"), 1), "[");
  EXPECT_EQ(text.substr(p.doc.value_offsets.at("/a/0"), 1), "1");
  EXPECT_EQ(text.substr(p.doc.value_offsets.at("/a/1"), 5), "\"two\"");
  EXPECT_EQ(text.substr(p.doc.value_offsets.at("/a/2/b"), 4), "null");
  EXPECT_EQ(text.substr(p.doc.value_offsets.at("/c"), 4), "true");
  EXPECT_EQ(text.substr(p.doc.key_offsets.at("/c"), 3), "\"c\"");
}

TEST(JsonSource, OffsetOfFallsBackToTheNearestAncestor) {
  std::string text = R"({"a": {"b": 1}})";
  Parsed p = parse(text);
  EXPECT_EQ(p.doc.offset_of("/a/missing"), p.doc.offset_of("/a"));
  EXPECT_EQ(p.doc.offset_of("/nothing/deeper"), 0u);
}

TEST(JsonSource, EscapesPointerTokens) {
  Parsed p = parse(R"({"a/b": {"c~d": 1}})");
  ASSERT_TRUE(p.ok);
  EXPECT_TRUE(p.doc.value_offsets.count("/a~1b/c~0d"));
}

TEST(JsonSource, SyntaxErrorHasLineAndColumn) {
  Parsed p = parse("{\n  \"a\": [1, 2,]\n}");
  ASSERT_FALSE(p.ok);
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].code, Code::JsonSyntax);
  EXPECT_EQ(p.diags[0].line, 2u);
  EXPECT_EQ(p.diags[0].column, 13u);  // the trailing comma itself
  EXPECT_NE(p.diags[0].message.find("not valid JSON: a trailing comma before ']'"), std::string::npos);
}

TEST(JsonSource, RejectsEveryKindOfMalformedText) {
  for (std::string_view bad :
       {"", "{", "{\"a\": 1", "{\"a\": 1,}", "[1 2]", "{'a': 1}", "{\"a\": tru}", "nul", "{\"a\": \"\xFF\"}", "{\"a\": \"\\uD800\"}",
        "{\"a\": \"\\uDC00x\"}", "{\"a\": 01}", "{\"a\": 1} extra", "{\"a\": \"tab\there\"}", "\xEF\xBB"}) {
    Parsed p = parse(bad);
    EXPECT_FALSE(p.ok) << bad;
    ASSERT_FALSE(p.diags.empty()) << bad;
    EXPECT_EQ(p.diags[0].code, Code::JsonSyntax) << bad;
  }
}

// Strings are read 16 bytes at a time (bytes16.hpp): what ends a plain run is found at every
// offset of the first vector, the second and the tail, and an error is located at its byte.
TEST(JsonSource, StringRunsEndAtEveryOffset) {
  for (size_t at = 0; at < 37; ++at) {
    const std::string head(at, 'a'), tail(36 - at, 'b');
    Parsed escaped = parse("[\"" + head + "\\\"" + tail + "\"]");
    ASSERT_TRUE(escaped.ok) << at;
    EXPECT_EQ(escaped.doc.root[0].get<std::string>(), head + "\"" + tail);
    Parsed utf8 = parse("[\"" + head + "\xC3\xA9" + tail + "\"]");
    ASSERT_TRUE(utf8.ok) << at;
    EXPECT_EQ(utf8.doc.root[0].get<std::string>(), head + "\xC3\xA9" + tail);
    for (const char* bad : {"\t", "\xFF"}) {
      Parsed p = parse("[\"" + head + bad + tail + "\"]");
      ASSERT_FALSE(p.ok) << at;
      EXPECT_EQ(p.diags[0].offset, 2 + at) << "byte " << static_cast<int>(static_cast<unsigned char>(*bad)) << " at " << at;
    }
  }
}

TEST(JsonSource, NulBytesAreRejectedRawButAcceptedEscaped) {
  EXPECT_FALSE(parse(std::string_view("{\"a\": \"x\0y\"}", 12)).ok);
  Parsed p = parse(R"({"a": "x\u0000y"})");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.doc.root["a"].get<std::string>(), std::string("x\0y", 3));
}

TEST(JsonSource, AcceptsAByteOrderMark) {
  Parsed p = parse("\xEF\xBB\xBF{\"a\": 1}");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.doc.value_offsets.at(""), 3u);
}

TEST(JsonSource, DuplicateKeysAreErrorsAtTheSecondKey) {
  std::string text = R"({"title": "a", "title": "b"})";
  Parsed p = parse(text);
  EXPECT_FALSE(p.ok);
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].code, Code::DuplicateKey);
  EXPECT_EQ(p.diags[0].path, "/title");
  EXPECT_EQ(p.diags[0].offset, text.rfind("\"title\""));
}

TEST(JsonSource, DepthLimitStopsDeepNestingEarly) {
  std::string deep(100000, '[');
  Parsed p = parse(deep);
  ASSERT_FALSE(p.ok);
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].code, Code::JsonTooDeep);
  EXPECT_EQ(p.diags[0].offset, 64u);
  Limits shallow;
  shallow.max_depth = 3;
  EXPECT_FALSE(parse("[[[[1]]]]", shallow).ok);
  EXPECT_TRUE(parse("[[[1]]]", shallow).ok);
}

TEST(JsonSource, InputSizeLimit) {
  Limits small;
  small.max_input_bytes = 10;
  Parsed p = parse(R"({"a": "0123456789"})", small);
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.diags[0].code, Code::InputTooLarge);
}

TEST(JsonSource, ColumnsCountCodePoints) {
  Parsed p = parse("{\"é€😀\": x}");
  ASSERT_FALSE(p.diags.empty());
  EXPECT_EQ(p.diags[0].line, 1u);
  EXPECT_EQ(p.diags[0].column, 9u);  // {"é€😀": x  → x is the 9th code point
}

TEST(StringLiteralOffset, MapsDecodedBytesBackThroughEscapes) {
  std::string text = R"("a\"b\u00e9c\ud83d\ude00d\ne")";
  // decoded: a " b é(2 bytes) c 😀(4 bytes) d \n e
  EXPECT_EQ(string_literal_offset(text, 0, 0), 1u);    // a
  EXPECT_EQ(string_literal_offset(text, 0, 2), 4u);    // b
  EXPECT_EQ(string_literal_offset(text, 0, 5), 11u);   // c (after é = 2 bytes)
  EXPECT_EQ(string_literal_offset(text, 0, 10), 24u);  // d (after 😀 = 4 bytes, 12 raw)
  EXPECT_EQ(string_literal_offset(text, 0, 12), 27u);  // e
}

}  // namespace
}  // namespace aw
