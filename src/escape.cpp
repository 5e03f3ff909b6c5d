#include "aw/escape.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "aw/bytes16.hpp"

namespace aw {

namespace {

// The bytes escape_html() replaces, as a table: the scan between them is the hot loop of every
// render.
constexpr std::array<bool, 256> make_html_special() {
  std::array<bool, 256> special{};
  for (char c : std::string_view("&<>\"'\0", 6)) special[static_cast<unsigned char>(c)] = true;
  return special;
}
constexpr auto kHtmlSpecial = make_html_special();

// Whether any of the 16 bytes at p is one of them.
bool has_html_special(const char* p) {
  const Bytes16 b = load16(p);
  return any16((b == '&') | (b == '<') | (b == '>') | (b == '"') | (b == '\'') | (b == 0));
}

// Whether the 16 bytes at p are all ASCII.
bool ascii16(const char* p) { return !any16(load16(p) >= 0x80); }

// The bytes a JSON string literal escapes: controls, '"' and '\\'.
constexpr std::array<bool, 256> make_json_special() {
  std::array<bool, 256> special{};
  for (int c = 0; c < 0x20; ++c) special[c] = true;
  special['"'] = special['\\'] = true;
  return special;
}
constexpr auto kJsonSpecial = make_json_special();

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

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

}  // namespace

// What nlohmann's decoder accepts.
size_t first_invalid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      while (i + 16 <= s.size() && ascii16(s.data() + i)) i += 16;  // ASCII runs
      continue;
    }
    size_t n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
    if (n == 0 || s.size() - i <= n) return i;  // not a lead byte, or the sequence is cut
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (c1 < lo || c1 > hi) return i;
    for (size_t k = 2; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += n + 1;
  }
  return std::string_view::npos;
}

void escape_html(std::string& out, std::string_view text) {
  // No reserve(out.size() + text.size()) here: libc++ (the wasm build) reserves exactly that, so
  // appending many short texts to one long output re-copied it every time — quadratic
  // ("nested strong emph" in bench/pathological.js, which `make bench` runs with --check).
  // Appending runs grows geometrically.
  const char* p = text.data();
  const size_t n = text.size();
  size_t run = 0;  // start of the bytes not yet written
  size_t i = 0;
  while (i < n) {
    while (i + 16 <= n && !has_html_special(p + i)) i += 16;  // most text needs no escaping
    for (size_t stop = std::min(i + 16, n); i < stop; ++i) {
      if (!kHtmlSpecial[static_cast<unsigned char>(p[i])]) continue;
      out.append(p + run, i - run);
      switch (p[i]) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += "\xEF\xBF\xBD";  // NUL
      }
      run = i + 1;
    }
  }
  out.append(p + run, n - run);
}

void ascii_html(std::string& html) {
  const size_t n = html.size();
  // Most articles are mostly ASCII: the other bytes are found 16 at a time, and the text between
  // them copied in runs (nothing is copied when there are none).
  auto next_non_ascii = [&](size_t i) {
    while (i + 16 <= n && ascii16(html.data() + i)) i += 16;
    while (i < n && static_cast<unsigned char>(html[i]) < 0x80) ++i;
    return i;
  };
  size_t i = next_non_ascii(0);
  if (i == n) return;
  std::string out;
  out.reserve(n + n / 8);
  size_t run = 0;  // start of the bytes not yet copied
  while (i < n) {
    size_t length = 1;
    const uint32_t cp = decode_utf8(html, i, length);
    // U+0080–U+009F stay as they are: the HTML parser reads "&#128;"–"&#159;" as windows-1252.
    if (cp > 0x9F) {
      out.append(html, run, i - run).append("&#").append(std::to_string(cp)).append(";");
      run = i + length;
    }
    i += length;
    i = next_non_ascii(i);
  }
  out.append(html, run, n - run);
  html.swap(out);
}

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

void escape_srcset_url(std::string& out, std::string_view url) {
  size_t end = url.size();
  while (end > 0 && url[end - 1] == ',') --end;
  escape_href(out, url.substr(0, end));
  for (size_t i = end; i < url.size(); ++i) out += "%2C";
}

void escape_json_for_script(std::string& out, std::string_view json) {
  size_t run = 0;  // start of the bytes not yet written: the text between escapes is copied whole
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c != '<' && c != '>' && c != '&' && c != '\xE2') continue;
    const bool separator = c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9');
    if (c == '\xE2' && !separator) continue;
    out.append(json.data() + run, i - run);
    if (separator) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : "\\u0026";
    }
    run = i + 1;
  }
  out.append(json.data() + run, json.size() - run);
}

namespace {

// `text` with each maximal ill-formed subsequence replaced by U+FFFD: the rule of nlohmann's
// dump(…, error_handler_t::replace), which this output used to come from (its serializer pulls
// printf into the wasm). tests/native/escape_test.cpp compares the two on every short sequence.
std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 4;
    if (n == 4) {  // not a lead byte: one replacement for it
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    size_t k = 1;  // bytes of the sequence that fit so far
    for (; k <= n && i + k < text.size(); ++k) {
      auto b = static_cast<unsigned char>(text[i + k]);
      unsigned char lo = k == 1 && c == 0xE0 ? 0xA0 : k == 1 && c == 0xF0 ? 0x90 : 0x80;
      unsigned char hi = k == 1 && c == 0xED ? 0x9F : k == 1 && c == 0xF4 ? 0x8F : 0xBF;
      if (b < lo || b > hi) break;
    }
    if (k == n + 1)
      out.append(text.data() + i, k);
    else
      out += "\xEF\xBF\xBD";  // cut or broken: one replacement, and the breaking byte is read again
    i += k;
  }
  return out;
}

}  // namespace

void escape_json_string(std::string& out, std::string_view text) {
  if (!is_valid_utf8(text)) {  // rare (a cut message)
    escape_json_string(out, replace_invalid_utf8(text));
    return;
  }
  static const char* hex = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // start of the bytes not yet written
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!kJsonSpecial[c]) continue;
    out.append(text.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

bool url_is_well_formed(std::string_view url) {
  auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  static constexpr auto kNotInUrl = [] {  // a table: a search of the set per byte was most of the check
    std::array<bool, 256> no{};
    for (unsigned char c : std::string_view(" <>\"{}|^`")) no[c] = true;
    return no;
  }();
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (kNotInUrl[static_cast<unsigned char>(c)]) return false;
    if (c == '%' && !(i + 2 < url.size() && hex(url[i + 1]) && hex(url[i + 2]))) return false;
  }
  size_t authority = std::string_view::npos;
  if (url.substr(0, 2) == "//")
    authority = 2;
  else if (size_t colon = url.find(':'); url_is_absolute_http(url) && colon != std::string_view::npos) {
    if (url.substr(colon + 1, 2) != "//") return false;  // "http:x" is not an http URL
    authority = colon + 3;
  } else if (colon != std::string_view::npos && iequals(url.substr(0, colon), "mailto")) {
    return colon + 1 < url.size();
  }
  if (authority == std::string_view::npos) return true;  // a relative reference
  std::string_view host = url.substr(authority, url.find_first_of("/?#", authority) - authority);
  // A host (a name, an address or [IPv6]) after any user info, before any :port.
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  return !host.empty() && host[0] != ':';
}

bool url_looks_like_host(std::string_view url) {
  if (url.empty() || url[0] == '/' || url[0] == '.' || url[0] == '#' || url[0] == '?') return false;
  std::string_view host = url.substr(0, url.find_first_of("/?#"));
  if (host.find(':') != std::string_view::npos) return false;  // a scheme or a port: not relative
  if (host.size() > 4 && iequals(host.substr(0, 4), "www.")) return true;
  size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view tld = host.substr(dot + 1);
  for (std::string_view t :
       {"com", "org", "net", "io", "dev", "app", "co", "uk", "de", "fr", "es", "it", "nl", "edu", "gov", "info", "tv", "me"})
    if (iequals(tld, t)) return true;
  return false;
}

bool url_is_absolute_http(std::string_view url) {
  if (url.substr(0, 2) == "//") return true;
  size_t colon = url.find(':');
  return colon != std::string_view::npos && (iequals(url.substr(0, colon), "http") || iequals(url.substr(0, colon), "https"));
}

std::string url_origin(std::string_view url) {
  const size_t colon = url.find(':');
  if (colon == std::string_view::npos || url.substr(0, 2) == "//" || !url_is_absolute_http(url) || url.substr(colon + 1, 2) != "//")
    return {};
  const size_t from = colon + 3;
  std::string_view authority = url.substr(from, url.find_first_of("/?#", from) - from);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
  if (authority.empty() || authority[0] == ':') return {};
  std::string origin;
  for (char c : url.substr(0, colon + 3)) origin += lower(c);
  for (char c : authority) origin += lower(c);
  return origin;
}

std::string url_resolve(std::string_view base, std::string_view ref) {
  const std::string origin = url_origin(base);
  if (origin.empty() || !url_origin(ref).empty() || ref.empty()) return std::string(ref);
  if (ref.substr(0, 2) == "//") return origin.substr(0, origin.find(':') + 1) + std::string(ref);
  if (ref[0] == '/') return origin + std::string(ref);
  // The base's path up to its last '/' (its query and fragment dropped).
  const size_t path_from = base.find_first_of("/?#", base.find("//") + 2);
  std::string_view path = path_from == std::string_view::npos ? std::string_view() : base.substr(path_from);
  path = path.substr(0, path.find_first_of("?#"));
  path = path.substr(0, path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  return origin + (path.empty() ? "/" : std::string(path)) + std::string(ref);
}

bool image_url_allowed(std::string_view url, bool any_origin, const std::vector<std::string>& origins) {
  if (url_is_safe(url, UrlUse::Image)) return true;
  if (!url_is_safe(url, UrlUse::Link) || !url_is_absolute_http(url)) return false;
  if (any_origin) return true;
  const std::string origin = url_origin(url);
  return !origin.empty() && std::find(origins.begin(), origins.end(), origin) != origins.end();
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

namespace {

enum class SlugClass { Keep, Separator, Drop };

// Non-ASCII code points a slug must not carry: spaces and punctuation fold into '-' like ASCII
// ones; invisible format characters (zero-width, bidi controls, soft hyphen, BOM, variation
// selectors, tags) are dropped, so an id never holds a character a reader cannot see or type.
SlugClass slug_class(uint32_t cp) {
  auto in = [cp](uint32_t lo, uint32_t hi) { return cp >= lo && cp <= hi; };
  if (cp == 0xAD || cp == 0x34F || cp == 0x61C || cp == 0x180E || in(0x200B, 0x200F) || in(0x202A, 0x202E) || in(0x2060, 0x206F) ||
      cp == 0xFEFF || in(0xFE00, 0xFE0F) || in(0xE0000, 0xE0FFF) || in(0xFFF9, 0xFFFB))
    return SlugClass::Drop;
  if (cp == 0x85 || cp == 0xA0 || cp == 0x1680 || in(0x2000, 0x200A) || in(0x2010, 0x2029) || cp == 0x202F || in(0x2030, 0x205F) ||
      in(0x3000, 0x3003) || in(0x3008, 0x3011) || in(0x3014, 0x301F) || cp == 0xD7 || cp == 0xF7 ||
      (in(0xA1, 0xBF) && cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 && cp != 0xB9 && cp != 0xBA && !in(0xBC, 0xBE)) ||
      in(0xFF01, 0xFF0F) || in(0xFF1A, 0xFF20) || in(0xFF3B, 0xFF40) || in(0xFF5B, 0xFF65) || cp == 0xFFFD)
    return SlugClass::Separator;
  return SlugClass::Keep;
}

}  // namespace

uint32_t decode_utf8(std::string_view text, size_t i, size_t& length) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    length = 1;
    return c;
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > text.size()) {
    length = 1;
    return 0xFFFD;
  }
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      length = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  length = n;
  return cp;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_format_code_point(uint32_t cp) { return cp >= 0x80 && slug_class(cp) == SlugClass::Drop; }

bool is_word_code_point(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  return slug_class(cp) == SlugClass::Keep;
}

std::string slugify(std::string_view text) {
  std::string slug;
  bool dash = false;
  auto keep = [&](std::string_view piece) {
    if (dash && !slug.empty()) slug += '-';
    slug.append(piece);
    dash = false;
  };
  for (size_t i = 0; i < text.size();) {
    char ch = text[i];
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      ++i;
      ch = lower(ch);
      if ((ch >= 'a' && ch <= 'z') || (c >= '0' && c <= '9'))
        keep(std::string_view(&ch, 1));
      else
        dash = true;
      continue;
    }
    size_t length = 1;
    uint32_t cp = decode_utf8(text, i, length);
    switch (slug_class(cp)) {
      case SlugClass::Keep: keep(text.substr(i, length)); break;
      case SlugClass::Separator: dash = true; break;
      case SlugClass::Drop: break;
    }
    i += length;
  }
  return slug;
}

}  // namespace aw
