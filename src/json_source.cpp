#include "aw/json_source.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace aw {
namespace {

using nlohmann::json;

// An input iterator over the text that publishes how far nlohmann's lexer has read, so the SAX
// handler knows where each token ended.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* p, const char* base, size_t* pos) : p_(p), base_(base), pos_(pos) {}
  reference operator*() const { return *p_; }
  CountingIterator& operator++() {
    ++p_;
    *pos_ = static_cast<size_t>(p_ - base_);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const CountingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_;
  const char* base_;
  size_t* pos_;
};

class Builder final : public nlohmann::json_sax<json> {
 public:
  Builder(std::string_view text, const Limits& limits, JsonDocument& doc, Diagnostics& diags, const size_t* pos)
      : text_(text), limits_(limits), doc_(doc), diags_(diags), pos_(pos) {}

  bool null() override { return value(json(nullptr)); }
  bool boolean(bool v) override { return value(json(v)); }
  bool number_integer(number_integer_t v) override { return value(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return value(json(v)); }
  bool string(string_t& v) override { return value(json(std::move(v))); }
  bool binary(binary_t&) override { return false; }  // not produced by the JSON lexer

  bool start_object(std::size_t) override { return open(json::object()); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    size_t at = token_start();
    if (!room(at)) return false;
    Frame& f = frames_.back();
    f.key = std::move(k);
    std::string member = f.pointer + "/" + pointer_token(f.key);
    if (f.node->contains(f.key)) {
      diags_.report(Code::DuplicateKey, member, at,
                    "The key \"" + f.key + "\" appears more than once in this object; each key may appear only once.");
    }
    doc_.key_offsets[member] = at;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    // nlohmann's text is "[json.exception.parse_error.101] parse error at line L, column C: reason";
    // the location is reported separately, so keep the reason.
    size_t colon = what.find(": ");
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    if (reason.size() > 160) reason = reason.substr(0, 160) + "…";
    size_t at = position > 0 ? position - 1 : 0;
    diags_.report(Code::JsonSyntax, pointer_here(), at, "The text is not valid JSON: " + reason);
    return false;
  }

 private:
  struct Frame {
    json* node;
    std::string pointer;
    std::string key;     // current member key (objects)
    size_t index = 0;    // next element index (arrays)
  };

  // Where the token just read begins: skip the whitespace and separators after the previous one.
  size_t token_start() {
    size_t i = last_end_;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':') ++i;
      else break;
    }
    // A UTF-8 byte order mark before the root value is allowed and skipped.
    if (i == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    last_end_ = *pos_;
    return i;
  }

  std::string pointer_here() const {
    if (frames_.empty()) return "";
    const Frame& f = frames_.back();
    if (f.node->is_object()) return f.key.empty() ? f.pointer : f.pointer + "/" + pointer_token(f.key);
    return f.pointer + "/" + std::to_string(f.index);
  }

  // Places `v` at the current position and returns a pointer to where it now lives.
  json* place(json&& v, std::string& pointer) {
    if (frames_.empty()) {
      doc_.root = std::move(v);
      pointer.clear();
      return &doc_.root;
    }
    Frame& f = frames_.back();
    if (f.node->is_array()) {
      pointer = f.pointer + "/" + std::to_string(f.index++);
      f.node->push_back(std::move(v));
      return &f.node->back();
    }
    pointer = f.pointer + "/" + pointer_token(f.key);
    json& slot = (*f.node)[f.key];
    slot = std::move(v);
    return &slot;
  }

  bool value(json&& v) {
    size_t at = token_start();
    if (!room(at)) return false;
    std::string pointer;
    place(std::move(v), pointer);
    doc_.value_offsets[pointer] = at;
    return true;
  }

  bool open(json&& container) {
    size_t at = token_start();
    if (!room(at)) return false;
    const size_t max_depth = std::min(limits_.max_depth, Limits::kDepthCeiling);
    if (frames_.size() >= max_depth) {
      diags_.report(Code::JsonTooDeep, pointer_here(), at,
                    "The JSON nests deeper than " + std::to_string(max_depth) +
                        " levels; an article never needs that (limit: maxDepth).");
      return false;
    }
    std::string pointer;
    json* node = place(std::move(container), pointer);
    doc_.value_offsets[pointer] = at;
    frames_.push_back(Frame{node, std::move(pointer), {}, 0});
    return true;
  }

  // No array or object grows past limits.max_items while parsing: a 4 MiB "[1,1,1,…]" would
  // otherwise cost two million values and JSON Pointers before the validator could say too-many.
  bool room(size_t at) {
    if (frames_.empty()) return true;
    const Frame& f = frames_.back();
    size_t size = f.node->is_array() ? f.index : f.node->size();
    if (size < limits_.max_items) return true;
    diags_.report(Code::TooMany, f.pointer, at,
                  std::string(f.node->is_array() ? "This array has" : "This object has") + " more than " +
                      std::to_string(limits_.max_items) + " entries (limit: maxItems); reading stopped here.");
    return false;
  }

  bool close() {
    last_end_ = *pos_;
    frames_.pop_back();
    return true;
  }

  std::string_view text_;
  const Limits& limits_;
  JsonDocument& doc_;
  Diagnostics& diags_;
  const size_t* pos_;
  size_t last_end_ = 0;
  std::vector<Frame> frames_;
};

}  // namespace

size_t JsonDocument::offset_of(std::string pointer) const {
  for (;;) {
    auto it = value_offsets.find(pointer);
    if (it != value_offsets.end()) return it->second;
    if (pointer.empty()) return 0;
    pointer.erase(pointer.rfind('/'));
  }
}

size_t JsonDocument::key_offset_of(const std::string& pointer) const {
  auto it = key_offsets.find(pointer);
  return it != key_offsets.end() ? it->second : offset_of(pointer);
}

bool parse_json(std::string_view text, const Limits& limits, JsonDocument& doc, Diagnostics& diags) {
  if (text.size() > limits.max_input_bytes) {
    diags.report(Code::InputTooLarge, "", 0,
                 "The article is " + std::to_string(text.size()) + " bytes; the limit is " +
                     std::to_string(limits.max_input_bytes) + " (maxInputBytes).");
    return false;
  }
  size_t pos = 0;
  Builder builder(text, limits, doc, diags, &pos);
  CountingIterator first(text.data(), text.data(), &pos);
  CountingIterator last(text.data() + text.size(), text.data(), &pos);
  bool ok = json::sax_parse(first, last, &builder, nlohmann::detail::input_format_t::json, true);
  // nlohmann's lexer takes a raw NUL byte for the end of the input, so "{…}\0anything" would
  // parse. Inside a string it is already an error (a control character); after the value it
  // must be one too.
  if (size_t nul = text.find('\0'); ok && nul != std::string_view::npos) {
    diags.report(Code::JsonSyntax, "", nul, "The text is not valid JSON: a NUL byte after the value (inside strings write \\u0000).");
    ok = false;
  }
  return ok && !diags.has_errors();
}

size_t string_literal_offset(std::string_view text, size_t literal_offset, size_t index) {
  size_t i = literal_offset + 1;  // after the opening quote
  size_t decoded = 0;
  auto hex4 = [&](size_t at) -> unsigned {
    unsigned v = 0;
    for (size_t k = 0; k < 4 && at + k < text.size(); ++k) {
      char c = text[at + k];
      v = v * 16 + static_cast<unsigned>(c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
    }
    return v;
  };
  while (i < text.size() && decoded < index && text[i] != '"') {
    if (text[i] != '\\') {
      ++i;
      ++decoded;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == 'u') {
      unsigned cp = hex4(i + 2);
      size_t raw = 6;
      if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair: 12 raw bytes, 4 decoded
        raw = 12;
        cp = 0x10000;
      }
      decoded += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += raw;
    } else {
      i += 2;
      ++decoded;
    }
  }
  return i;
}

}  // namespace aw
