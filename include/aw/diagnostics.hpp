// Problems found in an article, as data: a stable code, where (JSON Pointer, byte offset,
// line:column) and a sentence for people. Collected in one pass; nothing is thrown.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

enum class Severity { Error, Warning };

// Every code the validator can report. docs/errors.md documents each one (a test checks that the
// table there and this list agree).
enum class Code {
  InputTooLarge,         // the JSON text exceeds limits.maxInputBytes
  JsonSyntax,            // not well-formed JSON (includes invalid UTF-8 and lone surrogates)
  JsonTooDeep,           // nesting deeper than limits.maxDepth
  DuplicateKey,          // the same key twice in one object
  WrongType,             // a value of the wrong JSON type
  MissingField,          // a required field is absent
  EmptyValue,            // a required string or array is empty
  TooLong,               // a string longer than its limit
  TooMany,               // an array longer than limits.maxItems
  InvalidSlug,           // an id that is not ^[a-z0-9][a-z0-9-]*$
  InvalidDate,           // not YYYY-MM-DD (or a date that does not exist)
  InvalidLanguage,       // lang is not a BCP 47 tag
  InvalidValue,          // a value outside its allowed set or range
  UnsafeUrl,             // a URL field outside the scheme allowlist
  InvalidUrl,            // a URL field that does not hold a URL (spaces, <>, bad %-escapes, no host)
  DuplicateId,           // two sections / FAQ items / sources with the same id
  UnknownSource,         // a citation or "sources" entry naming no source
  SectionsTooDeep,       // sub-sections nested deeper than 4 levels
  MarkdownTooNested,     // Markdown containers (lists, quotes) nested deeper than limits.maxMarkdownNesting
  InvalidOption,         // a render option with a bad value
  RenderBudgetExceeded,  // past limits.maxMarkdownElements or limits.maxHtmlBytes: rendering stopped
  OutOfMemory,           // the module could not allocate memory for this input (nothing else is affected)
  // warnings
  UnknownField,        // a field the format does not define (x-* and $* are reserved and ignored)
  UnknownOption,       // a render option the widget does not define (ignored)
  UnusedSource,        // a source no one cites or lists
  MissingAnchor,       // a Markdown link to #id where no section or FAQ item has that id
  UnsafeMarkdownUrl,   // a Markdown link or image outside the allowlist (rendered as text)
  ImageNotAllowed,     // a hero, figure, srcset or poster image from an origin the render options do not allow
  NotInline,           // block Markdown (a list, a heading, two paragraphs…) in a field that is one paragraph (a caption)
  UrlWithoutScheme,    // a relative URL that starts like a host name ("www.example.com/page")
  RawHtmlDropped,      // raw HTML in Markdown (never rendered)
  DateOrder,           // updated is before published
  SpoilerTermUngated,  // a spoilers.terms phrase in a text readers see before any reveal
  TooManyProblems,     // more than Diagnostics::kMaxKept errors or warnings: the rest are not listed
};

std::string_view code_name(Code code);  // "json-syntax", …
Severity code_severity(Code code);
const std::vector<Code>& all_codes();

struct Diagnostic {
  Code code;
  Severity severity;
  std::string path;     // JSON Pointer of the value ("" = the whole document)
  size_t offset = 0;    // UTF-8 byte offset in the JSON text
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in Unicode code points from the line start
  std::string message;
};

// The name in `names` closest to a misspelled `word` (1 edit for ≤ 3 characters, 2 for ≤ 6, else 3),
// or "" when none is close: for "did you mean" hints.
std::string_view closest_name(std::string_view word, const std::vector<std::string_view>& names);

// " Did you mean \"x\"?" for the closest name (or the one name that begins with `word` and a
// '-', as "caine" → "caine-interview"), or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& names);

// Maps byte offsets to line:column for one JSON text.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  void locate(size_t offset, uint32_t& line, uint32_t& column) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
  // Code points from the start of its line to each 4 KiB boundary, so locating is O(4 KiB) even
  // on one huge line (a minified article with thousands of problems was quadratic).
  static constexpr size_t kBlock = 4096;
  std::vector<uint32_t> block_columns_;
};

// Collects diagnostics for one JSON text. At most kMaxKept errors and kMaxKept warnings are kept
// (the first ones), so a hostile text cannot make the report hundreds of times its own size; the
// first one dropped of each severity is replaced by one too-many-problems warning saying so.
class Diagnostics {
 public:
  static constexpr size_t kMaxKept = 1000;
  explicit Diagnostics(std::string_view text) : text_(text) {}
  void report(Code code, std::string path, size_t offset, std::string message);
  bool has_errors() const { return errors_ > 0; }
  // 1-based line of a byte offset in the text (for messages such as "first at line 12").
  uint32_t line_of(size_t offset);
  // "Did you mean" costs a comparison with every candidate name, so a hostile text with thousands
  // of misspellings must not buy one each: the first kMaxSuggestions problems get one.
  static constexpr size_t kMaxSuggestions = 100;
  std::string suggest(std::string_view word, const std::vector<std::string_view>& names) {
    return suggestions_ < kMaxSuggestions ? (++suggestions_, did_you_mean(word, names)) : std::string();
  }
  const std::vector<Diagnostic>& all() const { return items_; }

 private:
  std::string_view text_;
  std::optional<LineIndex> lines_;  // built at the first report: most articles have none
  std::vector<Diagnostic> items_;
  size_t errors_ = 0, warnings_ = 0;
  size_t suggestions_ = 0;
};

// RFC 6901 escaping of one reference token ("a/b" → "a~1b").
std::string pointer_token(std::string_view key);

}  // namespace aw
