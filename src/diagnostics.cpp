#include "aw/diagnostics.hpp"

#include <algorithm>

namespace aw {
namespace {

struct CodeInfo {
  Code code;
  std::string_view name;
  Severity severity;
};

constexpr CodeInfo kCodes[] = {
    {Code::InputTooLarge, "input-too-large", Severity::Error},
    {Code::JsonSyntax, "json-syntax", Severity::Error},
    {Code::JsonTooDeep, "json-too-deep", Severity::Error},
    {Code::DuplicateKey, "duplicate-key", Severity::Error},
    {Code::WrongType, "wrong-type", Severity::Error},
    {Code::MissingField, "missing-field", Severity::Error},
    {Code::EmptyValue, "empty-value", Severity::Error},
    {Code::TooLong, "too-long", Severity::Error},
    {Code::TooMany, "too-many", Severity::Error},
    {Code::InvalidSlug, "invalid-slug", Severity::Error},
    {Code::InvalidDate, "invalid-date", Severity::Error},
    {Code::InvalidLanguage, "invalid-language", Severity::Error},
    {Code::InvalidValue, "invalid-value", Severity::Error},
    {Code::UnsafeUrl, "unsafe-url", Severity::Error},
    {Code::InvalidUrl, "invalid-url", Severity::Error},
    {Code::DuplicateId, "duplicate-id", Severity::Error},
    {Code::UnknownSource, "unknown-source", Severity::Error},
    {Code::SectionsTooDeep, "sections-too-deep", Severity::Error},
    {Code::MarkdownTooNested, "markdown-too-nested", Severity::Error},
    {Code::InvalidOption, "invalid-option", Severity::Error},
    {Code::RenderBudgetExceeded, "render-budget-exceeded", Severity::Error},
    {Code::OutOfMemory, "out-of-memory", Severity::Error},
    {Code::UnknownField, "unknown-field", Severity::Warning},
    {Code::UnknownOption, "unknown-option", Severity::Warning},
    {Code::UnusedSource, "unused-source", Severity::Warning},
    {Code::MissingAnchor, "missing-anchor", Severity::Warning},
    {Code::UnsafeMarkdownUrl, "unsafe-markdown-url", Severity::Warning},
    {Code::ImageNotAllowed, "image-not-allowed", Severity::Warning},
    {Code::NotInline, "markdown-not-inline", Severity::Warning},
    {Code::UrlWithoutScheme, "url-without-scheme", Severity::Warning},
    {Code::RawHtmlDropped, "raw-html-dropped", Severity::Warning},
    {Code::DateOrder, "date-order", Severity::Warning},
    {Code::SpoilerTermUngated, "spoiler-term-ungated", Severity::Warning},
    {Code::TooManyProblems, "too-many-problems", Severity::Warning},
};

const CodeInfo& info(Code code) {
  for (const auto& c : kCodes)
    if (c.code == code) return c;
  return kCodes[0];  // unreachable: every enumerator is in the table (tested)
}

}  // namespace

std::string_view code_name(Code code) { return info(code).name; }
Severity code_severity(Code code) { return info(code).severity; }

const std::vector<Code>& all_codes() {
  static const std::vector<Code> codes = [] {
    std::vector<Code> v;
    for (const auto& c : kCodes) v.push_back(c.code);
    return v;
  }();
  return codes;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  uint32_t col = 0;  // code points since the line start
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) block_columns_.push_back(col);
    if (text[i] == '\n') {
      line_starts_.push_back(i + 1);
      col = 0;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
}

void LineIndex::locate(size_t offset, uint32_t& line, uint32_t& column) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  line = static_cast<uint32_t>(index + 1);
  uint32_t col = 1;
  size_t from = line_starts_[index];
  if (size_t block = offset / kBlock; block < block_columns_.size() && block * kBlock > from) {
    from = block * kBlock;
    col += block_columns_[block];
  }
  for (size_t i = from; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;  // count code points
  column = col;
}

void Diagnostics::report(Code code, std::string path, size_t offset, std::string message) {
  Severity severity = code_severity(code);
  size_t& count = severity == Severity::Error ? errors_ : warnings_;
  if (++count > kMaxKept) {
    if (count > kMaxKept + 1) return;
    // Not silently: the reader learns the list is cut, at the first problem left out.
    message = std::string("More than ") + std::to_string(kMaxKept) + (severity == Severity::Error ? " errors" : " warnings") +
              ": only the first " + std::to_string(kMaxKept) + " are listed; fix them and validate again.";
    code = Code::TooManyProblems;
    severity = Severity::Warning;
  }
  Diagnostic d{code, severity, std::move(path), offset, 1, 1, std::move(message)};
  if (!lines_) lines_.emplace(text_);
  lines_->locate(offset, d.line, d.column);
  items_.push_back(std::move(d));
}

std::string_view closest_name(std::string_view word, const std::vector<std::string_view>& names) {
  // Levenshtein distance, case-insensitive, two rows; names are short.
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  auto distance = [&](std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= b.size(); ++j)
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
      std::swap(prev, cur);
    }
    return prev[b.size()];
  };
  if (word.size() > 64) return {};
  const size_t allowed = word.size() <= 3 ? 1 : word.size() <= 6 ? 2 : 3;
  std::string_view best;
  size_t best_distance = allowed + 1;
  for (std::string_view name : names) {
    size_t d = distance(word, name);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& names) {
  std::string_view near = closest_name(word, names);
  if (near.empty() && word.size() >= 3) {
    for (std::string_view name : names) {
      if (name.size() > word.size() && name.substr(0, word.size()) == word && name[word.size()] == '-') {
        if (!near.empty()) return {};  // more than one: no guess
        near = name;
      }
    }
  }
  return near.empty() ? std::string() : " Did you mean \"" + std::string(near) + "\"?";
}

uint32_t Diagnostics::line_of(size_t offset) {
  if (!lines_) lines_.emplace(text_);
  uint32_t line = 1, column = 1;
  lines_->locate(offset, line, column);
  return line;
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace aw
