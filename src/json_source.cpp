#include "aw/json_source.hpp"

#include "aw/bytes16.hpp"
#include "aw/escape.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace aw {
namespace {

using nlohmann::json;

// Builds the document: nlohmann values, with the offset of every value and key recorded per node.
// The parser below calls it at each token; it enforces the depth and size limits as it grows.
class Builder {
 public:
  Builder(std::string_view text, const Limits& limits, nlohmann::json& root, Diagnostics& diags)
      : text_(text), limits_(limits), root_(root), diags_(diags) {}

  // What was recorded, for JsonDocument: every value's offsets but the root's, sorted by node.
  std::vector<JsonDocument::NodeOffsets> take_nodes() {
    std::sort(nodes_.begin(), nodes_.end(), [](const auto& a, const auto& b) { return a.node < b.node; });
    return std::move(nodes_);
  }
  size_t root_offset() const { return root_offset_; }
  size_t depth() const { return frames_.size(); }
  bool in_object() const { return !frames_.empty() && frames_.back().node->is_object(); }

  bool value(json&& v, size_t at) {
    if (!room_for_element(at)) return false;
    place(std::move(v), at);
    return true;
  }

  bool open(json&& container, size_t at) {
    if (!room_for_element(at)) return false;
    const size_t max_depth = std::min(limits_.max_depth, Limits::kDepthCeiling);
    if (frames_.size() >= max_depth) {
      diags_.report(Code::JsonTooDeep, pointer_here(), at,
                    "The JSON nests deeper than " + std::to_string(max_depth) + " levels; an article never needs that (limit: maxDepth).");
      return false;
    }
    json* node = place(std::move(container), at);
    frames_.push_back(Frame{node, nullptr, nullptr, 0, 0, pending_.size()});
    return true;
  }

  // The member is made here (one lookup for the duplicate check and the insertion); its value
  // replaces the null placeholder in place().
  bool key(std::string&& k, size_t at) {
    if (!room(at)) return false;
    Frame& f = frames_.back();
    auto [member, inserted] = f.node->get_ref<json::object_t&>().try_emplace(std::move(k));
    f.key = &member->first;
    f.slot = &member->second;
    f.key_at = at;
    if (!inserted) {
      diags_.report(Code::DuplicateKey, pointer(frames_.size()) + "/" + pointer_token(member->first), at,
                    "The key \"" + member->first + "\" appears more than once in this object; each key may appear only once.");
    }
    return true;
  }

  void close() {
    const Frame& f = frames_.back();
    if (f.node->is_array()) {  // its elements have their final addresses now
      for (size_t i = f.pending; i < pending_.size(); ++i) nodes_.push_back({&(*f.node)[i - f.pending], pending_[i], std::string::npos});
      pending_.resize(f.pending);
    }
    frames_.pop_back();
  }

  // A syntax error: in the project's words, at the character to fix, with the pointer of the
  // value being read (or of its array or object, when `container`).
  bool syntax_error(size_t at, const std::string& reason, bool container = false) {
    diags_.report(Code::JsonSyntax, container ? pointer(frames_.size()) : pointer_here(), at, "The text is not valid JSON: " + reason);
    return false;
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

  std::string_view text_;
  const Limits& limits_;
  nlohmann::json& root_;
  Diagnostics& diags_;
  std::vector<Frame> frames_;
  std::vector<size_t> pending_;  // offsets of the elements of the open arrays, innermost last
  std::vector<JsonDocument::NodeOffsets> nodes_;
  size_t root_offset_ = 0;
};

// RFC 8259 JSON, read byte by byte over the text itself (nlohmann's lexer, fed through an
// iterator that counted positions, was half of a render): every value's offset is known where it
// starts, and every syntax error is named in the words of someone editing the file, at the
// character to fix. tests/node/json-conformance.test.js runs JSONTestSuite against it.
class Parser {
 public:
  Parser(std::string_view text, Builder& b) : t_(text), b_(b) {}

  bool run() {
    if (t_.substr(0, 3) == "\xEF\xBB\xBF")
      i_ = 3;  // a UTF-8 byte order mark, at the very start only
    else if (!t_.empty() && static_cast<unsigned char>(t_[0]) == 0xEF)
      return b_.syntax_error(
          0, "it starts with bytes that are neither a JSON value nor a UTF-8 byte order mark (EF BB BF)" +
                 std::string(t_.substr(0, 3) == "\xEF\xBF\xBD" ? ": U+FFFD, the replacement character left by a broken conversion." : "."));
    space();
    if (i_ == t_.size()) return b_.syntax_error(i_, "the text is empty: an article is one JSON object, { … }.");
    if (!value()) return false;
    while (b_.depth() > 0) {
      space();
      const bool object = b_.in_object();
      if (i_ == t_.size())
        return b_.syntax_error(i_,
                               std::string("the text ends inside an ") + (object ? "object: a closing '}'" : "array: a closing ']'") +
                                   " is missing (or the file is cut).",
                               true);
      const char c = t_[i_];
      if (c == ',') {
        const size_t comma = i_++;
        space();
        if (i_ < t_.size() && (t_[i_] == ']' || t_[i_] == '}'))
          return b_.syntax_error(comma,
                                 std::string("a trailing comma before '") + t_[i_] +
                                     "': remove the comma (JSON allows none after the last " + (object ? "member)." : "element)."),
                                 true);
        if (!(object ? member() : value())) return false;
      } else if (c == (object ? '}' : ']')) {
        ++i_;
        b_.close();
      } else if (c == ']' || c == '}') {
        return b_.syntax_error(i_, std::string("a '") + c + "' where " + (object ? "'}' closes this object." : "']' closes this array."),
                               true);
      } else if (starts_value(c)) {
        return b_.syntax_error(i_, "a missing comma before this value (or a missing closing bracket before it).");
      } else {
        return unexpected(object ? "where a ',' or the closing '}' belongs" : "where a ',' or the closing ']' belongs");
      }
    }
    space();
    if (i_ < t_.size()) {
      if (t_[i_] == '\0') return b_.syntax_error(i_, "a NUL byte after the value (inside strings write \\u0000).");
      return b_.syntax_error(i_, "more text after the end of the JSON value (an article is one JSON object).");
    }
    return true;
  }

 private:
  static bool starts_value(char c) {
    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
  }
  void space() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
  }

  // A value starts at i_ (after white space): a scalar is placed; an array or object is opened and
  // its first element or member read (the caller's loop reads the rest).
  bool value() {
    if (i_ == t_.size()) return b_.syntax_error(i_, "the text ends where a value belongs (the file is cut?).");
    const size_t at = i_;
    switch (t_[i_]) {
      case '{':
        if (!b_.open(json::object(), at)) return false;
        ++i_;
        space();
        if (i_ < t_.size() && t_[i_] == '}') return ++i_, b_.close(), true;
        return member();
      case '[':
        if (!b_.open(json::array(), at)) return false;
        ++i_;
        space();
        if (i_ < t_.size() && t_[i_] == ']') return ++i_, b_.close(), true;
        return value();
      case '"': {
        std::string s;
        return string(s) && b_.value(json(std::move(s)), at);
      }
      case 't': return literal("true", json(true));
      case 'f': return literal("false", json(false));
      case 'n': return literal("null", json(nullptr));
      default:
        if (t_[i_] == '-' || (t_[i_] >= '0' && t_[i_] <= '9')) return number();
        return unexpected("where a value belongs");
    }
  }

  // "key": value, starting at the key (after white space).
  bool member() {
    if (i_ == t_.size() || t_[i_] != '"') {
      if (i_ < t_.size() && t_[i_] == '\'') return b_.syntax_error(i_, "a key in single quotes: JSON keys use double quotes (\"key\").");
      if (i_ == t_.size())
        return b_.syntax_error(i_, "the text ends inside an object: a closing '}' is missing (or the file is cut).", true);
      return b_.syntax_error(i_, "an object key must be a string in double quotes (\"key\": value).");
    }
    const size_t at = i_;
    std::string k;
    if (!string(k) || !b_.key(std::move(k), at)) return false;
    space();
    if (i_ == t_.size() || t_[i_] != ':') return b_.syntax_error(i_, "a missing ':' between the key and its value.");
    ++i_;
    space();
    return value();
  }

  bool literal(std::string_view word, json&& v) {
    const size_t at = i_;
    if (t_.substr(i_, word.size()) != word)
      return b_.syntax_error(at,
                             "an invalid literal: a value is true, false, null, a number, a string, an array or an object "
                             "(JSON has no NaN, Infinity or undefined, and text needs double quotes).");
    i_ += word.size();
    return b_.value(std::move(v), at);
  }

  bool unexpected(const char* where) {
    const unsigned char c = static_cast<unsigned char>(t_[i_]);
    if (c == 0) return b_.syntax_error(i_, "a NUL byte (inside strings write \\u0000).");
    if (c >= 0x80 && first_invalid_utf8(t_.substr(i_, c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2)) == 0) return utf8_error(i_);
    if (c == '\'') return b_.syntax_error(i_, "single quotes: JSON strings use double quotes (\"text\").");
    if (c == '/') return b_.syntax_error(i_, "a comment: JSON has no comments.");
    std::string shown = c < 0x20 || c >= 0x80 ? "a character" : std::string("'") + static_cast<char>(c) + "'";
    return b_.syntax_error(i_, "an unexpected " + shown + " " + where + ".");
  }

  bool utf8_error(size_t at) {
    static const char* hex = "0123456789ABCDEF";
    const auto b = static_cast<unsigned char>(t_[at]);
    return b_.syntax_error(at, std::string("invalid UTF-8: byte ") + hex[b >> 4] + hex[b & 15] +
                                   " does not begin or continue a UTF-8 sequence here (save the file as UTF-8).");
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?: an integer stays exact (int64 when negative,
  // uint64 otherwise, as nlohmann keeps them); anything else, or an integer beyond 64 bits, is a double.
  bool number() {
    const size_t at = i_;
    auto digits = [&] {
      const size_t from = i_;
      while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
      return i_ > from;
    };
    const bool negative = t_[i_] == '-';
    if (negative) ++i_;
    if (i_ < t_.size() && t_[i_] == '0') {
      ++i_;
      if (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') return b_.syntax_error(at, "a number with a leading zero (write 7, not 07).");
    } else if (!digits()) {
      return b_.syntax_error(at, "a '-' with no digits after it: a number is written like -12 or -0.5.");
    }
    bool integer = true;
    if (i_ < t_.size() && t_[i_] == '.') {
      ++i_;
      integer = false;
      if (!digits()) return b_.syntax_error(at, "a number ending in '.': write digits after the point (1.0, not 1.).");
    }
    if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
      ++i_;
      integer = false;
      if (i_ < t_.size() && (t_[i_] == '+' || t_[i_] == '-')) ++i_;
      if (!digits()) return b_.syntax_error(at, "a number with an exponent but no digits after the 'e' (write 1e3).");
    }
    const std::string_view token = t_.substr(at, i_ - at);
    if (integer) {
      uint64_t n = 0;
      bool fits = true;
      for (char c : token.substr(negative ? 1 : 0)) {
        const auto d = static_cast<uint64_t>(c - '0');
        if (n > (UINT64_MAX - d) / 10) fits = false;
        n = n * 10 + d;
      }
      if (fits && !negative) return b_.value(json(n), at);
      if (fits && n <= uint64_t{1} << 63) return b_.value(json(n == uint64_t{1} << 63 ? INT64_MIN : -static_cast<int64_t>(n)), at);
    }
    const std::string copy(token);  // strtod needs the terminating NUL
    const double d = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(d)) return b_.syntax_error(at, "the number " + copy + " is too large to be read (past about 1.8e308).");
    return b_.value(json(d), at);
  }

  // Whether none of the 16 bytes at p ends a run of plain string bytes: no '"', '\\', control or
  // non-ASCII byte.
  static bool plain16(const char* p) {
    const Bytes16 b = load16(p);
    return !any16((b < 0x20) | (b >= 0x80) | (b == '"') | (b == '\\'));
  }

  // A string literal at i_ (its opening quote) into `out`, escapes decoded, UTF-8 checked.
  bool string(std::string& out) {
    const size_t open = i_++;
    for (;;) {
      const size_t run = i_;  // plain bytes are copied in runs, found 16 at a time
      while (i_ + 16 <= t_.size() && plain16(t_.data() + i_)) i_ += 16;
      while (i_ < t_.size()) {
        const auto c = static_cast<unsigned char>(t_[i_]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++i_;
      }
      out.append(t_.data() + run, i_ - run);
      if (i_ == t_.size())
        return b_.syntax_error(i_, "an unterminated string: the text ends inside the string that starts at byte " + std::to_string(open) +
                                       " (a closing quote is missing, or the file is cut).");
      const auto c = static_cast<unsigned char>(t_[i_]);
      if (c == '"') return ++i_, true;
      if (c >= 0x80) {
        const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;  // the sequence a lead byte starts
        if (first_invalid_utf8(t_.substr(i_, n)) != std::string_view::npos) return utf8_error(i_);
        out.append(t_.data() + i_, n);
        i_ += n;
      } else if (c == '\\') {
        if (!escape(out)) return false;
      } else if (c == '\n' || c == '\r') {
        return b_.syntax_error(i_, "a line break inside a string: a closing quote is missing before it, or write the break as \\n.");
      } else if (c == 0) {
        return b_.syntax_error(i_, "a NUL byte (inside strings write \\u0000).");
      } else {
        static const char* hex = "0123456789ABCDEF";
        const std::string code = std::string("00") + hex[c >> 4] + hex[c & 15];
        return b_.syntax_error(i_, "a control character (U+" + code + ") inside a string: write it as \\u" + code + ".");
      }
    }
  }

  bool escape(std::string& out) {
    const size_t at = i_++;  // the backslash
    if (i_ == t_.size()) return b_.syntax_error(at, "an unterminated string: the text ends after a backslash.");
    const char e = t_[i_++];
    switch (e) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default:
        return b_.syntax_error(at, std::string("an invalid escape '\\") + (e >= 0x20 && e < 0x7F ? std::string(1, e) : "…") +
                                       "': JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (a backslash itself is \\\\).");
    }
    uint32_t cp = 0;
    if (!hex4(at, cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
      return b_.syntax_error(
          at, "a lone low surrogate \\u" + std::string(t_.substr(at + 2, 4)) + ": it must follow a high one (\\uD800–\\uDBFF).");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = 0;
      if (t_.substr(i_, 2) != "\\u" || (i_ += 2, !hex4(i_ - 2, low)) || low < 0xDC00 || low > 0xDFFF)
        return b_.syntax_error(at, "a lone high surrogate \\u" + std::string(t_.substr(at + 2, 4)) +
                                       ": it must be followed by a low one (\\uDC00–\\uDFFF), as in \\uD83C\\uDFAC.");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
    return true;
  }

  bool hex4(size_t escape_at, uint32_t& cp) {
    for (int k = 0; k < 4; ++k, ++i_) {
      const char h = i_ < t_.size() ? t_[i_] : '\0';
      const int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (v < 0) return b_.syntax_error(escape_at, "an invalid \\u escape: \\u is followed by four hex digits (\\u00E9).");
      cp = cp * 16 + static_cast<uint32_t>(v);
    }
    return true;
  }

  std::string_view t_;
  Builder& b_;
  size_t i_ = 0;
};

// The next reference token of `pointer` (after its '/'), unescaped.
std::string next_token(std::string_view& pointer) {
  size_t end = pointer.find('/', 1);
  std::string_view raw = pointer.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
  pointer.remove_prefix(std::min(pointer.size(), raw.size() + 1));
  std::string token;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1'))
      token += raw[++i] == '0' ? '~' : '/';
    else
      token += raw[i];
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
                 "The article is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(limits.max_input_bytes) +
                     " (maxInputBytes).");
    return false;
  }
  Builder builder(text, limits, doc.root, diags);
  const bool ok = Parser(text, builder).run();
  doc.nodes_ = builder.take_nodes();
  doc.root_offset_ = builder.root_offset();
  return ok && !diags.has_errors();
}

nlohmann::json parse_json_value(std::string_view text) {
  JsonDocument doc;
  Diagnostics diags(text);
  if (!parse_json(text, Limits{}, doc, diags)) return json(json::value_t::discarded);
  return std::move(doc.root);
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
