// The 16-byte scans (bytes16.hpp) and the loops built on them, against plain byte-by-byte
// answers: every byte value at every offset of the first vector, of the second, and of the tail.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "aw/bytes16.hpp"
#include "aw/escape.hpp"

namespace aw {
namespace {

constexpr size_t kLength = 37;  // two vectors and a 5-byte tail

std::string with_byte_at(size_t at, int byte, char filler = 'a') {
  std::string s(kLength, filler);
  s[at] = static_cast<char>(byte);
  return s;
}

TEST(Bytes16, AnyLane) {
  for (int lane = 0; lane < 16; ++lane) {
    Bytes16 v{};
    EXPECT_FALSE(any16(v));
    v[lane] = 1;
    EXPECT_TRUE(any16(v)) << lane;
  }
}

TEST(Bytes16, FindByteIsStringViewFind) {
  for (size_t at = 0; at < kLength; ++at)
    for (int byte : {0, int{'\n'}, int{'|'}, 0x80, 0xFF}) {
      const std::string s = with_byte_at(at, byte);
      for (size_t from = 0; from <= kLength + 1; ++from)
        EXPECT_EQ(find_byte(s, static_cast<char>(byte), from), std::string_view(s).find(static_cast<char>(byte), from))
            << "byte " << byte << " at " << at << " from " << from;
    }
  EXPECT_EQ(find_byte("", 'a'), std::string_view::npos);
}

TEST(Bytes16, FindPairIsStringViewFind) {
  for (size_t at = 0; at + 1 < kLength; ++at) {
    std::string s(kLength, '|');
    for (size_t i = 0; i < kLength; i += 2) s[i] = 'x';  // single '|' everywhere: "x|x|x|…"
    s[at] = s[at + 1] = '|';
    for (size_t from = 0; from <= kLength; ++from)
      EXPECT_EQ(find_pair(s, '|', '|', from), std::string_view(s).find("||", from)) << s << " from " << from;
  }
  EXPECT_EQ(find_pair("ab|", '|', '|'), std::string_view::npos);
}

// escape_html, byte by byte, as the HTML it must write.
std::string plain_escape(std::string_view s) {
  std::string out;
  for (char c : s) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\0': out += "\xEF\xBF\xBD"; break;
      default: out += c;
    }
  return out;
}

TEST(Bytes16, EscapeHtmlAtEveryOffset) {
  for (size_t at = 0; at < kLength; ++at)
    for (int byte = 0; byte < 128; ++byte) {
      const std::string s = with_byte_at(at, byte);
      std::string out;
      escape_html(out, s);
      EXPECT_EQ(out, plain_escape(s)) << "byte " << byte << " at " << at;
    }
}

TEST(Bytes16, Utf8AndAsciiScansAtEveryOffset) {
  for (size_t at = 0; at < kLength; ++at) {
    std::string bad = with_byte_at(at, 0xFF);
    EXPECT_EQ(first_invalid_utf8(bad), at);
    std::string good = std::string(at, 'a') + "\xC3\xA9" + std::string(kLength - at, 'b');  // é
    EXPECT_EQ(first_invalid_utf8(good), std::string_view::npos) << at;
    ascii_html(good);
    EXPECT_EQ(good, std::string(at, 'a') + "&#233;" + std::string(kLength - at, 'b'));
  }
}

}  // namespace
}  // namespace aw
