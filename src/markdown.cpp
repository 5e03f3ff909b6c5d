#include "aw/markdown.hpp"

#include <cmark.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "aw/bytes16.hpp"
#include "aw/escape.hpp"
#include "aw/labels.hpp"
#include "aw/markdown_arena.hpp"
#include "aw/options.hpp"

// src/cmark_literal.c: the length cmark keeps for a node's literal (its API gives only the text).
extern "C" size_t aw_cmark_literal_length(cmark_node* node);

namespace aw {
namespace {

// cmark's html.c cr(): a newline unless the output already ends with one.
void cr(std::string& out) {
  if (!out.empty() && out.back() != '\n') out += '\n';
}

std::string_view literal(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s ? std::string_view(s, aw_cmark_literal_length(node)) : std::string_view();
}

// Plain text of a node's inline content (heading slugs), inline spoilers left out.
std::string plain_text(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  int in_spoiler = 0;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    if (cmark_node_get_type(cur) == CMARK_NODE_CUSTOM_INLINE) in_spoiler += ev == CMARK_EVENT_ENTER ? 1 : -1;
    if (ev != CMARK_EVENT_ENTER || in_spoiler) continue;
    switch (cmark_node_get_type(cur)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: text += literal(cur); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: text += ' '; break;
      default: break;
    }
  }
  cmark_iter_free(iter);
  return text;
}

bool is_footnote_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

class Writer {
 public:
  Writer(std::string& out, std::string_view source, const MarkdownOptions& o) : out_(out), source_(source), o_(o) {}

  void run(cmark_node* root) {
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) node(cmark_iter_get_node(iter), ev == CMARK_EVENT_ENTER);
    cmark_iter_free(iter);
  }

 private:
  void report(Code code, size_t index, std::string message) {
    if (o_.report) o_.report(code, index, std::move(message));
  }
  std::string suggest(std::string_view word, const std::vector<std::string_view>& names) {
    if (!o_.suggestions_left || *o_.suggestions_left == 0) return {};
    --*o_.suggestions_left;
    return did_you_mean(word, names);
  }

  // Where a reported construct starts in the Markdown text. cmark's events come in source order
  // (but for a link's URL, reported before its text, and reference definitions), so the search
  // only moves forward: what is not found ahead is located at the last find. Searching again
  // from the start for each problem was quadratic in the number of problems.
  size_t find_in_source(std::string_view needle) {
    size_t at = source_.find(needle, search_from_);
    if (at == std::string_view::npos) return search_from_ ? search_from_ - 1 : 0;
    search_from_ = at + 1;
    return at;
  }

  void node(cmark_node* n, bool entering) {
    if (plain_ == n) {  // back at the image whose alt text we were writing
      plain_ = nullptr;
    } else if (plain_) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: escape_html(out_, literal(n)); break;
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_SOFTBREAK: out_ += ' '; break;
        default: break;
      }
      return;
    }

    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_DOCUMENT: break;
      case CMARK_NODE_BLOCK_QUOTE:
        cr(out_);
        out_ += entering ? "<blockquote>\n" : "</blockquote>\n";
        break;
      case CMARK_NODE_LIST:
        if (entering) {
          cr(out_);
          int start = cmark_node_get_list_start(n);
          if (cmark_node_get_list_type(n) == CMARK_BULLET_LIST)
            out_ += "<ul>\n";
          else if (start == 1)
            out_ += "<ol>\n";
          else
            out_ += "<ol start=\"" + std::to_string(start) + "\">\n";
        } else {
          out_ += cmark_node_get_list_type(n) == CMARK_BULLET_LIST ? "</ul>\n" : "</ol>\n";
        }
        break;
      case CMARK_NODE_ITEM:
        if (entering) {
          cr(out_);
          out_ += "<li>";
        } else {
          out_ += "</li>\n";
        }
        break;
      case CMARK_NODE_HEADING: heading(n, entering); break;
      case CMARK_NODE_CODE_BLOCK: {
        cr(out_);
        const char* info = cmark_node_get_fence_info(n);
        std::string_view lang = info ? std::string_view(info) : std::string_view();
        lang = lang.substr(0, lang.find_first_of(" \t\n\r\f\v"));
        if (lang.empty()) {
          out_ += "<pre><code>";
        } else {
          out_ += "<pre><code class=\"language-";
          escape_html(out_, lang);
          out_ += "\">";
        }
        escape_html(out_, literal(n));
        out_ += "</code></pre>\n";
        break;
      }
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        if (!raw_html_reported_) {
          raw_html_reported_ = true;
          std::string_view raw = literal(n);
          report(Code::RawHtmlDropped, find_in_source(raw.substr(0, raw.find('\n'))),
                 "Raw HTML in Markdown is never rendered; it was left out.");
        }
        break;
      case CMARK_NODE_CUSTOM_BLOCK: break;                             // never produced by the parser; never emitted raw
      case CMARK_NODE_CUSTOM_INLINE: inline_spoiler(entering); break;  // made by parse_markdown only
      case CMARK_NODE_THEMATIC_BREAK:
        cr(out_);
        out_ += "<hr />\n";
        break;
      case CMARK_NODE_PARAGRAPH: {
        cmark_node* grandparent = cmark_node_parent(cmark_node_parent(n));
        bool tight = grandparent && cmark_node_get_type(grandparent) == CMARK_NODE_LIST && cmark_node_get_list_tight(grandparent);
        // The one paragraph of an inline field (a caption) is its text, without <p>.
        cmark_node* parent = cmark_node_parent(n);
        if (o_.inline_only && cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT && cmark_node_first_child(parent) == n &&
            cmark_node_last_child(parent) == n)
          tight = true;
        if (!tight) {
          if (entering) {
            cr(out_);
            out_ += "<p>";
          } else {
            out_ += "</p>\n";
          }
        }
        break;
      }
      case CMARK_NODE_TEXT: text(literal(n)); break;
      case CMARK_NODE_LINEBREAK: out_ += "<br />\n"; break;
      case CMARK_NODE_SOFTBREAK: out_ += '\n'; break;
      case CMARK_NODE_CODE:
        out_ += "<code>";
        escape_html(out_, literal(n));
        out_ += "</code>";
        break;
      case CMARK_NODE_STRONG: out_ += entering ? "<strong>" : "</strong>"; break;
      case CMARK_NODE_EMPH: out_ += entering ? "<em>" : "</em>"; break;
      case CMARK_NODE_LINK: link(n, entering); break;
      case CMARK_NODE_IMAGE: image(n, entering); break;
      default: break;
    }
  }

  // docs/HTML.md "Inline spoilers": a reveal control in the article's language, then the text,
  // hidden (not rendered, not read out, not found) until revealed. The part id counts the
  // article's inline spoilers in page order.
  void inline_spoiler(bool entering) {
    if (o_.reveal_spoilers) {
      out_ += entering ? "<span class=\"aw-inline-spoiler\">" : "</span>";
      return;
    }
    if (!entering) {
      out_ += "</span>";
      spoiler_parts_.pop_back();
      return;
    }
    size_t& counter = o_.inline_spoilers ? *o_.inline_spoilers : local_spoilers_;
    std::string part = "_spoiler-" + std::to_string(++counter);
    spoiler_parts_.push_back(part);
    out_ += "<button type=\"button\" class=\"aw-spoiler-chip\" data-aw-gate=\"";
    out_ += part;
    out_ += "\" data-aw-action=\"reveal\" aria-controls=\"";
    escape_html(out_, o_.id_prefix);
    out_.append(part).append("_content\">");
    escape_html(out_, o_.spoiler_label);
    out_ += "</button><span class=\"aw-inline-spoiler\" id=\"";
    escape_html(out_, o_.id_prefix);
    out_.append(part).append("_content\" data-aw-gated=\"").append(part).append("\" hidden>");
  }

  void heading(cmark_node* n, bool entering) {
    const char level = static_cast<char>('0' + std::min(cmark_node_get_heading_level(n) + o_.heading_shift, 6));
    if (!entering) {
      out_.append("</h").append(1, level).append(">\n");
      return;
    }
    cr(out_);
    std::string slug = slugify(plain_text(n));
    if (slug.empty()) slug = "heading";
    if (o_.used_ids) slug = o_.used_ids->claim(slug);
    out_.append("<h").append(1, level).append(" id=\"");
    escape_html(out_, o_.id_prefix);
    escape_html(out_, slug);
    out_ += "\">";
  }

  void link(cmark_node* n, bool entering) {
    if (!entering) {
      if (link_open_.back()) out_ += "</a>";
      link_open_.pop_back();
      --in_link_;
      return;
    }
    ++in_link_;
    std::string_view url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    std::string_view title = cmark_node_get_title(n) ? cmark_node_get_title(n) : "";
    if (!url.empty() && url[0] == '#' && o_.anchors) {
      std::string anchor(url.substr(1));
      bool known = o_.anchors->count(anchor) > 0;
      if (!known) {
        if (anchor_names_.empty() && o_.suggestions_left && *o_.suggestions_left)
          anchor_names_.assign(o_.anchors->begin(), o_.anchors->end());
        report(Code::MissingAnchor, find_in_source("#" + anchor),
               "The link to \"#" + anchor + "\" names no section or FAQ item of this article." + suggest(anchor, anchor_names_));
      }
      out_ += "<a href=\"#";
      if (known) escape_html(out_, o_.id_prefix);
      escape_href(out_, anchor);
    } else if (url_is_safe(url, UrlUse::Link)) {
      out_ += "<a href=\"";
      escape_href(out_, url);
    } else {
      report(Code::UnsafeMarkdownUrl, find_in_source(url.substr(0, 40)),
             "This link's URL is not allowed (only http, https, mailto and relative URLs are); its text is shown without the link.");
      link_open_.push_back(false);
      return;
    }
    if (!title.empty()) {
      out_ += "\" title=\"";
      escape_html(out_, title);
    }
    out_ += url_is_absolute_http(url) ? "\" rel=\"noopener noreferrer\">" : "\">";
    link_open_.push_back(true);
  }

  void image(cmark_node* n, bool entering) {
    std::string_view url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    if (entering) {
      static const std::vector<std::string> kNoOrigins;
      if (!image_url_allowed(url, o_.allow_remote_images, o_.image_origins ? *o_.image_origins : kNoOrigins)) {
        report(Code::UnsafeMarkdownUrl, find_in_source(url.substr(0, 40)),
               "Images may only come from this site (relative URLs); its description is shown instead.");
        image_dropped_ = true;
        plain_ = n;  // its alt text is written as ordinary text
        return;
      }
      out_ += "<img src=\"";
      escape_href(out_, url);
      out_ += "\" alt=\"";
      plain_ = n;
    } else {
      if (image_dropped_) {
        image_dropped_ = false;
        return;
      }
      const char* title = cmark_node_get_title(n);
      if (title && *title) {
        out_ += "\" title=\"";
        escape_html(out_, title);
      }
      out_ += "\" />";
    }
  }

  // Text, with "[^id]" and "[^id, locator]" footnote references turned into citations.
  void text(std::string_view s) {
    if (!o_.cite) {
      escape_html(out_, s);
      return;
    }
    size_t i = 0;
    while (i < s.size()) {
      size_t at = s.find("[^", i);
      if (at == std::string_view::npos) break;
      size_t end = at + 2;
      while (end < s.size() && is_footnote_id_char(s[end])) ++end;
      const size_t id_end = end;
      std::string_view locator;
      if (end + 1 < s.size() && s[end] == ',' && s[end + 1] == ' ') {  // [^id, p. 2]
        const size_t close = s.find_first_of("[]", end);
        if (close != std::string_view::npos && s[close] == ']' && close - end - 2 <= kMaxLocatorBytes) {
          locator = trimmed(s.substr(end + 2, close - end - 2));
          end = close;
        }
      }
      if (id_end == at + 2 || end >= s.size() || s[end] != ']') {
        escape_html(out_, s.substr(i, at + 2 - i));
        i = at + 2;
        continue;
      }
      escape_html(out_, s.substr(i, at - i));
      std::string_view id = s.substr(at + 2, id_end - at - 2);
      std::string_view citation = s.substr(at, end + 1 - at);
      Citation c;
      if (!spoiler_parts_.empty()) c.inline_part = spoiler_parts_.back();
      std::string problem = o_.cite(id, locator, c);
      if (!problem.empty()) {
        // Searched for only when reported: search positions are kept per citation text, and a
        // known source's citations are never reported, so skipping them moves no position.
        report(Code::UnknownSource, find_in_source(citation), std::move(problem));
        escape_html(out_, citation);
      } else {
        write_citation(out_, o_.id_prefix, id, locator, c, !in_link_);  // no link inside a link: the number alone
      }
      i = end + 1;
    }
    escape_html(out_, s.substr(i));
  }

  static constexpr size_t kMaxLocatorBytes = 100;
  static std::string_view trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  }

  std::string& out_;
  std::string_view source_;
  const MarkdownOptions& o_;
  cmark_node* plain_ = nullptr;
  bool image_dropped_ = false;
  bool raw_html_reported_ = false;
  int in_link_ = 0;
  size_t local_spoilers_ = 0;
  std::vector<std::string> spoiler_parts_;      // the inline spoilers being written, innermost last
  std::vector<std::string_view> anchor_names_;  // for "did you mean", filled at the first miss
  std::vector<bool> link_open_;
  size_t search_from_ = 0;
};

size_t node_count(cmark_node* doc) {
  size_t nodes = 0;
  cmark_iter* iter = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) nodes += ev == CMARK_EVENT_ENTER;
  cmark_iter_free(iter);
  return nodes;
}

// ---- inline spoilers: ||text|| --------------------------------------------------------------
// Before cmark parses a field, every unescaped "||" becomes kMark, a two-byte C1 control (so
// offsets do not move; one already in the text becomes U+0092 first). After parsing, marks are
// paired left to right among the children of one inline container — so spoilers nest with
// emphasis the way its delimiters do — and each pair's content moves into a CUSTOM_INLINE node
// (cmark's parser never makes one). A mark left unpaired, or inside a code span, code block, URL,
// image description or link text, is "||" again.
constexpr std::string_view kMark = "\xC2\x91";

std::string with_spoiler_marks(std::string_view md) {
  std::string out(md);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '\\') {
      ++i;  // an escaped character: "\|\|" stays literal
    } else if (out[i] == '\xC2' && out[i + 1] == '\x91') {
      out[i + 1] = '\x92';
    } else if (out[i] == '|' && out[i + 1] == '|') {
      out[i] = kMark[0];
      out[i + 1] = kMark[1];
      ++i;
    }
  }
  return out;
}

std::string without_marks(std::string_view s) {
  std::string out;
  size_t from = 0;
  for (size_t at = s.find(kMark); at != std::string_view::npos; at = s.find(kMark, from)) {
    out.append(s.substr(from, at - from)).append("||");
    from = at + kMark.size();
  }
  return out.append(s.substr(from));
}

void restore_literal(cmark_node* n) {
  const char* lit = cmark_node_get_literal(n);
  if (lit && std::string_view(lit).find(kMark) != std::string_view::npos) cmark_node_set_literal(n, without_marks(lit).c_str());
}

cmark_node* text_node(std::string_view text) {
  cmark_node* t = cmark_node_new_with_mem(CMARK_NODE_TEXT, markdown_arena());
  cmark_node_set_literal(t, std::string(text).c_str());
  return t;
}

bool is_mark(cmark_node* n) {
  return cmark_node_get_type(n) == CMARK_NODE_TEXT && cmark_node_get_literal(n) && kMark == cmark_node_get_literal(n);
}

// Pairs the marks among `container`'s children.
void pair_marks(cmark_node* container) {
  // Split text children at their marks.
  for (cmark_node* c = cmark_node_first_child(container); c;) {
    cmark_node* next = cmark_node_next(c);
    std::string_view lit = cmark_node_get_type(c) == CMARK_NODE_TEXT && cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "";
    if (lit.find(kMark) != std::string_view::npos && lit != kMark) {
      std::string text(lit);
      size_t from = 0;
      for (size_t at = text.find(kMark); at != std::string::npos; at = text.find(kMark, from)) {
        if (at > from) cmark_node_insert_before(c, text_node(std::string_view(text).substr(from, at - from)));
        cmark_node_insert_before(c, text_node(kMark));
        from = at + kMark.size();
      }
      if (from < text.size()) cmark_node_insert_before(c, text_node(std::string_view(text).substr(from)));
      cmark_node_free(c);
    }
    c = next;
  }
  cmark_node* open = nullptr;
  for (cmark_node* c = cmark_node_first_child(container); c;) {
    cmark_node* next = cmark_node_next(c);
    if (is_mark(c)) {
      if (!open) {
        open = c;
      } else if (cmark_node_next(open) == c) {  // "||||": nothing to hide
        cmark_node_set_literal(open, "||");
        cmark_node_set_literal(c, "||");
        open = nullptr;
      } else {
        cmark_node* spoiler = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, markdown_arena());
        cmark_node_insert_before(open, spoiler);
        for (cmark_node* m = cmark_node_next(open); m != c;) {
          cmark_node* after = cmark_node_next(m);
          cmark_node_append_child(spoiler, m);
          m = after;
        }
        cmark_node_free(open);
        cmark_node_free(c);
        open = nullptr;
      }
    }
    c = next;
  }
  if (open) cmark_node_set_literal(open, "||");
}

void mark_inline_spoilers(cmark_node* doc) {
  std::vector<cmark_node*> containers;
  std::vector<cmark_node*> literals;  // where a mark is literal text
  int in_link = 0;
  cmark_iter* iter = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        in_link += ev == CMARK_EVENT_ENTER ? 1 : -1;
        if (ev == CMARK_EVENT_ENTER) literals.push_back(n);
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG:
        if (ev == CMARK_EVENT_ENTER && !in_link) containers.push_back(n);
        break;
      case CMARK_NODE_TEXT:
        if (in_link) literals.push_back(n);
        break;
      case CMARK_NODE_CODE:
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE: literals.push_back(n); break;
      default: break;
    }
  }
  cmark_iter_free(iter);
  for (cmark_node* n : literals) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(n);
      const char* title = cmark_node_get_title(n);
      if (url) cmark_node_set_url(n, without_marks(url).c_str());
      if (title) cmark_node_set_title(n, without_marks(title).c_str());
    } else {
      restore_literal(n);
    }
    if (t == CMARK_NODE_CODE_BLOCK) {
      const char* info = cmark_node_get_fence_info(n);
      if (info) cmark_node_set_fence_info(n, without_marks(info).c_str());
    }
  }
  for (cmark_node* c : containers) pair_marks(c);
}

}  // namespace

// The bytes cmark's inline parser stops at to try a delimiter, a bracket, an entity or an escape.
// Each costs it an allocation or more even when nothing matches ("[a[a[a…" ends as one text node
// after ~100 000 allocations), so the work budget counts them as well as the nodes they make.
// Every field is counted before it is parsed: 16 bytes at a time (bytes16.hpp), compared with each
// special byte, the matches summed lane by lane. A byte loop was ~8 % of the Markdown path's time
// in wasm.
size_t inline_specials(std::string_view markdown) {
  const char* p = markdown.data();
  const size_t n = markdown.size();
  size_t count = 0;
  size_t i = 0;
  while (i + 16 <= n) {
    Bytes16 sums{};  // per lane, at most 255 blocks before they are added up
    for (size_t blocks = 0; blocks < 255 && i + 16 <= n; ++blocks, i += 16) {
      const Bytes16 b = load16(p + i);
      auto hit = (b == '[') | (b == ']') | (b == '!') | (b == '*') | (b == '_') | (b == '`') | (b == '<') | (b == '&') | (b == '\\');
      sums -= reinterpret_cast<Bytes16>(hit);  // a match is all ones: -1
    }
    for (int lane = 0; lane < 16; ++lane) count += sums[lane];
  }
  for (; i < n; ++i) {
    const char c = p[i];
    count += c == '[' || c == ']' || c == '!' || c == '*' || c == '_' || c == '`' || c == '<' || c == '&' || c == '\\';
  }
  return count;
}

void write_citation(std::string& out, std::string_view id_prefix, std::string_view id, std::string_view locator, const Citation& c,
                    bool linked) {
  const std::string n = std::to_string(c.number);
  if (!linked) {
    out.append("<sup class=\"aw-cite\">").append(n).append("</sup>");
    return;
  }
  // tabindex: Safari's default Tab skips links, and a citation is a control (the shim makes it
  // the popover's button), so it must be reached like one.
  out += "<sup class=\"aw-cite\"><a class=\"aw-cite-ref\" tabindex=\"0\" id=\"";
  escape_html(out, id_prefix);
  escape_html(out, c.ref_id);
  out += "\" href=\"#";
  escape_html(out, id_prefix);
  out += "_fn_";
  escape_html(out, id);
  out += c.note ? "\" data-aw-note=\"" : "\" data-aw-source=\"";
  escape_html(out, id);
  out += "\" aria-label=\"";
  std::string name = fill(c.label, "n", n);
  if (!locator.empty()) name.append(", ").append(locator);
  escape_html(out, name);
  out.append("\">").append(n).append("</a></sup>");
}

MarkdownDoc parse_markdown(std::string_view markdown, int cmark_options) {
  const bool spoilers = find_pair(markdown, '|', '|') != std::string_view::npos;
  const std::string marked = spoilers ? with_spoiler_marks(markdown) : std::string();
  const std::string_view text = spoilers ? std::string_view(marked) : markdown;
  cmark_parser* parser = cmark_parser_new_with_mem(cmark_options, markdown_arena());
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* root = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  if (!root) return nullptr;
  markdown_arena_hold();
  MarkdownDoc doc(root);
  if (spoilers) mark_inline_spoilers(root);
  return doc;
}

size_t StringSet::slot_of(std::string_view s) const {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (char c : s) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  const size_t mask = slots_.size() - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  while (used_[i] && slots_[i] != s) i = (i + 1) & mask;
  return i;
}

bool StringSet::insert(std::string_view s) {
  if ((size_ + 1) * 2 > slots_.size()) {  // grow to keep it at most half full
    std::vector<std::string> old = std::move(slots_);
    std::vector<bool> old_used = std::move(used_);
    slots_.assign(std::max<size_t>(16, old.size() * 2), std::string());
    used_.assign(slots_.size(), false);
    for (size_t i = 0; i < old.size(); ++i)
      if (old_used[i]) {
        const size_t to = slot_of(old[i]);
        slots_[to] = std::move(old[i]);
        used_[to] = true;
      }
  }
  const size_t i = slot_of(s);
  if (used_[i]) return false;
  slots_[i] = s;
  used_[i] = true;
  ++size_;
  return true;
}

std::string UniqueIds::claim(const std::string& base) {
  // A base with a suffix counter is taken already: its next id is tried at once, without first
  // failing to insert the base again into the (large, when one heading repeats) set of all ids.
  auto counter = next_suffix_.find(base);
  if (counter == next_suffix_.end()) {
    if (taken_.insert(base)) return base;
    counter = next_suffix_.emplace(base, 2).first;
  }
  size_t& k = counter->second;
  for (;; ++k) {
    std::string id = base + "-" + std::to_string(k);
    if (taken_.insert(id)) {
      ++k;
      return id;
    }
  }
}

size_t markdown_nesting(std::string_view md, size_t* at_index) {
  size_t deepest = 0;
  size_t i = 0;
  while (i < md.size()) {
    size_t line_start = i;
    size_t indent = 0;
    while (i < md.size() && (md[i] == ' ' || md[i] == '\t')) indent += md[i++] == '\t' ? 4 : 1;
    size_t markers = 0;
    for (;;) {
      while (i < md.size() && (md[i] == ' ' || md[i] == '\t')) ++i;
      if (i >= md.size()) break;
      char c = md[i];
      if (c == '>') {
        ++markers;
        ++i;
      } else if ((c == '-' || c == '+' || c == '*') && i + 1 < md.size() && (md[i + 1] == ' ' || md[i + 1] == '\t')) {
        ++markers;
        i += 2;
      } else if (c >= '0' && c <= '9') {
        size_t j = i;
        while (j < md.size() && j - i < 9 && md[j] >= '0' && md[j] <= '9') ++j;
        if (j + 1 < md.size() && (md[j] == '.' || md[j] == ')') && (md[j + 1] == ' ' || md[j + 1] == '\t')) {
          ++markers;
          i = j + 2;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    size_t depth = markers ? markers + indent / 2 : 0;
    if (depth > deepest) {
      deepest = depth;
      if (at_index) *at_index = line_start;
    }
    const size_t newline = find_byte(md, '\n', i);  // only line starts matter
    i = newline == std::string_view::npos ? md.size() : newline + 1;
  }
  return deepest;
}

size_t markdown_image_bracket_work(std::string_view md, size_t* at_index) {
  if (find_pair(md, '!', '[') == std::string_view::npos) return 0;  // most fields have no image
  size_t worst = 0, images = 0, closers = 0, block_start = 0;
  auto end_block = [&](size_t next_start) {
    if (images * closers > worst) {
      worst = images * closers;
      if (at_index) *at_index = block_start;
    }
    images = closers = 0;
    block_start = next_start;
  };
  // Line by line with find_byte (16 bytes at a time): several times faster than a loop over every byte.
  size_t i = 0;
  while (i < md.size()) {
    size_t end = std::min(find_byte(md, '\n', i), md.size());
    std::string_view line = md.substr(i, end - i);
    closers += static_cast<size_t>(std::count(line.begin(), line.end(), ']'));
    for (size_t at = line.find("!["); at != std::string_view::npos; at = line.find("![", at + 2)) ++images;
    i = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) end_block(i);
  }
  end_block(md.size());
  return worst;
}

size_t count_words(std::string_view text) {
  // Branch-free through a table: word lengths are random, so any branch per byte mispredicts
  // (compilers turn "c == ' ' || c == '\n' …" back into branches).
  static constexpr auto kSpace = [] {
    std::array<bool, 256> space{};
    for (unsigned char c : {' ', '\n', '\t', '\r'}) space[c] = true;
    return space;
  }();
  size_t words = 0;
  bool after_space = true;
  for (char c : text) {
    bool space = kSpace[static_cast<unsigned char>(c)];
    words += !space & after_space;
    after_space = space;
  }
  return words;
}

void render_markdown(std::string& out, std::string_view markdown, const MarkdownOptions& options) {
  MarkdownBudget* budget = options.budget;
  // Spends `elements` of the budget; false (and reported once) when it runs out.
  auto spend = [&](size_t elements) {
    if (!budget) return true;
    if (!budget->stopped && elements <= budget->elements_left) {
      budget->elements_left -= elements;
      return true;
    }
    if (!budget->stopped && options.report)
      options.report(Code::RenderBudgetExceeded, 0,
                     "The article's Markdown passes " + std::to_string(budget->limit) +
                         " elements (blocks, inline spans, text runs, brackets and delimiters) in this field "
                         "(limit: maxMarkdownElements); rendering stopped here.");
    budget->stopped = true;
    return false;
  };
  if (budget && (budget->stopped || !spend(inline_specials(markdown)))) return;
  size_t where = 0;
  const size_t max_nesting = std::min(options.max_nesting, Limits::kMarkdownNestingCeiling);
  if (markdown_nesting(markdown, &where) > max_nesting) {
    if (options.report)
      options.report(
          Code::MarkdownTooNested, where,
          "Lists or block quotes nest more than " + std::to_string(max_nesting) + " levels deep here (limit: maxMarkdownNesting).");
    out += "<p>";
    escape_html(out, markdown);
    out += "</p>\n";
    return;
  }
  if (markdown_image_bracket_work(markdown, &where) > kMaxImageBracketWork) {
    if (options.report)
      options.report(Code::MarkdownTooNested, where,
                     "Too many \"![\" and \"]\" in one paragraph (cmark 0.30.2 is quadratic there); it is shown as plain text.");
    out += "<p>";
    escape_html(out, markdown);
    out += "</p>\n";
    return;
  }
  // cmark's own check (CMARK_OPT_VALIDATE_UTF8) costs it ~8 instructions a byte on every line; valid
  // text, which is nearly all text, is recognised here at a fraction of that and parsed unchecked.
  const bool valid_utf8 = options.valid_utf8 || first_invalid_utf8(markdown) == std::string_view::npos;
  const MarkdownDoc parsed = parse_markdown(markdown, valid_utf8 ? CMARK_OPT_DEFAULT : CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
  cmark_node* doc = parsed.get();
  if (!doc) return;  // out of memory inside cmark
  if (budget && !spend(node_count(doc))) return;
  cmark_consolidate_text_nodes(doc);
  if (options.inline_only && options.report) {
    cmark_node* first = cmark_node_first_child(doc);
    if (first && (first != cmark_node_last_child(doc) || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH))
      options.report(Code::NotInline, 0,
                     "This field is one paragraph of inline Markdown (emphasis, links, citations); its lists, headings, quotes, "
                     "code blocks or further paragraphs are shown as blocks.");
  }
  Writer(out, markdown, options).run(doc);
}

}  // namespace aw
