// CommonMark → safe HTML through cmark's parser and this project's own writer (one walk over
// cmark's enter/exit events, mirroring cmark's html.c byte for byte where nothing differs).
// What differs, on purpose (docs/commonmark.md lists each spec example it affects):
//   raw HTML (blocks and inline) is dropped, not even a comment is left;
//   link URLs outside the allowlist (escape.hpp) render as their text, images as their alt text;
//   "#id" links to the article's anchors get the instance prefix; external links get rel;
//   headings get ids (prefix + slug) and, inside an article, shift below the section heading;
//   "[^source]" in text becomes a numbered citation (never inside code spans or link text);
//   "||text||" is an inline spoiler (parse_markdown).
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "aw/diagnostics.hpp"
#include "aw/markdown_arena.hpp"

namespace aw {

// A set of strings as one open-addressing hash table (FNV-1a, linear probing, at most half
// full). The ids of one render: a heading repeated 100 000 times claims 100 000 of them, and a
// std::set spent a third of that render in wasm comparing "a-1234" with "a-5678"; this costs
// less code than std::unordered_set.
class StringSet {
 public:
  bool insert(std::string_view s);  // false when `s` is in the set already

 private:
  size_t slot_of(std::string_view s) const;  // where `s` is, or the empty slot where it would go
  std::vector<std::string> slots_;
  std::vector<bool> used_;
  size_t size_ = 0;
};

// Heading ids unique within one output: "x", then "x-2", "x-3", … The next suffix is kept per
// base, so n headings with the same text cost O(n), not O(n²) (each "x-k" taken by any heading or
// anchor can make at most one claim step fail, for the one base it spells).
class UniqueIds {
 public:
  UniqueIds() = default;
  explicit UniqueIds(const std::set<std::string>& taken) {
    for (const std::string& id : taken) taken_.insert(id);
  }
  std::string claim(const std::string& base);

 private:
  StringSet taken_;
  std::map<std::string, size_t, std::less<>> next_suffix_;  // few: one per heading text repeated
};

// The Markdown part of one render's work budget (limits.maxMarkdownElements), shared by its fields.
struct MarkdownBudget {
  size_t limit = 0;  // for the message
  size_t elements_left = 0;
  bool stopped = false;  // a field went past it: later fields are not rendered
};

// One citation ([^id] or [^id, locator]) as the article numbers it.
struct Citation {
  int number = 0;           // in the article's one sequence of sources and notes, from 1
  std::string ref_id;       // the id of its <a> (without prefix): _ref_ID_K
  std::string_view label;   // its accessible name's pattern: "Source {n}" or "Note {n}"
  bool note = false;        // a note (data-aw-note) rather than a source (data-aw-source)
  std::string inline_part;  // given to cite(): the inline spoiler the citation is in ("": none)
};

// docs/HTML.md "Citations": <sup class="aw-cite"><a class="aw-cite-ref" …>n</a></sup>, its name
// "Source n, locator"; inside a link (`linked` false) the number alone.
void write_citation(std::string& out, std::string_view id_prefix, std::string_view id, std::string_view locator, const Citation& c,
                    bool linked = true);

struct MarkdownOptions {
  std::string_view id_prefix = "aw-";
  bool allow_remote_images = false;
  const std::vector<std::string>* image_origins = nullptr;  // or images from these origins (url_origin)
  // A field that is one paragraph (a caption): its paragraph is written without <p>; anything
  // else is written as blocks, with a markdown-not-inline warning.
  bool inline_only = false;
  size_t max_nesting = 32;
  int heading_shift = 0;  // "# x" renders as h(1 + shift), capped at h6
  // The text is known to be valid UTF-8 (it came through the JSON parser, which rejects anything
  // else), so cmark need not check it again: its check changes nothing in valid text.
  bool valid_utf8 = false;

  // Article context; all optional. cite() numbers one citation of `id` (a source or a note) with
  // its locator ("p. 2" in [^id, p. 2]), or returns a problem's message ("" when it fills `c`).
  std::function<std::string(std::string_view id, std::string_view locator, Citation& c)> cite;
  // "Did you mean" hints are given while *suggestions_left lasts (each costs a comparison with
  // every candidate).
  size_t* suggestions_left = nullptr;
  // The article's anchor ids ("#x" links are checked against it when set).
  const std::set<std::string>* anchors = nullptr;
  // Ids already used in the output (heading slugs are made unique against it and claimed).
  UniqueIds* used_ids = nullptr;
  // When set, the field's cmark nodes and inline special bytes ([ ] ! * _ ` < & \) are counted
  // against it, before anything is written; the field that goes past it renders nothing and
  // reports render-budget-exceeded.
  MarkdownBudget* budget = nullptr;
  // Inline spoilers (||text||): open when reveal_spoilers, else gated behind a control named
  // spoiler_label; numbered through *inline_spoilers when set (one count per article).
  bool reveal_spoilers = false;
  std::string_view spoiler_label = "Spoiler";
  size_t* inline_spoilers = nullptr;
  // Problems, located by byte index into the Markdown text.
  std::function<void(Code, size_t index, std::string message)> report;
};

// cmark's parse of `markdown` (cmark options as given), with each inline spoiler ||text|| as a
// CMARK_NODE_CUSTOM_INLINE node holding its content; a "||" left unpaired, escaped (\|\|), or in
// a code span, code block, URL or link text is literal. The tree lives in the Markdown arena
// (markdown_arena.hpp) until the MarkdownDoc goes.
MarkdownDoc parse_markdown(std::string_view markdown, int cmark_options);

// Renders `markdown` (UTF-8, may contain NUL) to an HTML fragment, appended to `out`.
void render_markdown(std::string& out, std::string_view markdown, const MarkdownOptions& options);

// Greatest container nesting (block quotes and list items, counted per line) in `markdown`, and
// the byte index of the line where it occurs. Linear; used to keep cmark 0.30.2's quadratic
// nested-list cases out (see docs/SECURITY.md).
size_t markdown_nesting(std::string_view markdown, size_t* at_index = nullptr);

// cmark 0.30.2 walks every open "![" on its bracket stack each time a link closes (fixed upstream
// in 0.30.3, CVE-2023-22486), so "![[]()" repeated is quadratic. This is the worst, over the
// blank-line-separated blocks of `markdown`, of (number of "![") x (number of "]"): an upper bound
// of that walk's cost. Linear; render_markdown refuses a field above kMaxImageBracketWork.
size_t markdown_image_bracket_work(std::string_view markdown, size_t* at_index = nullptr);
constexpr size_t kMaxImageBracketWork = 100000;

// Number of bytes in `markdown` at which cmark's inline parser stops to try a delimiter, a bracket,
// an entity or an escape ([ ] ! * _ ` < & \): render_markdown's work budget counts them.
size_t inline_specials(std::string_view markdown);

// Number of words (runs of non-space characters) in Markdown source, for reading time.
size_t count_words(std::string_view text);

}  // namespace aw
