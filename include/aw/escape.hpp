// The one escaping module. Every byte of article content that reaches HTML goes through here.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

// Text content and double-quoted attribute values: & < > " ' are escaped, NUL becomes U+FFFD.
void escape_html(std::string& out, std::string_view text);

// HTML text whose every non-ASCII character becomes a numeric character reference ("“" →
// "&#8220;"): the same document to an HTML parser, but pure ASCII, which JavaScript decodes from
// wasm memory ~10× faster than UTF-8 (V8's one-byte strings). Only for HTML without <script> or
// <style> text (where references are not decoded): the article fragment. Unchanged when ASCII.
void ascii_html(std::string& html);

// A URL for an href/src attribute: unsafe bytes percent-encoded (as cmark's houdini does),
// then & and ' entity-escaped. Call only with a URL that url_is_safe() accepted.
void escape_href(std::string& out, std::string_view url);

// A URL as one candidate of a srcset attribute: escape_href, and a trailing ',' (which the srcset
// parser would take for the end of the candidate) as %2C. Commas inside stay (CDN paths use them).
void escape_srcset_url(std::string& out, std::string_view url);

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

// Byte offset of the first byte that is not part of a valid UTF-8 sequence (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF), or npos.
size_t first_invalid_utf8(std::string_view text);

enum class UrlUse {
  Link,   // <a href>: http, https, mailto, relative, fragment
  Image,  // <img src>: same-origin relative paths only (an image is a request the reader makes)
};

// The URL allowlist. Rejects control characters, backslashes and every scheme but http, https
// and mailto (links), or anything absolute, scheme-relative or scheme-bearing (images).
bool url_is_safe(std::string_view url, UrlUse use);

// Whether a URL field holds a URL (RFC 3986 shape), beyond url_is_safe(): no spaces or
// < > " { } | ^ ` (which a URL never holds unencoded), every '%' followed by two hex digits, and
// an http(s) or scheme-relative URL has a host. Non-ASCII is allowed (IRIs).
bool url_is_well_formed(std::string_view url);

// A relative URL whose first segment reads as a host name ("www.example.com/page",
// "example.org"): almost always a missing "https://".
bool url_looks_like_host(std::string_view url);

// http(s) or scheme-relative: a link that leaves the site (gets rel="noopener noreferrer").
bool url_is_absolute_http(std::string_view url);

// The origin of an absolute http(s) URL, lowercased: "https://img.example.com:8443"; "" for
// anything else (relative, scheme-relative, other schemes).
std::string url_origin(std::string_view url);

// `ref` resolved against an absolute http(s) `base` (RFC 3986 without dot segments: "/x" keeps
// the base's origin, "x" its directory, "//host/x" its scheme); `ref` itself when it is absolute or
// the base is not.
std::string url_resolve(std::string_view base, std::string_view ref);

// Whether an image may load from `url`: a same-origin relative URL always (url_is_safe Image);
// an absolute http(s) one when `any_origin` or its origin is one of `origins` (as url_origin gives).
bool image_url_allowed(std::string_view url, bool any_origin, const std::vector<std::string>& origins);

// The code point of the UTF-8 sequence at text[i] and its length (a stray byte: U+FFFD, 1).
uint32_t decode_utf8(std::string_view text, size_t i, size_t& length);

// Appends code point `cp` as UTF-8.
void append_utf8(std::string& out, uint32_t cp);

// Letters, digits and marks of any script: what slugs keep and what words are made of (spaces,
// punctuation and invisible format characters are not).
bool is_word_code_point(uint32_t cp);
// Invisible format characters: zero-width spaces and joiners, bidi controls, soft hyphen, BOM,
// variation selectors, tags (slugs drop them; the spoiler-term check looks through them).
bool is_format_code_point(uint32_t cp);

// A stable id fragment from heading text: ASCII letters lowered, digits and other letters kept;
// spaces and punctuation (ASCII and Unicode: NBSP, U+3000, curly quotes, dashes…) folded into
// single '-'; invisible format characters (zero-width, bidi controls, BOM…) dropped. May return
// "" (caller picks a fallback).
std::string slugify(std::string_view text);

}  // namespace aw
