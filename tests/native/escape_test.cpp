#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "aw/escape.hpp"

namespace aw {
namespace {

std::string html(std::string_view s) {
  std::string out;
  escape_html(out, s);
  return out;
}
std::string href(std::string_view s) {
  std::string out;
  escape_href(out, s);
  return out;
}
std::string json_script(std::string_view s) {
  std::string out;
  escape_json_for_script(out, s);
  return out;
}

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(html(R"(<a href="x" onclick='y'>&amp;</a>)"), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
}

TEST(EscapeHtml, ReplacesNulWithReplacementCharacter) {
  EXPECT_EQ(html(std::string_view("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(EscapeHtml, LeavesUtf8Alone) { EXPECT_EQ(html("café — שלום"), "café — שלום"); }

std::string ascii(std::string s) {
  ascii_html(s);
  return s;
}

TEST(AsciiHtml, NonAsciiBecomesNumericCharacterReferences) {
  EXPECT_EQ(ascii("<p>“Café” — שלום 🎬</p>"), "<p>&#8220;Caf&#233;&#8221; &#8212; &#1513;&#1500;&#1493;&#1501; &#127916;</p>");
  EXPECT_EQ(ascii("plain &amp; <b>ASCII</b> stays as it is, long enough for the 8-byte scan"),
            "plain &amp; <b>ASCII</b> stays as it is, long enough for the 8-byte scan");
  EXPECT_EQ(ascii(""), "");
  EXPECT_EQ(ascii("0123456789abcdeé"), "0123456789abcde&#233;");  // after a whole 8-byte word
}

TEST(AsciiHtml, C1ControlsStayRawBecauseParsersReadTheirReferencesAsWindows1252) {
  EXPECT_EQ(ascii("a\xC2\x91"
                  "b é"),
            "a\xC2\x91"
            "b &#233;");
}

TEST(EscapeHref, PercentEncodesLikeCmark) {
  EXPECT_EQ(href("https://x.test/a b?q=1&r='2'#f"), "https://x.test/a%20b?q=1&amp;r=&#x27;2&#x27;#f");
  EXPECT_EQ(href("/é\"<>"), "/%C3%A9%22%3C%3E");
}

TEST(EscapeJsonForScript, NeutralisesScriptEnd) {
  EXPECT_EQ(json_script(R"({"a":"</script><!-- & -->"})"), R"({"a":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"})");
  EXPECT_EQ(json_script("[\"\xE2\x80\xA8\xE2\x80\xA9\"]"), "[\"\\u2028\\u2029\"]");
  EXPECT_EQ(json_script(R"({"x":[1,2]})"), R"({"x":[1,2]})");
}

struct UrlCase {
  const char* url;
  bool link;
  bool image;
};

class UrlAllowlist : public ::testing::TestWithParam<UrlCase> {};

TEST_P(UrlAllowlist, Classifies) {
  const UrlCase& c = GetParam();
  EXPECT_EQ(url_is_safe(c.url, UrlUse::Link), c.link) << c.url;
  EXPECT_EQ(url_is_safe(c.url, UrlUse::Image), c.image) << c.url;
}

INSTANTIATE_TEST_SUITE_P(Cases, UrlAllowlist,
                         ::testing::Values(UrlCase{"https://example.test/x", true, false}, UrlCase{"HTTP://example.test", true, false},
                                           UrlCase{"mailto:a@b.test", true, false}, UrlCase{"/local/path.png", true, true},
                                           UrlCase{"img/x.png", true, true}, UrlCase{"#section", true, true}, UrlCase{"?q=1", true, true},
                                           UrlCase{"//evil.test/x.png", true, false}, UrlCase{"javascript:alert(1)", false, false},
                                           UrlCase{"JaVaScRiPt:alert(1)", false, false}, UrlCase{"java\tscript:alert(1)", false, false},
                                           UrlCase{" javascript:alert(1)", false, false}, UrlCase{"vbscript:x", false, false},
                                           UrlCase{"data:text/html,<script>", false, false},
                                           UrlCase{"data:image/png;base64,AAAA", false, false}, UrlCase{"file:///etc/passwd", false, false},
                                           UrlCase{"/\\evil.test", false, false}, UrlCase{"ftp://x.test", false, false},
                                           UrlCase{"x\x01y", false, false}, UrlCase{"foo):", true, true}, UrlCase{"a b:c", true, true},
                                           UrlCase{"", true, false}, UrlCase{":nothing", false, false}));

TEST(Slugify, MakesStableIds) {
  EXPECT_EQ(slugify("The Final Shot, Explained!"), "the-final-shot-explained");
  EXPECT_EQ(slugify("  --Hello--  "), "hello");
  EXPECT_EQ(slugify("Café au lait"), "café-au-lait");
  EXPECT_EQ(slugify("!!!"), "");
  // Unicode spaces and punctuation separate; invisible format characters vanish.
  EXPECT_EQ(slugify("a\u00A0b\u3000c\u2003d"), "a-b-c-d");
  EXPECT_EQ(slugify("ze\u200Bro\u202Eflip\u200D\uFEFF"), "zeroflip");
  EXPECT_EQ(slugify("\u201CQuoted\u201D \u2014 dash\u2026"), "quoted-dash");
  EXPECT_EQ(slugify("\u00BFPor qu\u00E9?"), "por-qu\u00E9");
  EXPECT_EQ(slugify("\u05E1\u05D5\u05E3 \u6F22\u5B57"), "\u05E1\u05D5\u05E3-\u6F22\u5B57");
  EXPECT_EQ(slugify("\u200B\u200B"), "");
  EXPECT_EQ(slugify(std::string_view("a\xFF\xC3"
                                     "b",
                                     4)),
            "a-b");  // stray bytes separate
}

// escape_json_string writes what nlohmann's dump(…, error_handler_t::replace) wrote, which it
// used for text that is not UTF-8 (U+FFFD per maximal ill-formed subsequence): every string of up
// to four bytes from an alphabet of the bytes where UTF-8's rules change, and random strings.
TEST(Escape, JsonStringReplacesInvalidUtf8AsNlohmannDid) {
  auto nlohmann_dump = [](const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  auto ours = [](const std::string& s) {
    std::string out;
    escape_json_string(out, s);
    return out;
  };
  const std::string alphabet(
      "\x00\x1F\x22\x41\x5C\x7F\x80\x8F\x90\x9F\xA0\xBF\xC0\xC1\xC2\xDF\xE0\xE1\xEC\xED\xEE\xEF\xF0\xF1\xF3\xF4\xF5\xFF", 28);
  size_t differing = 0;
  for (size_t len = 1; len <= 4; ++len) {
    size_t total = 1;
    for (size_t k = 0; k < len; ++k) total *= alphabet.size();
    for (size_t n = 0; n < total; ++n) {
      std::string s;
      for (size_t k = 0, m = n; k < len; ++k, m /= alphabet.size()) s += alphabet[m % alphabet.size()];
      if (ours(s) != nlohmann_dump(s) && ++differing <= 5) ADD_FAILURE() << testing::PrintToString(s);
    }
  }
  std::mt19937 rng(16);
  for (int n = 0; n < 20000; ++n) {
    std::string s(rng() % 24, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 4 == 0 ? 0x80 | (rng() % 0x80) : rng() % 256);
    if (ours(s) != nlohmann_dump(s) && ++differing <= 5) ADD_FAILURE() << testing::PrintToString(s);
  }
  EXPECT_EQ(differing, 0u);
}

}  // namespace
}  // namespace aw
