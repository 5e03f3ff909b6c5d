#include "aw/escape.hpp"

#include <array>
#include <cstdint>

namespace aw {

void escape_html(std::string& out, std::string_view text) {
  // No reserve(out.size() + text.size()) here: libc++ (the wasm build) reserves exactly that, so
  // appending many short texts to one long output re-copied it every time — quadratic
  // (tests/node/hostile.test.js, bench/pathological.js). Plain appends grow geometrically.
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\0': out += "\xEF\xBF\xBD"; break;
      default: out += c;
    }
  }
}

namespace {

// Bytes kept verbatim in an href; the same set as cmark's houdini_escape_href, so Markdown
// links render byte-for-byte like cmark's (the CommonMark spec tests depend on it).
constexpr std::array<bool, 256> make_href_safe() {
  std::array<bool, 256> safe{};
  for (char c : std::string_view("!#$%()*+,-./:;=?@_~")) safe[static_cast<unsigned char>(c)] = true;
  for (int c = '0'; c <= '9'; ++c) safe[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) safe[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) safe[c] = true;
  return safe;
}
constexpr auto kHrefSafe = make_href_safe();

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != b[i]) return false;
  return true;
}

bool is_scheme_char(char c, bool first) {
  bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

}  // namespace

void escape_href(std::string& out, std::string_view url) {
  static const char* hex = "0123456789ABCDEF";
  for (char ch : url) {
    auto c = static_cast<unsigned char>(ch);
    if (kHrefSafe[c]) {
      out += ch;
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\'') {
      out += "&#x27;";
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
}

void escape_json_for_script(std::string& out, std::string_view json) {
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
}

bool url_is_absolute_http(std::string_view url) {
  if (url.substr(0, 2) == "//") return true;
  size_t colon = url.find(':');
  return colon != std::string_view::npos && (iequals(url.substr(0, colon), "http") || iequals(url.substr(0, colon), "https"));
}

bool url_is_safe(std::string_view url, UrlUse use) {
  for (char ch : url) {
    auto c = static_cast<unsigned char>(ch);
    // Control characters let a browser's URL parser see a different scheme than we do
    // ("java\tscript:"); backslashes turn into '/' in special URLs ("/\evil.example").
    // Spaces are harmless: they cannot be part of a scheme and escape_href encodes them.
    if (c < 0x20 || c == 0x7F || c == '\\') return false;
  }
  size_t colon = url.find(':');
  size_t first_delim = url.find_first_of("/?#");
  bool has_scheme = colon != std::string_view::npos && (first_delim == std::string_view::npos || colon < first_delim);
  // Browsers strip leading spaces before finding the scheme (" javascript:" is javascript).
  if (!url.empty() && url[0] == ' ') return false;
  if (has_scheme) {
    std::string_view scheme = url.substr(0, colon);
    if (scheme.empty()) return false;
    // A prefix that is not a valid scheme makes the URL a relative path ("foo):" is "./foo):").
    for (size_t i = 0; i < scheme.size(); ++i)
      if (!is_scheme_char(scheme[i], i == 0)) has_scheme = false;
  }
  if (has_scheme) {
    std::string_view scheme = url.substr(0, colon);
    if (use == UrlUse::Image) return false;
    return iequals(scheme, "http") || iequals(scheme, "https") || iequals(scheme, "mailto");
  }
  if (use == UrlUse::Image) {
    // "//host/x" is absolute (scheme-relative); an empty src would re-request the page.
    if (url.empty() || url.substr(0, 2) == "//") return false;
  }
  return true;
}

std::string slugify(std::string_view text) {
  std::string slug;
  bool dash = false;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (c >= 'A' && c <= 'Z') {
      ch = lower(ch);
      keep = true;
    }
    if (keep) {
      if (dash && !slug.empty()) slug += '-';
      slug += ch;
      dash = false;
    } else {
      dash = true;
    }
  }
  return slug;
}

}  // namespace aw
