// The one escaping module. Every byte of article content that reaches HTML goes through here.
#pragma once
#include <string>
#include <string_view>

namespace aw {

// Text content and double-quoted attribute values: & < > " ' are escaped, NUL becomes U+FFFD.
void escape_html(std::string& out, std::string_view text);

// A URL for an href/src attribute: unsafe bytes percent-encoded (as cmark's houdini does),
// then & and ' entity-escaped. Call only with a URL that url_is_safe() accepted.
void escape_href(std::string& out, std::string_view url);

// JSON text made safe inside <script type="application/ld+json">: < > & U+2028 U+2029 become
// \u escapes (JSON has them only inside strings, where the escape means the same character), so
// "</script>" or "<!--" in a value cannot end or confuse the script element.
void escape_json_for_script(std::string& out, std::string_view json_text);

// A JSON string literal, quotes included: byte for byte what nlohmann's dump() writes (ensure_ascii
// off, invalid UTF-8 replaced), so the report and the JSON-LD are written without building a DOM.
void escape_json_string(std::string& out, std::string_view text);

// `prefix` (punctuation and a key, e.g. `,"title":`) then `value` as a JSON string literal.
inline void json_member(std::string& out, std::string_view prefix, std::string_view value) {
  out.append(prefix);
  escape_json_string(out, value);
}

enum class UrlUse {
  Link,   // <a href>: http, https, mailto, relative, fragment
  Image,  // <img src>: same-origin relative paths only (an image is a request the reader makes)
};

// The URL allowlist. Rejects control characters, backslashes and every scheme but http, https
// and mailto (links), or anything absolute, scheme-relative or scheme-bearing (images).
bool url_is_safe(std::string_view url, UrlUse use);

// http(s) or scheme-relative: a link that leaves the site (gets rel="noopener noreferrer").
bool url_is_absolute_http(std::string_view url);

// A stable id fragment from heading text: ASCII letters lowered, digits kept, non-ASCII UTF-8
// kept, everything else folded into single '-'. May return "" (caller picks a fallback).
std::string slugify(std::string_view text);

}  // namespace aw
