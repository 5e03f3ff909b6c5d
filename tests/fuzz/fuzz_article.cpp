// libFuzzer target over the whole native core: JSON parsing (SAX with positions, depth limit,
// duplicate keys), validation, Markdown through cmark and the project's writer, article rendering
// and the report. Built by `make fuzz` (clang, -fsanitize=fuzzer + ASan + UBSan).
//
// The first input byte picks the mode and the options; the rest is the payload:
//   bits 0-1  mode  0: the payload is an article's JSON text
//                   1: the payload is a Markdown fragment (render_markdown_fragment)
//                   2: the payload is "options JSON" '\n' "article JSON" (parse_render_options)
//                   3: the payload is Markdown (up to 3 pieces split at 0x1E) injected into a valid
//                      article template: section body, FAQ answer, quick answer — so the Markdown
//                      runs with citations, anchors and heading-id de-duplication
//   bit 2     revealSpoilers        bit 3  allowRemoteImages     bit 4  spoilersInMetadata
//   bit 5     small limits (depth 4, 3 items, 40 chars, 200 bytes of Markdown, nesting 3)
//   bits 6-7  id prefix: "aw-", "w1_", "X", "abcdefghijklmnopqrstuvwxyz012345"
//
// Besides "no crash, no leak, no UB", every output is checked (a failed check aborts):
//   - the HTML tokenizes cleanly: every '<' opens or closes an allowlisted tag, attributes are
//     allowlisted names with double-quoted values free of '<' and '"', tags balance;
//   - no <script> (or any tag but the writer's own); no on* / style / name attributes; every id,
//     aria-labelledby and aria-controls value starts with the id prefix; tabindex only "0" on <a>;
//   - the JSON-LD (meta.jsonLd, which a page puts inside <script type="application/ld+json">) holds
//     no '<', '>', '&', U+2028 or U+2029 and parses as JSON; no gated text leaks into it (mode 3);
//   - every href/src, HTML-entity-decoded, is a fragment, a relative URL or http/https/mailto
//     (images: relative only, unless allowRemoteImages), as a browser's URL parser would see it;
//   - the JSON parser accepts exactly what nlohmann's does (limits and repeated keys aside) and
//     reads the same values;
//   - rendering the same input twice gives identical HTML and diagnostics;
//   - ok == no error diagnostics; html is empty unless ok; every diagnostic's offset lies inside
//     the text and its line/column are >= 1; the report JSON is valid JSON.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aw/api.hpp"
#include "aw/escape.hpp"
#include "aw/json_source.hpp"

namespace {

using nlohmann::json;

[[noreturn]] void fail(const char* what, std::string_view html, size_t at) {
  size_t from = at > 120 ? at - 120 : 0;
  std::fprintf(stderr, "\nINVARIANT BROKEN: %s\n  at byte %zu of the output, near: «%.*s»\n", what, at,
               static_cast<int>(std::min<size_t>(240, html.size() - std::min(from, html.size()))), html.data() + from);
  std::abort();
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool in(std::string_view s, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set)
    if (s == x) return true;
  return false;
}

// Decodes the character references a browser would decode in an attribute value (numeric ones
// and the named ones the writer can emit; any other named reference is left as is, which is the
// conservative direction for the checks below: an undecoded '&' cannot form a scheme).
std::string decode_attribute(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size();) {
    if (v[i] != '&') {
      out += v[i++];
      continue;
    }
    size_t semi = v.find(';', i);
    std::string_view ref = semi == std::string_view::npos ? std::string_view() : v.substr(i + 1, semi - i - 1);
    if (ref.size() >= 2 && ref[0] == '#') {
      uint32_t cp = 0;
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      for (size_t k = hex ? 2 : 1; k < ref.size() && cp < 0x110000; ++k) {
        char c = ref[k];
        int d = (c >= '0' && c <= '9')          ? c - '0'
                : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                : -1;
        if (d < 0) break;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
      aw::append_utf8(out, cp);
      i = semi + 1;
    } else if (ref == "amp") {
      out += '&', i = semi + 1;
    } else if (ref == "quot") {
      out += '"', i = semi + 1;
    } else if (ref == "lt") {
      out += '<', i = semi + 1;
    } else if (ref == "gt") {
      out += '>', i = semi + 1;
    } else if (ref == "apos") {
      out += '\'', i = semi + 1;
    } else {
      out += v[i++];
    }
  }
  return out;
}

// What a WHATWG URL parser does before it looks for a scheme: strip leading/trailing C0 controls
// and spaces, remove every tab and newline. Then: is there a scheme, and which?
bool url_allowed(std::string_view raw, bool image, bool allow_remote_images) {
  std::string u(raw);
  size_t b = 0, e = u.size();
  while (b < e && static_cast<unsigned char>(u[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(u[e - 1]) <= 0x20) --e;
  std::string s;
  for (size_t i = b; i < e; ++i)
    if (u[i] != '\t' && u[i] != '\n' && u[i] != '\r') s += u[i];
  if (s.find('\\') != std::string::npos) return false;  // the writer percent-encodes backslashes
  size_t i = 0;
  bool scheme = !s.empty() && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
  if (scheme) {
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
                            s[i] == '-' || s[i] == '.'))
      ++i;
    scheme = i < s.size() && s[i] == ':';
  }
  bool remote = scheme || starts_with(s, "//");
  if (image) {
    if (s.empty()) return false;
    if (!remote) return true;
    if (!allow_remote_images) return false;
  }
  if (!scheme) return true;
  std::string name = lowered(std::string_view(s).substr(0, i));
  if (image) return name == "http" || name == "https";
  return name == "http" || name == "https" || name == "mailto";
}

struct Expect {
  std::string id_prefix;
  bool allow_remote_images = false;
};

bool is_void(std::string_view tag) { return in(tag, {"br", "hr", "img"}); }

// A small, strict tokenizer for the writer's own output: it accepts exactly the shapes the writer
// emits, so anything injected (a tag, an attribute, an unescaped quote) makes it fail.
void check_html(std::string_view h, const Expect& x) {
  static const std::initializer_list<std::string_view> kTags = {
      "article", "header", "p",   "span", "h1",  "h2",         "h3",      "h4",  "h5",      "h6",      "time",      "a",
      "aside",   "button", "nav", "ol",   "ul",  "li",         "section", "div", "details", "summary", "footer",    "cite",
      "sup",     "strong", "em",  "code", "pre", "blockquote", "hr",      "br",  "img",     "figure",  "figcaption"};
  static const std::initializer_list<std::string_view> kAttrs = {
      "class",       "lang",       "dir",           "id",      "href",   "src",   "alt",   "title",  "rel",   "datetime", "aria-labelledby",
      "aria-hidden", "aria-label", "aria-controls", "type",    "hidden", "start", "value", "srcset", "sizes", "width",    "height",
      "loading",     "decoding",   "fetchpriority", "tabindex"};
  std::vector<std::string> stack;
  size_t i = 0;
  while (i < h.size()) {
    size_t lt = h.find('<', i);
    if (h.find('>', i) < lt) fail("a raw '>' in text", h, h.find('>', i));
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    bool closing = i < h.size() && h[i] == '/';
    if (closing) ++i;
    size_t name_start = i;
    while (i < h.size() && ((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= '0' && h[i] <= '9'))) ++i;
    std::string tag(h.substr(name_start, i - name_start));
    if (!in(tag, kTags)) fail("a '<' that does not open an allowlisted tag", h, lt);
    if (closing) {
      if (i >= h.size() || h[i] != '>') fail("a malformed end tag", h, lt);
      ++i;
      if (stack.empty() || stack.back() != tag) fail("an end tag that does not match the open element", h, lt);
      stack.pop_back();
      continue;
    }
    bool self_closed = false;
    std::string type;
    for (;;) {
      if (i >= h.size()) fail("an unterminated tag", h, lt);
      if (h[i] == '>') {
        ++i;
        break;
      }
      if (h.substr(i, 3) == " />") {
        self_closed = true;
        i += 3;
        break;
      }
      if (h[i] != ' ') fail("no space before an attribute", h, i);
      ++i;
      size_t an = i;
      while (i < h.size() && ((h[i] >= 'a' && h[i] <= 'z') || h[i] == '-')) ++i;
      std::string attr(h.substr(an, i - an));
      if (!in(attr, kAttrs) && !starts_with(attr, "data-aw-")) fail("an attribute outside the allowlist", h, an);
      if (i < h.size() && (h[i] == ' ' || h[i] == '>')) continue;  // boolean attribute (hidden, data-aw-js)
      if (h.substr(i, 2) != "=\"") fail("an attribute value that is not double-quoted", h, i);
      i += 2;
      size_t q = h.find('"', i);
      if (q == std::string_view::npos) fail("an unterminated attribute value", h, i);
      std::string_view value = h.substr(i, q - i);
      if (value.find('<') != std::string_view::npos || value.find('>') != std::string_view::npos)
        fail("'<' or '>' inside an attribute value", h, i);
      std::string decoded = decode_attribute(value);
      if (attr == "id" || attr == "aria-labelledby" || attr == "aria-controls") {
        if (!starts_with(decoded, x.id_prefix)) fail("an id without the id prefix", h, i);
      }
      if (attr == "href" || attr == "src") {
        if (!url_allowed(decoded, attr == "src", x.allow_remote_images)) fail("a URL outside the allowlist", h, i);
      }
      if (attr == "srcset") {  // "URL Nw, URL Nw": every URL an image's
        for (size_t from = 0; from < decoded.size();) {
          size_t end = decoded.find(", ", from);
          std::string candidate = decoded.substr(from, end == std::string::npos ? std::string::npos : end - from);
          size_t space = candidate.rfind(' ');
          if (space == std::string::npos || candidate.back() != 'w') fail("a srcset candidate that is not \"URL Nw\"", h, i);
          if (!url_allowed(candidate.substr(0, space), true, x.allow_remote_images)) fail("a srcset URL outside the allowlist", h, i);
          from = end == std::string::npos ? decoded.size() : end + 2;
        }
      }
      if (attr == "data-aw-embed" && !starts_with(decoded, "https://www.youtube-nocookie.com/embed/") &&
          !starts_with(decoded, "https://player.vimeo.com/video/"))
        fail("a player address other than the two privacy-enhanced players", h, i);
      if (attr == "type") type = decoded;
      // only a citation's, which keeps it in Safari's Tab order (docs/HTML.md "Citations")
      if (attr == "tabindex" && (decoded != "0" || tag != "a")) fail("a tabindex other than a citation's", h, an);
      i = q + 1;
    }
    if (is_void(tag) != self_closed && tag != "br" && tag != "hr") fail("a void element written as a container (or back)", h, lt);
    if (!is_void(tag)) stack.push_back(tag);
  }
  if (!stack.empty()) fail("elements left open at the end", h, h.size());
}

void check_result(const aw::ArticleResult& r, std::string_view text, const Expect& x) {
  bool errors = false;
  for (const aw::Diagnostic& d : r.diagnostics) {
    if (d.severity == aw::Severity::Error) errors = true;
    if (d.offset > text.size()) fail("a diagnostic located past the end of the text", "", 0);
    if (d.line < 1 || d.column < 1) fail("a diagnostic with line/column < 1", "", 0);
    if (!d.path.empty() && d.path[0] != '/') fail("a diagnostic path that is not a JSON Pointer", d.path, 0);
  }
  if (errors == r.ok) fail("ok disagrees with the error diagnostics", "", 0);
  if (!r.ok && !r.html.empty()) fail("HTML produced despite errors", r.html, 0);
  if (r.ok) check_html(r.html, x);
  if (!r.json_ld.empty()) {
    if (r.json_ld.find_first_of("<>&") != std::string::npos) fail("'<', '>' or '&' in JSON-LD", r.json_ld, r.json_ld.find_first_of("<>&"));
    if (r.json_ld.find("\xE2\x80\xA8") != std::string::npos || r.json_ld.find("\xE2\x80\xA9") != std::string::npos)
      fail("a raw U+2028/U+2029 in JSON-LD", r.json_ld, 0);
    if (!json::accept(r.json_ld)) fail("JSON-LD that is not JSON", r.json_ld, 0);
  }
  aw::RenderOptions o;
  o.id_prefix = x.id_prefix;
  std::string report = aw::result_report_json(r, o);
  if (!json::accept(report)) fail("the report is not JSON", report, 0);
}

bool same(const aw::ArticleResult& a, const aw::ArticleResult& b) {
  if (a.ok != b.ok || a.html != b.html || a.diagnostics.size() != b.diagnostics.size()) return false;
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    const aw::Diagnostic& p = a.diagnostics[i];
    const aw::Diagnostic& q = b.diagnostics[i];
    if (p.code != q.code || p.path != q.path || p.offset != q.offset || p.line != q.line || p.column != q.column || p.message != q.message)
      return false;
  }
  return true;
}

// The project's JSON parser against nlohmann's (the reference): the same texts are JSON, and
// they parse to the same values. Only what the project adds differs: its limits, and a repeated
// key (an error here, the last one wins there), and a raw NUL byte.
void check_parser(std::string_view text) {
  // nlohmann takes a raw NUL byte for the end of the text; here it is an error wherever it is
  // (tests/native/regression_test.cpp).
  if (text.find('\0') != std::string_view::npos) return;
  const json reference = json::parse(text.begin(), text.end(), nullptr, false);
  aw::Limits limits;
  limits.max_depth = aw::Limits::kDepthCeiling;
  aw::Diagnostics diags(text);
  aw::JsonDocument doc;
  const bool ok = aw::parse_json(text, limits, doc, diags);
  for (const aw::Diagnostic& d : diags.all())
    if (d.code == aw::Code::DuplicateKey || d.code == aw::Code::JsonTooDeep || d.code == aw::Code::TooMany ||
        d.code == aw::Code::InputTooLarge)
      return;
  if (ok != !reference.is_discarded())
    fail(ok ? "the parser accepts what nlohmann refuses" : "the parser refuses what nlohmann accepts", "", 0);
  if (ok && doc.root != reference) fail("the parser and nlohmann read different values", "", 0);
}

void run_article(std::string_view text, const aw::RenderOptions& options) {
  check_parser(text);
  aw::ArticleResult first = aw::render_article_json(text, options);
  Expect x{options.id_prefix, options.allow_remote_images};
  check_result(first, text, x);
  aw::ArticleResult again = aw::render_article_json(text, options);
  if (!same(first, again)) fail("rendering the same input twice gave different results", first.html, 0);
  aw::ArticleResult validated = aw::render_article_json(text, options, false);
  if (validated.ok != first.ok || !validated.html.empty()) fail("validate() disagrees with render()", "", 0);
}

std::vector<std::string_view> split(std::string_view s, char sep, size_t max_parts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    size_t at = s.find(sep);
    if (at == std::string_view::npos) break;
    parts.push_back(s.substr(0, at));
    s.remove_prefix(at + 1);
  }
  parts.push_back(s);
  return parts;
}

constexpr const char* kSecret = "ZQXSECRETZQX";

std::string article_with_markdown(std::string_view body, std::string_view answer, std::string_view quick) {
  json a = json::parse(R"JSON({
    "id": "fuzz", "lang": "en", "title": "Fuzz", "authors": [{"name": "A"}], "published": "2026-01-01",
    "spoilers": {"level": "major"},
    "sources": [{"id": "a", "label": "Source A", "title": "A"}, {"id": "b", "label": "Source B", "title": "B", "url": "https://b.test/"}],
    "sections": [
      {"id": "one", "heading": "One", "body": "", "sources": ["a"],
       "sections": [{"id": "sub", "heading": "Sub", "body": "x [^b]", "spoiler": true}]},
      {"id": "two", "heading": "One", "body": "# One\n\n[back](#one)", "spoiler": true}],
    "faq": [{"id": "q", "question": "Q?", "answer": "", "spoiler": true}, {"question": "One", "answer": "see [^a]"}],
    "related": [{"title": "R", "url": "/r"}]
  })JSON",
                       nullptr, false);
  a["sections"][0]["body"] = std::string(body);
  // The gated parts carry a marker that must never reach JSON-LD or the description.
  a["faq"][0]["answer"] = std::string(answer) + "\n\n" + kSecret;
  if (!quick.empty()) a["quickAnswer"] = {{"question", "Q?"}, {"answer", std::string(quick) + "\n\n" + kSecret}, {"spoiler", true}};
  // Invalid UTF-8 in the fuzzed Markdown becomes U+FFFD (dump would otherwise abort).
  return a.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t sel = data[0];
  std::string_view payload(reinterpret_cast<const char*>(data + 1), size - 1);

  aw::RenderOptions options;
  options.reveal_spoilers = sel & 0x04;
  options.allow_remote_images = sel & 0x08;
  options.spoilers_in_metadata = sel & 0x10;
  if (sel & 0x20) {
    options.limits.max_depth = 4;
    options.limits.max_items = 3;
    options.limits.max_text_chars = 40;
    options.limits.max_markdown_bytes = 200;
    options.limits.max_markdown_nesting = 3;
  }
  static const char* const kPrefixes[] = {"aw-", "w1_", "X", "abcdefghijklmnopqrstuvwxyz012345"};
  options.id_prefix = kPrefixes[sel >> 6];

  switch (sel & 3) {
    case 0: run_article(payload, options); break;
    case 1: {
      std::string html = aw::render_markdown_fragment(payload, options);
      Expect x{options.id_prefix, options.allow_remote_images};
      check_html(html, x);
      if (aw::render_markdown_fragment(payload, options) != html) fail("a fragment rendered twice differs", html, 0);
      break;
    }
    case 2: {
      size_t nl = payload.find('\n');
      std::string_view opts = nl == std::string_view::npos ? payload : payload.substr(0, nl);
      std::string_view article = nl == std::string_view::npos ? std::string_view() : payload.substr(nl + 1);
      std::vector<aw::Diagnostic> problems;
      aw::RenderOptions parsed = aw::parse_render_options(opts, problems);
      for (const aw::Diagnostic& d : problems)
        if (d.code != aw::Code::InvalidOption && d.code != aw::Code::UnknownOption)
          fail("an option problem that is not invalid-option or unknown-option", d.message, 0);
      if (!aw::is_valid_id_prefix(parsed.id_prefix)) fail("an invalid id prefix was accepted", parsed.id_prefix, 0);
      // Keep the fuzzer fast: options may raise limits, but not to where one input takes seconds.
      const bool fast_limits = parsed.limits.max_markdown_nesting <= 64 && parsed.limits.max_input_bytes <= (1u << 20) &&
                               parsed.limits.max_markdown_bytes <= (1u << 20);
      if (parsed.limits.max_markdown_nesting > 64) parsed.limits.max_markdown_nesting = 64;
      run_article(article, parsed);
      // The JS API's whole call (what the wasm bindings hand over): the report is JSON, an option
      // error means no HTML, and the Markdown entry agrees with the fragment renderer.
      if (fast_limits) {
        aw::CallOutput call = aw::call_render(article, opts, true);
        json report = json::parse(call.report, nullptr, false);
        if (report.is_discarded() || !report.is_object()) fail("the call's report is not a JSON object", call.report, 0);
        bool option_error =
            std::any_of(problems.begin(), problems.end(), [](const aw::Diagnostic& d) { return d.severity == aw::Severity::Error; });
        if (option_error && !call.html.empty()) fail("HTML despite an option error", call.html, 0);
        if (report.value("ok", false) == call.html.empty() && !article.empty()) fail("ok disagrees with the HTML", call.report, 0);
        aw::CallOutput md = aw::call_render_markdown(article, opts);
        if (!option_error && md.html != aw::render_markdown_fragment(article, parsed))
          fail("the Markdown call differs from the fragment", md.html, 0);
        if (json::parse(md.report, nullptr, false).is_discarded()) fail("the Markdown call's report is not JSON", md.report, 0);
      }
      break;
    }
    case 3: {
      std::vector<std::string_view> parts = split(payload, '\x1e', 3);
      parts.resize(3);
      std::string text = article_with_markdown(parts[0], parts[1], parts[2]);
      run_article(text, options);
      if (!options.spoilers_in_metadata) {
        aw::ArticleResult r = aw::render_article_json(text, options, false);
        if (r.json_ld.find(kSecret) != std::string::npos) fail("gated text in JSON-LD", r.json_ld, r.json_ld.find(kSecret));
        if (r.description.find(kSecret) != std::string::npos) fail("gated text in the description", r.description, 0);
      }
      break;
    }
  }
  return 0;
}
