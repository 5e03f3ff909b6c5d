#include "aw/json_source.hpp"

#include "aw/escape.hpp"

#include <algorithm>
#include <cctype>
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
  Builder(std::string_view text, const Limits& limits, nlohmann::json& root, Diagnostics& diags, const size_t* pos)
      : text_(text), limits_(limits), root_(root), diags_(diags), pos_(pos) {}

  // What was recorded, for JsonDocument: every value's offsets but the root's, sorted by node.
  std::vector<JsonDocument::NodeOffsets> take_nodes() {
    std::sort(nodes_.begin(), nodes_.end(), [](const auto& a, const auto& b) { return a.node < b.node; });
    return std::move(nodes_);
  }
  size_t root_offset() const { return root_offset_; }

  bool null() override { return value(json(nullptr)); }
  bool boolean(bool v) override { return value(json(v)); }
  bool number_integer(number_integer_t v) override { return value(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return value(json(v)); }
  // Copied, not moved: moving would take the lexer's buffer, which then regrows from nothing for
  // every later string (several allocations each, where a copy makes one of the exact size).
  bool string(string_t& v) override { return value(json(v)); }
  bool binary(binary_t&) override { return false; }  // not produced by the JSON lexer

  bool start_object(std::size_t) override { return open(json::object()); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  // The member is made here (one lookup for the duplicate check and the insertion); its value
  // replaces the null placeholder in place().
  bool key(string_t& k) override {
    size_t at = token_start();
    if (!room(at)) return false;
    Frame& f = frames_.back();
    auto [member, inserted] = f.node->get_ref<json::object_t&>().try_emplace(k);  // k copied, as in string()
    f.key = &member->first;
    f.slot = &member->second;
    f.key_at = at;
    if (!inserted) {
      diags_.report(Code::DuplicateKey, pointer(frames_.size()) + "/" + pointer_token(k), at,
                    "The key \"" + k + "\" appears more than once in this object; each key may appear only once.");
    }
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
    // Two of nlohmann's reasons mislead: it takes a NUL byte for the end of the input, and any
    // text starting with byte EF for a broken byte order mark.
    if (size_t nul = text_.find('\0'); nul != std::string_view::npos && nul <= at) {
      at = nul;
      reason = "a NUL byte (inside strings write \\u0000).";
    } else if (size_t bad = reason.find("UTF-8") != std::string::npos ? first_invalid_utf8(text_) : std::string_view::npos;
               bad != std::string_view::npos) {
      at = bad;  // nlohmann reports the byte after
      static const char* hex = "0123456789ABCDEF";
      auto b = static_cast<unsigned char>(text_[bad]);
      reason = std::string("invalid UTF-8: byte ") + hex[b >> 4] + hex[b & 15] +
               " does not begin or continue a UTF-8 sequence here (save the file as UTF-8).";
    } else if (reason.find("invalid BOM") != std::string::npos) {
      at = 0;
      reason = "it starts with bytes that are neither a JSON value nor a UTF-8 byte order mark (EF BB BF)" +
               std::string(text_.substr(0, 3) == "\xEF\xBF\xBD" ? ": U+FFFD, the replacement character left by a broken conversion." : ".");
    }
    std::string path = pointer_here();
    if (reason.find("syntax error") != std::string::npos) explain(reason, at, path);
    diags_.report(Code::JsonSyntax, path, at, "The text is not valid JSON: " + reason);
    return false;
  }

  // nlohmann's syntax errors in the words of someone editing a file, at the character to fix:
  // a trailing comma, a missing comma, a missing colon, an unterminated string.
  void explain(std::string& reason, size_t& at, std::string& path) const {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    auto before = [&](size_t i) {  // the last non-space byte before i, or npos
      while (i > 0 && is_space(text_[i - 1])) --i;
      return i == 0 ? std::string_view::npos : i - 1;
    };
    const char here = at < text_.size() ? text_[at] : '\0';
    const size_t prev = before(at);
    const char last = prev == std::string_view::npos ? '\0' : text_[prev];
    if ((here == ']' || here == '}') && last == ',') {
      reason = std::string("a trailing comma before '") + here + "': remove the comma (JSON allows none after the last " +
               (here == ']' ? "element)." : "member).");
      at = prev;
      path = pointer(frames_.size());  // the array or object, not an element that is not there
    } else if (reason.find("missing closing quote") != std::string::npos) {
      // Only the end of the text gets here (a line break inside a string is its own error).
      reason = "an unterminated string: the text ends inside a string (a closing quote is missing, or the file is cut).";
    } else if (reason.find("control character U+000A") != std::string::npos) {
      reason = "a line break inside a string: a closing quote is missing before it, or write the break as \\n.";
    } else if (reason.find("expected ':'") != std::string::npos) {
      reason = "a missing ':' between the key and its value.";
    } else if (reason.find("expected '}'") != std::string::npos || reason.find("expected ']'") != std::string::npos) {
      // A value where a comma or the closing bracket belongs: nlohmann stops after reading it, so
      // find where it begins, and whether a value ends just before.
      size_t start = at;
      if (here == '"' && start > 0) {
        start = text_.rfind('"', start - 1);
        while (start != std::string_view::npos && start > 0 && text_[start - 1] == '\\') start = text_.rfind('"', start - 1);
      } else {
        while (start > 0 && (std::isalnum(static_cast<unsigned char>(text_[start - 1])) || text_[start - 1] == '.' ||
                             text_[start - 1] == '-' || text_[start - 1] == '+'))
          --start;
      }
      const size_t end = start == std::string_view::npos ? std::string_view::npos : before(start);
      const char ended = end == std::string_view::npos ? '\0' : text_[end];
      if (ended == '"' || ended == ']' || ended == '}' || ended == 'e' || ended == 'l' || (ended >= '0' && ended <= '9')) {
        reason = "a missing comma before this value (or a missing closing bracket before it).";
        at = start;
      }
    }
  }

 private:
  struct Frame {
    json* node;
    const std::string* key = nullptr;  // objects: the current member's key, value and key offset
    json* slot = nullptr;
    size_t key_at = 0;
    size_t index = 0;    // arrays: next element index
    size_t pending = 0;  // arrays: where this array's element offsets start in pending_
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

  // JSON Pointer of the value that frames_[depth - 1] is ("" for the root); built only for a
  // diagnostic, so parsing builds no pointer strings.
  std::string pointer(size_t depth) const {
    std::string p;
    for (size_t i = 0; i + 1 < depth; ++i) {
      const Frame& f = frames_[i];
      p += '/';
      // The child was placed at the member key, or at the index before it was incremented.
      p += f.node->is_object() ? pointer_token(*f.key) : std::to_string(f.index - 1);
    }
    return p;
  }

  std::string pointer_here() const {
    if (frames_.empty()) return "";
    const Frame& f = frames_.back();
    std::string p = pointer(frames_.size());
    if (f.node->is_object()) return !f.key || f.key->empty() ? p : p + "/" + pointer_token(*f.key);
    return p + "/" + std::to_string(f.index);
  }

  // Places `v` at the current position, records its offset and returns where it now lives. An
  // array's elements move while it grows, so their offsets wait in pending_ until it closes.
  json* place(json&& v, size_t at) {
    if (frames_.empty()) {
      root_ = std::move(v);
      root_offset_ = at;
      return &root_;
    }
    Frame& f = frames_.back();
    if (f.node->is_array()) {
      ++f.index;
      pending_.push_back(at);
      f.node->push_back(std::move(v));
      return &f.node->back();
    }
    *f.slot = std::move(v);
    nodes_.push_back({f.slot, at, f.key_at});
    return f.slot;
  }

  bool value(json&& v) {
    size_t at = token_start();
    if (!room_for_element(at)) return false;
    place(std::move(v), at);
    return true;
  }

  bool open(json&& container) {
    size_t at = token_start();
    if (!room_for_element(at)) return false;
    const size_t max_depth = std::min(limits_.max_depth, Limits::kDepthCeiling);
    if (frames_.size() >= max_depth) {
      diags_.report(Code::JsonTooDeep, pointer_here(), at,
                    "The JSON nests deeper than " + std::to_string(max_depth) +
                        " levels; an article never needs that (limit: maxDepth).");
      return false;
    }
    json* node = place(std::move(container), at);
    frames_.push_back(Frame{node, nullptr, nullptr, 0, 0, pending_.size()});
    return true;
  }

  // No array or object grows past limits.max_items while parsing: a 4 MiB "[1,1,1,…]" would
  // otherwise cost two million values before the validator could say too-many.
  bool room(size_t at) {
    if (frames_.empty()) return true;
    const Frame& f = frames_.back();
    size_t size = f.node->is_array() ? f.index : f.node->size();
    if (size < limits_.max_items) return true;
    diags_.report(Code::TooMany, pointer(frames_.size()), at,
                  std::string(f.node->is_array() ? "This array has" : "This object has") + " more than " +
                      std::to_string(limits_.max_items) + " entries (limit: maxItems); reading stopped here.");
    return false;
  }

  // Room for a value: in an array checked here, in an object already at its key.
  bool room_for_element(size_t at) { return frames_.empty() || !frames_.back().node->is_array() || room(at); }

  bool close() {
    last_end_ = *pos_;
    const Frame& f = frames_.back();
    if (f.node->is_array()) {  // its elements have their final addresses now
      for (size_t i = f.pending; i < pending_.size(); ++i)
        nodes_.push_back({&(*f.node)[i - f.pending], pending_[i], std::string::npos});
      pending_.resize(f.pending);
    }
    frames_.pop_back();
    return true;
  }

  std::string_view text_;
  const Limits& limits_;
  nlohmann::json& root_;
  Diagnostics& diags_;
  const size_t* pos_;
  size_t last_end_ = 0;
  std::vector<Frame> frames_;
  std::vector<size_t> pending_;  // offsets of the elements of the open arrays, innermost last
  std::vector<JsonDocument::NodeOffsets> nodes_;
  size_t root_offset_ = 0;
};

// The next reference token of `pointer` (after its '/'), unescaped.
std::string next_token(std::string_view& pointer) {
  size_t end = pointer.find('/', 1);
  std::string_view raw = pointer.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
  pointer.remove_prefix(std::min(pointer.size(), raw.size() + 1));
  std::string token;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) token += raw[++i] == '0' ? '~' : '/';
    else token += raw[i];
  }
  return token;
}

// An array index token: decimal digits, no leading zero.
bool array_index(std::string_view token, size_t& index) {
  if (token.empty() || token.size() > 19 || (token.size() > 1 && token[0] == '0')) return false;
  index = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<size_t>(c - '0');
  }
  return true;
}

}  // namespace

JsonDocument::JsonDocument(JsonDocument&& other) noexcept
    : root(std::move(other.root)), nodes_(std::move(other.nodes_)), root_offset_(other.root_offset_) {}

JsonDocument& JsonDocument::operator=(JsonDocument&& other) noexcept {
  root = std::move(other.root);
  nodes_ = std::move(other.nodes_);
  root_offset_ = other.root_offset_;
  return *this;
}

const json* JsonDocument::resolve(std::string_view pointer, bool& exact) const {
  const json* node = &root;
  exact = true;
  while (!pointer.empty()) {
    std::string token = next_token(pointer);
    const json* next = nullptr;
    size_t index = 0;
    if (node->is_object()) {
      auto it = node->find(token);
      if (it != node->end()) next = &*it;
    } else if (node->is_array() && array_index(token, index) && index < node->size()) {
      next = &(*node)[index];
    }
    if (!next) {
      exact = false;
      break;
    }
    node = next;
  }
  return node;
}

const JsonDocument::NodeOffsets* JsonDocument::find(const json* node) const {
  auto it = std::lower_bound(nodes_.begin(), nodes_.end(), node, [](const NodeOffsets& n, const json* p) { return n.node < p; });
  return it != nodes_.end() && it->node == node ? &*it : nullptr;
}

size_t PointerOffsets::at(std::string_view pointer) const {
  bool exact = false;
  const json* node = doc_.resolve(pointer, exact);
  if (!exact) return std::string::npos;
  if (node == &doc_.root) return keys_ ? std::string::npos : doc_.root_offset_;
  const JsonDocument::NodeOffsets* n = doc_.find(node);
  return !n ? std::string::npos : keys_ ? n->key : n->value;
}

size_t JsonDocument::offset_of(std::string_view pointer) const {
  bool exact = false;
  return offset_of_node(*resolve(pointer, exact));
}

size_t JsonDocument::offset_of_node(const json& value) const {
  const NodeOffsets* n = &value == &root ? nullptr : find(&value);
  return n ? n->value : root_offset_;
}

size_t JsonDocument::key_offset_of(std::string_view pointer) const {
  size_t at = key_offsets.at(pointer);
  return at != std::string::npos ? at : offset_of(pointer);
}

bool parse_json(std::string_view text, const Limits& limits, JsonDocument& doc, Diagnostics& diags) {
  if (text.size() > limits.max_input_bytes) {
    diags.report(Code::InputTooLarge, "", 0,
                 "The article is " + std::to_string(text.size()) + " bytes; the limit is " +
                     std::to_string(limits.max_input_bytes) + " (maxInputBytes).");
    return false;
  }
  size_t pos = 0;
  Builder builder(text, limits, doc.root, diags, &pos);
  CountingIterator first(text.data(), text.data(), &pos);
  CountingIterator last(text.data() + text.size(), text.data(), &pos);
  bool ok = json::sax_parse(first, last, &builder, nlohmann::detail::input_format_t::json, true);
  doc.nodes_ = builder.take_nodes();
  doc.root_offset_ = builder.root_offset();
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
  return StringLiteralCursor(text, literal_offset).offset_of(index);
}

size_t StringLiteralCursor::offset_of(size_t index) {
  if (index < decoded_) {  // behind the last walk: start again
    at_ = start_;
    decoded_ = 0;
  }
  std::string_view text = text_;
  auto hex4 = [&](size_t at) -> unsigned {
    unsigned v = 0;
    for (size_t k = 0; k < 4 && at + k < text.size(); ++k) {
      char c = text[at + k];
      v = v * 16 + static_cast<unsigned>(c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
    }
    return v;
  };
  size_t i = at_;
  size_t decoded = decoded_;
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
  at_ = i;
  decoded_ = decoded;
  return i;
}

}  // namespace aw
